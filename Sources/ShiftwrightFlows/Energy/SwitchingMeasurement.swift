import BigInt
import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilator
import ShiftwrightYosys

/// The switching-energy proxy of one synthesized PE on one workload (docs/energy.md): the PE is
/// synthesized for the target (`Yosys.activityNetlist`), its gate-level netlist simulated in
/// Verilator with the target's cell models on the workload (zero delay, VCD of every cycle but
/// the reset), its outputs checked against the golden PE (`ReferencePE`) so the netlist really
/// ran the stream, and every net's toggles weighted by its capacitance proxy, 1 + fan-out:
///
///     proxy = Σ over nets n (clock nets excluded) of toggles(n) × (1 + loads(n))
///
/// reported per MAC. Relative dynamic switching activity, not watts.
public struct SwitchingMeasurement: Sendable {
    /// One net of the netlist with its activity and weight.
    public struct NetActivity: Sendable {
        /// The name the trace and the SAIF use (the first of the net's names found in the trace).
        public let name: String
        public let loads: Int
        public let activity: ValueChangeDump.BitActivity
        public let isClock: Bool
        public init(name: String, loads: Int, activity: ValueChangeDump.BitActivity, isClock: Bool) {
            (self.name, self.loads, self.activity, self.isClock) = (name, loads, activity, isClock)
        }
        /// toggles × (1 + loads); 0 for clock nets (excluded from the proxy).
        public var weighted: Int { isClock ? 0 : activity.toggles * (1 + loads) }
    }

    public let top: String
    public let target: SynthTarget
    public let area: AreaFigures
    /// MAC cycles traced (every traced cycle is one MAC).
    public let macs: Int
    public let nets: [NetActivity]
    /// Nets that no traced signal carries (undriven or unloaded leftovers of synthesis).
    public let untracedNets: Int
    /// The dump's duration in its time units (10 per cycle).
    public let duration: Int
    /// The netlist the activity belongs to, as EDIF (what Vivado reads before the SAIF).
    public let edif: Data

    public var weightedToggles: Int { nets.reduce(0) { $0 + $1.weighted } }
    public var toggles: Int { nets.reduce(0) { $0 + ($1.isClock ? 0 : $1.activity.toggles) } }
    /// The proxy per MAC operation.
    public var switchingPerMAC: Double { Double(weightedToggles) / Double(macs) }
    public var togglesPerMAC: Double { Double(toggles) / Double(macs) }

    /// The activity of every net in SAIF 2.0 (clock nets included, as power tools want them), one
    /// cycle = 10 ns (the dump's unit read as 1 ns: a 100 MHz clock); instance = the netlist's top.
    public var saif: SwitchingActivityFile {
        SwitchingActivityFile(design: top, instance: top, timescale: "1 ns", duration: duration,
                              nets: nets.map { .init(name: $0.name, activity: $0.activity) })
    }

    /// Synthesizes and simulates the PE of `config` (not pipelined) on `workload`.
    public static func measure(_ config: PEConfig, target: SynthTarget, workload: EnergyWorkload,
                               yosys: Yosys = Yosys()) throws -> SwitchingMeasurement {
        let netlist = try yosys.activityNetlist(SynthDesign.pe(config), target: target)
        return try measure(netlist, config: config, workload: workload)
    }

