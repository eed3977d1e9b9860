import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightYosys

/// The power column of the AUSN paper's Table 4 measured the way open tools allow: the
/// switching-energy proxy (docs/energy.md) of every Table 4 row (`PaperFigures`' row list) beside
/// its integer baseline on the same data, and the paper's Vivado power ratios beside ours.
/// Written as text and CSV (`act,weight,top,target,luts,ffs,switching_per_mac,baseline,…`).
public struct EnergyReport: Sendable {
    /// One Table 4 row.
    public struct Row: Sendable {
        public let architecture: PaperFigures.Architecture
        public let weightBits: Int
        public let weight: String
        /// Nil when a netlist of the row failed the golden check (`problem` says how).
        public let comparison: EnergyComparison?
        public let problem: String?
    }

    public let target: SynthTarget
    public let yosysVersion: String
    public let verilatorVersion: String
    public let macs: Int
    public let rows: [Row]

    /// The paper's power (W) of a 64×64 array, Table 4 (Vivado on a ZCU104).
    public static func paperPower(_ arch: PaperFigures.Architecture, weightBits: Int) -> Double? {
        switch (arch, weightBits) {
        case (.multiplier, 8): 4.21
        case (.multiplier, 5): 3.75
        case (.multiplier, 4): 3.67
        case (.shifter, 8): 4.51
        case (.shifter, 5): 4.26
        case (.shifter, 4): 4.07
        case (.ausn, 8): 2.65
        case (.ausn, 5): 2.24
        case (.ausn, 4): 2.17
        default: nil
        }
    }

    /// The paper's multiplier power / this architecture's, at the same width.
    public static func paperRatio(_ arch: PaperFigures.Architecture, weightBits: Int) -> Double? {
        guard let m = paperPower(.multiplier, weightBits: weightBits), let p = paperPower(arch, weightBits: weightBits) else { return nil }
        return m / p
    }

    /// Measures every row for `target` with `macs` MACs each (int8 activations, K = 1024 accumulators
    /// as in Table 4), `jobs` Yosys or Verilator processes at a time.
    public static func run(target: SynthTarget, macs: Int, yosys: Yosys = Yosys(), accumulationDepth: Int = 1024, jobs: Int = 3,
                           progress: (@Sendable (String) -> Void)? = nil) throws -> EnergyReport {
        let int8 = try NumberFormat(parsing: "int8")
        var entries: [(PaperFigures.Architecture, Int, String, BaselinePair, PEConfig)] = []
        for bits in PaperFigures.weightBits {
            for arch in PaperFigures.Architecture.allCases {
                for weight in PaperFigures.weights(arch, weightBits: bits) {
                    let config = try PEConfig(activation: int8, weight: NumberFormat(parsing: weight), accumulationDepth: accumulationDepth)
                    entries.append((arch, bits, weight, try BaselinePair(config), config))
                }
            }
        }
        let cache = EnergyCache()
        // Synthesize every design and both integer MACs of each width first, several at a time.
        let all = entries.flatMap { e in (e.4.weight.isInteger ? [] : [e.3.design]) + e.3.baselines }
        try EnergyCache.parallel(all, jobs: jobs) { config in
            progress?("energy: synthesizing \(config.moduleName)")
            _ = try cache.netlist(config, target: target, yosys: yosys)
        }
        // Then simulate each row's design and its equal-effort baseline.
        var measured: [PEConfig] = []
        for e in entries {
            let best = e.3.bestBaseline(Dictionary(uniqueKeysWithValues: try e.3.baselines.map { ($0.moduleName, try cache.netlist($0, target: target, yosys: yosys).area) }),
                                        target: target)
            measured += [e.4.weight.isInteger ? best : e.3.design, best]
        }
        try EnergyCache.parallel(measured, jobs: jobs) { config in
            progress?("energy: simulating \(config.moduleName) on \(macs) MACs")
            _ = try cache.measurementResult(config, target: target, macs: macs, yosys: yosys)
        }
        var rows: [Row] = []
        for e in entries {
            do {
                rows.append(Row(architecture: e.0, weightBits: e.1, weight: e.2,
                                comparison: try EnergyComparison.run(e.4, target: target, macs: macs, yosys: yosys, cache: cache), problem: nil))
            } catch let error as ToolError where error.kind == .checkFailed {
                rows.append(Row(architecture: e.0, weightBits: e.1, weight: e.2, comparison: nil, problem: error.message))
            }
        }
        return EnergyReport(target: target, yosysVersion: try yosys.version(), verilatorVersion: try ExternalTool.verilator.version(),
                            macs: macs, rows: rows)
    }

    /// The CSV header; `act`, `weight`, `target`, `switching_per_mac`, `baseline` and
    /// `baseline_switching_per_mac` are read by name elsewhere: keep them.
    public static let csvHeader = "act,weight,top,target,luts,ffs,switching_per_mac,baseline,baseline_switching_per_mac,ratio,"
        + "toggles_per_mac,baseline_toggles_per_mac,baseline_luts,baseline_ffs,macs,architecture,width,paper_power_w,paper_multiplier_power_w,paper_ratio,yosys"

