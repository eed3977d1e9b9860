import Foundation
import ShiftwrightHDL
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightVerilog
import ShiftwrightYosys

/// `prove`: formal equivalence of an external RTL file or netlist against the generated design,
/// for all inputs and all reachable states (Yosys `equiv_make`/`equiv_simple`/`equiv_induct`),
/// so configurations beyond exhaustive simulation (int16 activations, wide accumulators) are
/// checked completely. A design that is not equivalent yields a counterexample: the input
/// sequence from reset after which an output differs, with both designs' outputs.
public struct ProveRun: Sendable {
    /// The generated design (gold): a PE or a requantizer.
    public enum Design: Sendable {
        case pe(PEConfig)
        case requantizer(RequantizerConfig)
    }

    public var design: Design
    /// The Verilog file to prove equal to the generated design (its ports must match).
    public var rtl: String
    /// Its top module (default: the generated module's name).
    public var top: String?
    /// Vendor cells the netlist instantiates: `ice40`, `ecp5` or `xilinx` reads Yosys's own
    /// simulation models of them (`+/<family>/cells_sim.v`).
    public var cells: String?
    /// Cycles `equiv_simple`/`equiv_induct` look back, and of the counterexample search.
    public var sequenceDepth = 2
    public var searchDepth = 12
    public var yosysProgram = Yosys.pinnedExecutable

    public init(design: Design, rtl: String) {
        self.design = design
        self.rtl = rtl
    }

    /// The outcome, as a report and a verdict.
    public struct Result: Sendable {
        public let report: String
        public let proven: Bool
    }

    public func run() throws -> Result {
        let module: Module
        switch design {
        case let .pe(config): module = try PEGenerator.module(config)
        case let .requantizer(config): module = try RequantizerGenerator.module(config)
        }
        let gateTop = top ?? module.name
        let library = try cells.map { family -> String in
            guard ["ice40", "ecp5", "xilinx"].contains(family) else {
                throw ToolError("unknown --cells '\(family)': use ice40, ecp5 or xilinx")
            }
            return "+/\(family)/cells_sim.v"
        }
        let yosys = Yosys(executable: yosysProgram)
        if library == nil { _ = try ExternalRTL.read(rtl, expecting: module, top: gateTop) }
        guard let text = try? String(contentsOfFile: rtl, encoding: .utf8) else { throw ToolError("cannot read --rtl file \(rtl)") }
        let gold = VerilogEmitter.emit(module)
        let checker = Equivalence(yosys: yosys, sequenceDepth: sequenceDepth, searchDepth: searchDepth, cellLibrary: library)
        let start = Date()
        let verdict = try checker.check(gold: .init(verilog: gold.text, top: gold.top), gate: .init(verilog: text, top: gateTop),
                                        ports: module.portSpecs)
        let seconds = Date().timeIntervalSince(start)
        var lines = ["\(try yosys.version()): \(rtl) (top \(gateTop)) against generated \(module.name)"]
        let method = "equiv_make, equiv_simple -seq \(sequenceDepth), equiv_induct -seq \(sequenceDepth)"
        switch verdict {
        case .proven:
            lines.append(String(format: "PROVEN  equivalent for all inputs and all reachable states (%@; %.1f s)", method, seconds))
            return Result(report: lines.joined(separator: "\n") + "\n", proven: true)
        case let .counterexample(steps):
            lines.append(String(format: "NOT EQUIVALENT  counterexample from reset (%.1f s); cycle: inputs -> outputs (generated | %@)", seconds, gateTop))
            for step in steps {
                let inputs = step.inputs.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
                let outputs = zip(step.gold, step.gate).map { "\($0.0.0)=\($0.0.1) | \($0.1.1)" }.joined(separator: "; ")
                lines.append("  \(step.cycle): \(inputs) -> \(outputs)\(step.differs ? "   <- differs" : "")")
                if step.differs { break }
            }
            return Result(report: lines.joined(separator: "\n") + "\n", proven: false)
        case let .unknown(unproven, depth):
            lines.append("NOT PROVEN  \(unproven); no counterexample within \(depth) cycles from reset (try --seq-depth 3 or more)")
            return Result(report: lines.joined(separator: "\n") + "\n", proven: false)
        }
    }
}
