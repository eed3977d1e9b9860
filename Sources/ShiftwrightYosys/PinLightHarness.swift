import ShiftwrightHDL
import ShiftwrightTooling

/// A pin-light timing harness: times a clocked design whose ports outnumber the package's pins.
/// Every input bit of the design is driven by one register of a serial shift chain fed from one
/// pin (`harness_in`); every output bit is registered, and the registered outputs are XOR-folded
/// four at a time, each level registered again, down to one pin (`harness_out`). So the harness
/// needs three pins (clock, in, out), every path of the design is register to register, and no
/// output can be optimized away: each output bit reaches `harness_out` through XORs alone.
///
/// The harness's own cells are known exactly (`overhead`), so the design's share of a harness
/// synthesis can be compared with the bare synthesis (`lostLogic`): a harness that left logic
/// unobserved, which synthesis then removes, is caught there.
public enum PinLightHarness {
    /// Bits XOR-folded by one register of the output tree: one 4-input LUT on iCE40 and ECP5.
    static let foldArity = 4

    static func topName(_ design: SynthDesign) -> String { "\(design.top)_harness" }

    /// The harness's own registers and LUTs around a design with these ports.
    public struct Overhead: Sendable, Equatable {
        /// Registers of the input shift chain (one per input bit, the clock excluded).
        public let chainRegisters: Int
        /// Registers that capture the design's outputs (one per output bit).
        public let captureRegisters: Int
        /// The XOR tree's registers; each one is fed by one LUT.
        public let foldRegisters: Int

        public var flipFlops: Int { chainRegisters + captureRegisters + foldRegisters }
        public var luts: Int { foldRegisters }
    }

    /// The widths of the XOR tree's levels for `bits` captured output bits: each level folds
    /// `foldArity` bits of the one before into one register, down to a single bit.
    static func foldLevels(_ bits: Int) -> [Int] {
        var levels: [Int] = [], width = bits
        while width > 1 {
            width = (width + foldArity - 1) / foldArity
            levels.append(width)
        }
        return levels
    }

    /// The ports of `design` other than its clock, checked to be a clocked Shiftwright design.
    static func dataPorts(_ design: SynthDesign) throws -> (inputs: [PortSpec], outputs: [PortSpec]) {
        let data = try design.clockedPorts().filter { $0.name != "clk" }
        let inputs = data.filter(\.isInput), outputs = data.filter { !$0.isInput }
        guard !outputs.isEmpty else { throw ToolError("\(design.top) has no outputs: a timing harness would observe nothing") }
        return (inputs, outputs)
    }

    public static func overhead(for design: SynthDesign) throws -> Overhead {
        let (inputs, outputs) = try dataPorts(design)
        let outBits = outputs.reduce(0) { $0 + $1.width }
        return Overhead(chainRegisters: inputs.reduce(0) { $0 + $1.width }, captureRegisters: outBits,
                        foldRegisters: foldLevels(outBits).reduce(0, +))
    }

