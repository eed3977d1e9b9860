import Foundation
import ShiftwrightHDL
import ShiftwrightTooling

/// Formal equivalence of two Verilog designs with the same ports, with Yosys: both are read,
/// elaborated and flattened on their own, then `equiv_make` pairs their outputs and
/// `equiv_simple -seq` with `equiv_induct` proves every output equal for all inputs and all
/// reachable states. When the proof fails, a bounded model check of a miter (both designs
/// started from reset) looks for a concrete input sequence that makes them differ.
public struct Equivalence: Sendable {
    /// One side of the comparison: Verilog text (every module it needs) and its top.
    public struct Side: Sendable {
        public let verilog: String
        public let top: String
        public init(verilog: String, top: String) {
            self.verilog = verilog
            self.top = top
        }
    }

    /// One cycle of a counterexample: every input's value and both designs' outputs after it.
    public struct Step: Sendable {
        public let cycle: Int
        public var inputs: [(String, String)]
        public var gold: [(String, String)]
        public var gate: [(String, String)]
        /// The outputs differ in this cycle.
        public var differs: Bool
    }

    /// What the check found.
    public enum Verdict: Sendable {
        /// Equal for all inputs and states (the induction closed).
        case proven
        /// A concrete input sequence, from reset, after which an output differs.
        case counterexample([Step])
        /// Not proven, and no counterexample within `depth` cycles.
        case unknown(unproven: String, depth: Int)
    }

    public let yosys: Yosys
    /// Cycles `equiv_simple`/`equiv_induct` look back.
    public let sequenceDepth: Int
    /// Cycles of the bounded search for a counterexample.
    public let searchDepth: Int
    /// Yosys's simulation models of the gate's vendor cells (`+/ice40/cells_sim.v`, …), if any.
    public let cellLibrary: String?

    public init(yosys: Yosys = Yosys(), sequenceDepth: Int = 2, searchDepth: Int = 12, cellLibrary: String? = nil) {
        self.yosys = yosys
        self.sequenceDepth = sequenceDepth
        self.searchDepth = searchDepth
        self.cellLibrary = cellLibrary
    }

    public func check(gold: Side, gate: Side, ports: [PortSpec]) throws -> Verdict {
        try Yosys.checkIdentifier(gold.top)
        try Yosys.checkIdentifier(gate.top)
        let dir = try ScratchSpace.makeTemporaryDirectory("prove")
        defer { ScratchSpace.release(dir) }
        try AtomicFile.write(gold.verilog, to: "\(dir)/gold.v")
        try AtomicFile.write(gate.verilog, to: "\(dir)/gate.v")
        let load = loadCommands(gold: gold, gate: gate)
        do {
            try yosys.run(script: (load + [
                "equiv_make gold gate equiv", "hierarchy -top equiv",
                "equiv_simple -seq \(sequenceDepth)", "equiv_induct -seq \(sequenceDepth)", "equiv_status -assert",
            ]).joined(separator: "\n"), in: dir)
            return .proven
        } catch let error as ToolError {
            guard error.message.contains("unproven") else { throw error }
            let reset = ports.contains { $0.name == "rst" && $0.isInput } ? ["-set-at", "1", "in_rst", "1"] : []
            try yosys.run(script: (load + [
                "miter -equiv -flatten -make_outputs -ignore_gold_x gold gate miter", "hierarchy -top miter",
                (["sat", "-seq", "\(searchDepth)"] + reset + ["-set-init-zero", "-prove", "trigger", "0",
                  "-show-inputs", "-show-outputs", "-dump_json", "cex.json", "miter"]).joined(separator: " "),
            ]).joined(separator: "\n"), in: dir)
            guard let data = FileManager.default.contents(atPath: "\(dir)/cex.json") else {
                return .unknown(unproven: error.message, depth: searchDepth)
            }
            let steps = try Self.steps(waveJSON: data, ports: ports)
            return steps.contains(where: \.differs) ? .counterexample(steps) : .unknown(unproven: error.message, depth: searchDepth)
        }
    }

    /// Reads, elaborates and flattens each side alone (their submodules may share names), then
    /// puts both into one design as `gold` and `gate`.
    private func loadCommands(gold: Side, gate: Side) -> [String] {
        // Kept submodules (keep_hierarchy) are flattened too: equivalence is of the whole design.
        let flatten = ["setattr -mod -unset keep_hierarchy *", "flatten"]
        var lines = ["read_verilog -sv gold.v", "hierarchy -top \(gold.top)", "proc"] + flatten + ["rename \(gold.top) gold",
                     "design -stash gold"]
        if let cellLibrary { lines.append("read_verilog \(cellLibrary)") }
        lines.append("read_verilog -sv gate.v")
        lines += ["hierarchy -top \(gate.top)", "proc"] + flatten + ["rename \(gate.top) gate", "design -stash gate",
                  "design -copy-from gold -as gold gold", "design -copy-from gate -as gate gate"]
        return lines
    }

    /// Decodes Yosys's WaveJSON counterexample: column 0 is the initial state, columns 1… the
    /// cycles; `=` takes the next data value, `.` repeats, `0`/`1` are bits.
    static func steps(waveJSON data: Data, ports: [PortSpec]) throws -> [Step] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let signals = root["signal"] as? [[String: Any]] else {
            throw ToolError("Yosys's counterexample is not in the expected WaveJSON form")
        }
        var columns: [String: [String]] = [:]
        for signal in signals {
            guard let name = signal["name"] as? String, let wave = signal["wave"] as? String else { continue }
            var data = (signal["data"] as? [String] ?? []).makeIterator()
            var values: [String] = []
            for c in wave {
                switch c {
                case "=": values.append(data.next() ?? "x")
                case ".": values.append(values.last ?? "x")
                case "0", "1": values.append(String(c))
                default: values.append("x")
                }
            }
            columns[name] = values
        }
        let cycles = (columns["trigger"]?.count ?? 1) - 1
        let inputs = ports.filter { $0.isInput && $0.name != "clk" }, outputs = ports.filter { !$0.isInput }
        return (1...max(1, cycles)).map { t in
            func value(_ key: String) -> String { columns[key].flatMap { t < $0.count ? $0[t] : nil } ?? "x" }
            return Step(cycle: t - 1,
                        inputs: inputs.map { ($0.name, value("in_\($0.name)")) },
                        gold: outputs.map { ($0.name, value("gold_\($0.name)")) },
                        gate: outputs.map { ($0.name, value("gate_\($0.name)")) },
                        differs: value("trigger") == "1")
        }
    }
}
