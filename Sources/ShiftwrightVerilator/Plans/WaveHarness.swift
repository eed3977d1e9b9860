import BigInt
import ShiftwrightHDL

/// The golden side of a waveform: for each checked output port, the value the checker compares it
/// with at a cycle (nil: that cycle is not checked). Plans that provide it get the expected values
/// and a mismatch flag as signals in their dumps.
public struct WaveExpectations: Sendable {
    public let ports: [PortSpec]
    /// One entry per port of `ports`, for the cycle given.
    public let values: @Sendable (_ cycle: Int) -> [BigInt?]

    public init(ports: [PortSpec], values: @escaping @Sendable (_ cycle: Int) -> [BigInt?]) {
        (self.ports, self.values) = (ports, values)
    }
}

/// The design wrapped for a waveform: the same ports (so a dump reads like the design's own),
/// plus inputs `tb_expected_<port>` and `tb_checked_<port>` fed with the golden values, and an
/// output `tb_mismatch` — the names the exported testbench uses, so both dumps read alike. The
/// checker samples outputs with clk low (at 10·cycle in the dump); in a clocked design
/// `tb_mismatch` rises at the clock edge that ends a mismatching cycle and holds for one period,
/// in a combinational one it is 1 during that cycle.
enum WaveHarness {
    static func expectedName(_ port: PortSpec) -> String { "tb_expected_\(port.name)" }
    static func checkedName(_ port: PortSpec) -> String { "tb_checked_\(port.name)" }
    static let mismatchName = "tb_mismatch"

    static func module(_ design: Module, expectations: WaveExpectations) throws -> Module {
        try Module.build("tb_wave_\(design.name)", generator: "WaveHarness") { m in
            var inputs: [String: Signal] = [:]
            for port in design.inputs where !port.isImplicit { inputs[port.name] = m.input(port.name, port.type) }
            let dut = m.instance(design, name: "dut", inputs: inputs)
            var outputs: [String: Signal] = [:]
            for port in design.outputs { outputs[port.name] = m.output(port.name, dut.output(port.name)) }
            var mismatch: Signal?
            for port in expectations.ports {
                let expected = m.input(expectedName(port), HWType(width: port.width, signed: port.signed))
                let checked = m.input(checkedName(port), .bit)
                let differs = (checked & (outputs[port.name]! .!= expected)).named("differs_\(port.name)")
                mismatch = mismatch.map { $0 | differs } ?? differs
            }
            let differs = mismatch ?? m.constant(0, .bit)
            guard design.hasClock else { m.output(mismatchName, differs); return }
            // Outputs are sampled with clk low, before the edge; after the edge they already show
            // the next cycle, so the flag is registered at that edge to hold what was sampled.
            let flag = m.reg("mismatch_sampled", .bit)
            flag.assign(differs)
            m.output(mismatchName, flag)
        }
    }

    /// `stimulus` (the plan's rows, already placed in `layout` by the caller; its first row is
    /// cycle `firstRowCycle`) with the expected values and check flags of cycles `window` written
    /// in; other cycles stay unchecked.
    static func addExpectations(_ expectations: WaveExpectations, window: ClosedRange<Int>, layout: PortLayout,
                                firstRowCycle: Int = 0, to stimulus: inout [UInt64]) {
        let stride = layout.inputWords
        let slots = expectations.ports.map { port in
            (port, layout.inputOffset(expectedName(port)), layout.inputOffset(checkedName(port)))
        }
        for cycle in window {
            for (port, value) in zip(slots, expectations.values(cycle)) {
                guard let value, let valueOffset = port.1, let flagOffset = port.2 else { continue }
                let spec = PortSpec(name: expectedName(port.0), direction: .input, width: port.0.width, signed: port.0.signed)
                let row = cycle - firstRowCycle
                PortLayout.store(value, port: spec, into: &stimulus, at: row * stride + valueOffset)
                stimulus[row * stride + flagOffset] = 1
            }
        }
    }
}