    /// The harness module (with the design's Verilog before it) as a design to synthesize and place.
    public static func design(around design: SynthDesign) throws -> SynthDesign {
        let (inputs, outputs) = try dataPorts(design)
        let top = topName(design)
        let inBits = inputs.reduce(0) { $0 + $1.width }, outBits = outputs.reduce(0) { $0 + $1.width }
        var lines = [
            "// Pin-light timing harness of \(design.top): its \(inBits) input bits from a shift chain on harness_in,",
            "// its \(outBits) output bits registered and XOR-folded (registered per level) onto harness_out.",
            "module \(top) (",
            "    input wire clk,",
            "    input wire harness_in,",
            "    output wire harness_out",
            ");",
        ]
        var connections = [".clk(clk)"]
        if inBits > 0 {
            lines.append("    reg [\(inBits - 1):0] chain;")
            lines.append(inBits == 1 ? "    always @(posedge clk) chain <= harness_in;"
                                     : "    always @(posedge clk) chain <= {chain[\(inBits - 2):0], harness_in};")
            var offset = 0
            for p in inputs {
                connections.append(".\(p.name)(chain[\(offset + p.width - 1):\(offset)])")
                offset += p.width
            }
        }
        lines.append("    wire [\(outBits - 1):0] observed;")
        lines.append("    reg [\(outBits - 1):0] captured;")
        lines.append("    always @(posedge clk) captured <= observed;")
        var offset = 0
        for p in outputs {
            connections.append(".\(p.name)(observed[\(offset + p.width - 1):\(offset)])")
            offset += p.width
        }
        lines.append("    \(design.top) dut (\(connections.joined(separator: ", ")));")
        var previous = "captured", width = outBits
        for (level, folded) in foldLevels(outBits).enumerated() {
            let name = "fold\(level + 1)"
            lines.append("    reg [\(folded - 1):0] \(name);")
            for i in 0..<folded {
                let high = min(foldArity * i + foldArity - 1, width - 1)
                lines.append("    always @(posedge clk) \(name)[\(i)] <= ^\(previous)[\(high):\(foldArity * i)];")
            }
            (previous, width) = (name, folded)
        }
        lines.append("    assign harness_out = \(previous)[0];")
        lines.append("endmodule")
        let text = design.verilog + "\n" + lines.joined(separator: "\n") + "\n"
        return SynthDesign(top: top, fileName: "\(top).v", verilog: text, ports: [
            PortSpec(name: "clk", direction: .input, width: 1, signed: false),
            PortSpec(name: "harness_in", direction: .input, width: 1, signed: false),
            PortSpec(name: "harness_out", direction: .output, width: 1, signed: false),
        ])
    }

    /// Share of the bare synthesis's LUTs the design may miss inside the harness: LUT mapping
    /// moves with the names and drivers around the design, removed logic far more. Measured with
    /// Yosys 0.70: LUT4 −25 of 643 (−3.9%) for a 2×2 array on ECP5 (also with the harness's parts
    /// kept as separate modules, so it is mapping, not absorption), −5 of 10,880 for the 8×8
    /// array on ECP5, +5 of 12,185 on iCE40, ±0 for a PE. Wide-function muxes (PFUMX, L6MUX21)
    /// are alternatives to LUTs there (−41 of 200 for the 2×2 array) and are not compared. Carry
    /// cells move the same way: ECP5 CCU2C −5 of 123 for the 2×2 array of the array cell (its
    /// column adders fed by registers instead of ports), so they get the same tolerance.
    public static let mappingTolerance = 0.05

    /// The design's cells inside a harness synthesis, by column (LUT, FF, carry, DSP, memory):
    /// the harness's totals less its own registers and fold LUTs (or a bare synthesis's totals).
    public static func designShare(_ area: AreaFigures, less overhead: Overhead? = nil) -> [String: Int] {
        ["LUT": area.luts - (overhead?.luts ?? 0), "FF": area.flipFlops - (overhead?.flipFlops ?? 0),
         "carry": area.carries, "DSP": area.dsps, "memory": area.memories]
    }

    /// Nil when the harness kept all of the design, else one line naming what it lost: logic
    /// the harness left unobserved, which synthesis removed, so the Fmax would be of a smaller
    /// design. Kept means: at least the bare synthesis's flip-flops, DSPs and memories (counts
    /// that mapping does not lower: equal or higher in every measurement) and its LUTs and carry
    /// cells within `mappingTolerance`.
    public static func lostLogic(harness: AreaFigures, bare: AreaFigures, overhead: Overhead, design: String) -> String? {
        let share = designShare(harness, less: overhead), reference = designShare(bare)
        let lost = ["LUT", "FF", "carry", "DSP", "memory"].compactMap { key -> String? in
            let kept = share[key] ?? 0, expected = reference[key] ?? 0
            let mapped = key == "LUT" || key == "carry"
            let floor = mapped ? Int((Double(expected) * (1 - mappingTolerance)).rounded(.up)) : expected
            return kept < floor ? "\(key) \(kept) of \(expected)" : nil
        }
        guard !lost.isEmpty else { return nil }
        return "the timing harness of \(design) lost logic that synthesis removed (\(lost.joined(separator: ", ")) of the bare synthesis)"
    }
}