    /// Simulates an activity netlist of the PE of `config` on `workload`.
    public static func measure(_ netlist: ActivityNetlist, config: PEConfig, workload: EnergyWorkload) throws -> SwitchingMeasurement {
        guard !config.pipelined else { throw ToolError("the energy proxy measures unpipelined PEs (drop --pipeline)") }
        guard workload.activation == config.activation, workload.weight == config.weight else {
            throw ToolError("workload formats \(workload.activation) x \(workload.weight) are not the PE's \(config.activation) x \(config.weight)")
        }
        let ports = try PEGenerator.module(config).portSpecs
        let top = netlist.top
        let library = try ExternalRTL.cellModels(for: netlist.verilog, target: netlist.target.mapsToLUTs ? netlist.target.name : nil)
        let model = try VerilatorModel.build(verilog: [("\(top).netlist.v", netlist.verilog)], top: top, ports: ports,
                                             trace: .vcd, library: library)
        let macs = workload.steps.count
        let cycles = macs + 1  // cycle 0 holds reset
        let stimulus = try Self.stimulus(workload, layout: model.layout)
        let scratch = try ScratchSpace.makeTemporaryDirectory("energy")
        defer { ScratchSpace.release(scratch) }
        let wave = "\(scratch)/\(top).vcd"
        let outputs = try model.run(stimulus: stimulus, cycles: cycles, wave: (wave, 1, macs))
        try checkAgainstGolden(outputs, layout: model.layout, config: config, workload: workload)
        // The driver dumps at 10·c (inputs applied) and 10·c + 5 (after the edge); cycle `macs` ends at 10·(macs + 1).
        let dump = try ValueChangeDump.parse(Data(contentsOf: URL(fileURLWithPath: wave)), endTime: 10 * (macs + 1))
        let scope = "TOP.\(top)"
        guard let traced = dump.bits(inScope: scope) else {
            throw ToolError.toolFailed("the trace of \(top) has no scope \(scope) (scopes: \(dump.scopes.keys.sorted().prefix(5).joined(separator: ", ")))")
        }
        let fanout = try NetlistFanout.read(json: netlist.json, module: top)
        var nets: [NetActivity] = []
        var untraced = 0
        for net in fanout.nets {
            guard let name = net.names.first(where: { traced[$0] != nil }) else {
                if net.isDriven && net.loads > 0 {
                    throw ToolError.toolFailed("net \(net.names.joined(separator: "/")) of \(top) drives \(net.loads) pins but is not in the trace")
                }
                untraced += 1
                continue
            }
            nets.append(NetActivity(name: name, loads: net.loads, activity: traced[name]!, isClock: net.isClock))
        }
        return SwitchingMeasurement(top: top, target: netlist.target, area: netlist.area, macs: macs, nets: nets,
                                    untracedNets: untraced, duration: dump.endTime - dump.startTime, edif: netlist.edif)
    }

    /// Cycle 0: reset; cycle c ≥ 1: MAC c − 1 (act, wt, en = 1, clear on the first of each K).
    static func stimulus(_ workload: EnergyWorkload, layout: PortLayout) throws -> [UInt64] {
        let stride = layout.inputWords
        func offset(_ name: String) throws -> Int {
            guard let o = layout.inputOffset(name) else { throw ToolError("the PE has no input \(name)") }
            return o
        }
        let (act, wt, en, clear) = (try offset("act"), try offset("wt"), try offset("en"), try offset("clear"))
        var words = [UInt64](repeating: 0, count: (workload.steps.count + 1) * stride)
        if let rst = layout.inputOffset("rst") { words[rst] = 1 }
        for (i, step) in workload.steps.enumerated() {
            let base = (i + 1) * stride
            words[base + act] = step.activation
            words[base + wt] = step.weight
            words[base + en] = 1
            words[base + clear] = step.clear ? 1 : 0
        }
        return words
    }

    /// The accumulator sampled in cycle c + 2 must be the golden one after MAC c (`ReferencePE`,
    /// exact at any accumulator width).
    static func checkAgainstGolden(_ outputs: [UInt64], layout: PortLayout, config: PEConfig, workload: EnergyWorkload) throws {
        guard let acc = layout.outputIndex("acc") else { throw ToolError("the PE has no output acc") }
        var golden = ReferencePE(activation: config.activation, weight: config.weight)
        let stride = layout.outputWords
        let row = [UInt64](repeating: 0, count: stride)
        for (c, step) in workload.steps.enumerated() {
            let expected = golden.step(actCode: step.activation, weightCode: step.weight, enable: true, clear: step.clear)
            let cycle = c + 2
            guard (cycle + 1) * stride <= outputs.count else { break }  // the last MAC's result is never sampled
            var words = row
            for w in 0..<stride { words[w] = outputs[cycle * stride + w] }
            let got = PortLayout.load(port: acc.port, from: words, at: acc.offset)
            guard got == expected else {
                throw ToolError.checkFailed("the gate-level netlist of \(config.moduleName) computed acc = \(got) after MAC \(c), the golden model \(expected): the measured activity is not of this workload")
            }
        }
    }
}