    /// One line per row; numbers with fixed decimals (deterministic).
    public var csv: String {
        var lines = [Self.csvHeader]
        for row in rows {
            guard let c = row.comparison else { continue }
            let d = c.design, b = c.baseline
            let power = Self.paperPower(row.architecture, weightBits: row.weightBits)
            let multiplier = Self.paperPower(.multiplier, weightBits: row.weightBits)
            let fields: [String] = [
                c.designConfig.activation.description, c.designConfig.weight.description, d.top, target.name,
                String(d.area.luts), String(d.area.flipFlops), Self.fixed(d.switchingPerMAC, 3), b.top, Self.fixed(b.switchingPerMAC, 3),
                Self.fixed(c.ratio, 4), Self.fixed(d.togglesPerMAC, 3), Self.fixed(b.togglesPerMAC, 3), String(b.area.luts),
                String(b.area.flipFlops), String(d.macs), row.architecture.rawValue, "8/\(row.weightBits)",
                power.map { Self.fixed($0, 2) } ?? "", multiplier.map { Self.fixed($0, 2) } ?? "",
                Self.paperRatio(row.architecture, weightBits: row.weightBits).map { Self.fixed($0, 4) } ?? "",
                "\"\(yosysVersion)\"",
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text report.
    public var text: String {
        var lines = [
            "AUSN paper Table 4, power column: switching-energy proxy from gate-level simulation (docs/energy.md)",
            "ours: one PE (int8 activation, accumulator for K = 1024), target \(target.name) (\(target.synthCommand)), \(yosysVersion), \(verilatorVersion)",
            "data: \(EnergyWorkload.source); \(macs) MACs per design, clear every 64",
            "proxy = sum over nets (clock excluded) of toggles x (1 + fan-out), per MAC; zero-delay: no glitches, no static, no wires, no clock tree",
            "paper: 64x64 MAC array on a Xilinx ZCU104, Vivado power (W); paper x = multiplier W / this W",
            "",
        ]
        let header = ["A/W", "architecture", "weight", "LUT", "FF", "toggles/MAC", "proxy/MAC", "baseline", "base proxy/MAC", "ours x", "paper W", "paper x"]
        var table: [[String]] = [header]
        for row in rows {
            guard let c = row.comparison else {
                table.append(["8/\(row.weightBits)", row.architecture.rawValue, row.weight, "-", "-", "-", "-", "-", "-", "-",
                              Self.paperPower(row.architecture, weightBits: row.weightBits).map { Self.fixed($0, 2) } ?? "-",
                              Self.paperRatio(row.architecture, weightBits: row.weightBits).map { Self.fixed($0, 2) + "x" } ?? "-"])
                continue
            }
            table.append([
                "8/\(row.weightBits)", row.architecture.rawValue, c.designConfig.weight.description, String(c.design.area.luts),
                String(c.design.area.flipFlops), Self.fixed(c.design.togglesPerMAC, 1), Self.fixed(c.design.switchingPerMAC, 1),
                c.baselineConfig.weight.description + Self.layoutLabel(c.baselineConfig.integerProduct),
                Self.fixed(c.baseline.switchingPerMAC, 1), Self.fixed(c.ratio, 2) + "x",
                Self.paperPower(row.architecture, weightBits: row.weightBits).map { Self.fixed($0, 2) } ?? "-",
                Self.paperRatio(row.architecture, weightBits: row.weightBits).map { Self.fixed($0, 2) + "x" } ?? "-",
            ])
        }
        lines.append(String(ReportText.columns(table, leftColumns: 3).dropLast()))
        lines += [
            "",
            "ours x = the equal-effort integer MAC's proxy / this row's, on the same data (above 1: this row switches less).",
            "paper x = the paper's multiplier power / this architecture's at the same width (e.g. 8/4: 3.67 / 2.17 = 1.69x).",
            "",
            "Where the paper's power claim holds, per PE and on this data:",
        ]
        for bits in PaperFigures.weightBits {
            guard let ausn = rows.first(where: { $0.architecture == .ausn && $0.weightBits == bits }), let comparison = ausn.comparison,
                  let paper = Self.paperRatio(.ausn, weightBits: bits) else { continue }
            let ours = comparison.ratio
            let verdict = ours >= paper * 0.9 ? "holds" : ours > 1 ? "holds in direction, smaller" : "does not hold"
            lines.append("- 8/\(bits): integer MAC / AUSN (\(comparison.designConfig.weight)) = \(Self.fixed(ours, 2))x against the paper's \(Self.fixed(paper, 2))x: \(verdict).")
        }
        let problems = rows.filter { $0.problem != nil }
        if !problems.isEmpty {
            lines += ["", "Rows without a proxy (their gate-level netlist failed the golden check, so its activity is not of this workload):"]
            lines += problems.map { "- 8/\($0.weightBits) \($0.architecture.rawValue) \($0.weight): \($0.problem!)" }
        }
        lines += [
            "",
            "What this is not: watts. The paper's figures are a whole array (weights, buffers, clock tree, I/O, static power)",
            "measured by Vivado; ours are one PE's relative switching activity. For watts, write the SAIF",
            "(shiftwright energy pe --saif FILE) and feed it with the EDIF netlist to Vivado (docs/energy.md).",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report's files in `directory`: `energy.<target>.txt` and `.csv`, written all-or-nothing.
    public func write(into directory: String) throws -> [String] {
        let files = [("energy.\(target.name).txt", Data(text.utf8)), ("energy.\(target.name).csv", Data(csv.utf8))]
        try AtomicFile.writeAll(files.map { (name: $0.0, data: $0.1) }, into: directory)
        return files.map(\.0)
    }

    /// How the baseline column names the integer MAC's layout.
    static func layoutLabel(_ layout: PEGenerator.IntegerProduct) -> String {
        switch layout {
        case .booth: " (Booth)"
        case .boothFlat: " (Booth flat)"
        case .multiply: " (*)"
        }
    }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "nan" }
        return String(format: "%.\(digits)f", x)
    }
}
