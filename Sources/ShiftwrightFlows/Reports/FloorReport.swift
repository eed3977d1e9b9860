import Foundation
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilog
import ShiftwrightYosys

/// `report floor`: how close each generated PE comes to the smallest RTL we could write by hand
/// for the same function. Every hand-written reference (a Verilog file whose first line names
/// its configuration, `// shiftwright-floor: --act int8 --weight ausn-b2s1 --acc-depth 1024`)
/// is first proven equivalent to the generated PE (Yosys equivalence, all inputs and states),
/// then both are synthesized by every Yosys asked for, with the same script, and the ratio
/// generated / hand is reported. The goal is ≤ 1.10 everywhere.
public struct FloorReport: Sendable {
    /// One reference design and its measurements.
    public struct Row: Sendable {
        public let config: PEConfig
        public let handFile: String
        public let technique: String
        public let proven: Bool
        /// Per Yosys version: (generated, hand) area. For an integer × integer PE the generated
        /// figure is the smallest of its layouts on that version (`PEGenerator.IntegerProduct`),
        /// named in `layout`; nil for the only layout there is.
        public let areas: [(yosys: String, generated: AreaFigures, hand: AreaFigures, layout: String?)]
    }

    public let target: SynthTarget
    public let rows: [Row]
    /// The goal: generated LUTs at most this many times the hand design's.
    public static let goal = 1.10

    /// Reads every `*.v` in `directory`, proves and synthesizes.
    public static func run(directory: String, yosysPrograms: [String], target: String = "xc7",
                           note: @escaping @Sendable (String) -> Void) throws -> FloorReport {
        let target = try SynthTarget(target)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory).filter({ $0.hasSuffix(".v") }).sorted(),
              !files.isEmpty else {
            throw ToolError("no hand-written reference designs (*.v) in \(directory)")
        }
        var rows: [Row] = []
        for file in files {
            let path = "\(directory)/\(file)"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ToolError("cannot read \(path)") }
            let (config, technique) = try header(text, file: path)
            let module = try PEGenerator.module(config)
            var prove = ProveRun(design: .pe(config), rtl: path)
            prove.yosysProgram = yosysPrograms.first ?? Yosys.pinnedExecutable
            let proven = try prove.run().proven
            note("\(file): \(proven ? "proven equal to" : "NOT proven equal to") \(module.name)")
            let hand = SynthDesign(top: module.name, fileName: "\(module.name).v", verilog: text, ports: module.portSpecs)
            // An integer MAC is generated in every layout; the smallest on each version counts.
            let layouts: [PEGenerator.IntegerProduct?] = config.activation.isInteger && config.weight.isInteger
                ? PEGenerator.IntegerProduct.allCases : [nil]
            let generated = try layouts.map { layout in
                SynthDesign(module: try layout.map { try PEGenerator.module(config.integerBaseline($0)) } ?? module)
            }
            var areas: [(String, AreaFigures, AreaFigures, String?)] = []
            for program in yosysPrograms {
                let yosys = Yosys(executable: program)
                let ours = try generated.map { try yosys.synthesizeOne($0, target: target, netlists: []).area }
                let best = ours.indices.min { target.cost(ours[$0]) < target.cost(ours[$1]) } ?? 0
                let handArea = try yosys.synthesizeOne(hand, target: target, netlists: []).area
                areas.append((try yosys.version(), ours[best], handArea, layouts[best]?.rawValue))
                note("  \(program): generated \(ours[best].luts) LUT\(layouts[best].map { " (\($0.rawValue))" } ?? ""), hand \(handArea.luts) LUT")
            }
            rows.append(Row(config: config, handFile: file, technique: technique, proven: proven, areas: areas))
        }
        return FloorReport(target: target, rows: rows)
    }

    /// The configuration named on the file's `// shiftwright-floor:` line and the technique line after it.
    static func header(_ text: String, file: String) throws -> (PEConfig, String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, first.hasPrefix("// shiftwright-floor:") else {
            throw ToolError("\(file): the first line must be '// shiftwright-floor: --act A --weight W [--acc-depth K]'")
        }
        var options: [String: String] = [:]
        let words = first.dropFirst("// shiftwright-floor:".count).split(separator: " ").map(String.init)
        var i = 0
        while i + 1 < words.count {
            guard words[i].hasPrefix("--") else { throw ToolError("\(file): unexpected '\(words[i])' on the shiftwright-floor line") }
            options[String(words[i].dropFirst(2))] = words[i + 1]
            i += 2
        }
        guard let act = options["act"], let weight = options["weight"] else {
            throw ToolError("\(file): the shiftwright-floor line needs --act and --weight")
        }
        let depth = try options["acc-depth"].map { value -> Int in
            guard let k = Int(value) else { throw ToolError("\(file): bad --acc-depth '\(value)'") }
            return k
        } ?? DefaultDesigns.accumulationDepth
        let config = try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight), accumulationDepth: depth)
        let technique = lines.dropFirst().first { $0.hasPrefix("// technique:") }
            .map { String($0.dropFirst("// technique:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
        return (config, technique)
    }

    /// The table: per design and Yosys version, generated and hand LUTs and their ratio.
    public var text: String {
        var out = "Generated PEs against the best hand-written RTL for the same function (proven equivalent first).\n"
        out += "target \(target) (\(target.synthCommand)); LUT counts; goal: generated <= \(String(format: "%.2f", Self.goal))x hand\n"
        let versions = rows.first?.areas.map(\.yosys) ?? []
        for (i, v) in versions.enumerated() { out += "  [\(i + 1)] \(v)\n" }
        var header = ["design", "acc", "proven"]
        for i in versions.indices { header += ["gen[\(i + 1)]", "hand[\(i + 1)]", "ratio[\(i + 1)]"] }
        var table = [header]
        var worst = 0.0
        for r in rows {
            var line = [r.config.moduleName, "\(r.config.accumulatorWidth)", r.proven ? "yes" : "NO"]
            for a in r.areas {
                let ratio = a.hand.luts > 0 ? Double(a.generated.luts) / Double(a.hand.luts) : .nan
                worst = max(worst, ratio.isNaN ? 0 : ratio)
                line += ["\(a.generated.luts)" + (a.layout.map { " (\($0))" } ?? ""), "\(a.hand.luts)",
                         String(format: "%.2f%@", ratio, ratio > Self.goal ? " !" : "")]
            }
            table.append(line)
        }
        out += ReportText.columns(table)
        out += String(format: "worst generated/hand ratio: %.2f (%@)\n", worst, worst <= Self.goal ? "within the goal" : "OVER the goal")
        for r in rows where !r.technique.isEmpty { out += "  \(r.handFile): \(r.technique)\n" }
        return out
    }
}
