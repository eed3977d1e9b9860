import Foundation
import ShiftwrightFormats
import ShiftwrightTooling

/// `analyze`: rank AFP / AUSN bit-splits for a tensor.
public struct AnalyzeRun: Sendable {

    /// Input .npy (float16/32/64).
    public var input: String
    /// Total code width N, sign included (2..16).
    public var bits: Int
    /// afp, ausn or all.
    public var family: String = "all"
    /// λ of the AFP cost trade-off cost^λ·MSE (0 = accuracy only).
    public var lambda: Double = 0
    /// AUSN top choice: paper, noclip, search (every top candidate) or an integer.
    public var scale: String = "search"
    /// Tie rule: even or smaller.
    public var ties: String = "even"
    /// Machine-readable JSON output.
    public var json = false

    struct Row: Encodable {
        let format: String; let scale: String; let mse: Double; let sqnrDB: Double
        let clipError: Double; let roundError: Double; let cost: Double?; let score: Double
    }
    struct Report: Encodable {
        let input: String; let count: Int; let bits: Int; let lambda: Double
        let afp: [Row]?; let ausn: [Row]?; let baselines: [Row]
        let chosenAFP: String?; let chosenAUSN: String?
    }

    public init(input: String, bits: Int) {
        self.input = input
        self.bits = bits
    }

    public func run(log: (String) -> Void) throws {
        guard ["afp", "ausn", "all"].contains(family) else { throw FormatError("bad --family '\(family)': expected afp, ausn or all") }
        guard lambda.isFinite, lambda >= 0 else { throw FormatError("--lambda must be a finite number ≥ 0") }
        let tieRule = try TieRule.parse(ties)
        let rule = try ScaleRule(parsing: scale)
        let tensor = try Npy.read(path: input)
        let values = tensor.values
        let afp = family == "ausn" ? nil : try SplitSearch.rankAFP(values, width: bits, lambda: lambda, ties: tieRule)
        let ausn = family == "afp" ? nil : try SplitSearch.rankAUSN(values, width: bits, scale: rule, ties: tieRule)
        let base = try SplitSearch.baselines(values, width: bits, ties: tieRule)
        func row(_ c: SplitCandidate) -> Row {
            let scaleText: String
            if let step = c.integerStep { scaleText = String(format: "step %.4g", step) } else if case .afp = c.format.kind {
                scaleText = "bias \(c.scale)"
            } else { scaleText = "top \(c.scale)" }
            return Row(format: c.format.name, scale: scaleText, mse: c.stats.mse, sqnrDB: c.stats.sqnrDB,
                       clipError: c.stats.clipError, roundError: c.stats.roundError, cost: c.cost, score: c.score)
        }
        let report = Report(input: input, count: values.count, bits: bits, lambda: lambda,
                            afp: afp?.map(row), ausn: ausn?.map(row), baselines: base.map(row),
                            chosenAFP: afp?.first.map { row($0).format }, chosenAUSN: ausn?.first.map { row($0).format + " " + row($0).scale })
        if json { log(try ReportText.json(report)); return }
        log("\(input): \(values.count) values, \(bits)-bit candidates")
        if let rows = report.afp {
            log("\nAFP, ranked by cost^λ·MSE with λ = \(lambda):")
            printTable(rows, log: log)
            log("chosen AFP split: \(report.chosenAFP ?? "-")")
        }
        if let rows = report.ausn {
            log("\nAUSN (\(rule)), ranked by E_clip + E_round:")
            printTable(rows, log: log)
            log("chosen AUSN split: \(report.chosenAUSN ?? "-")")
        }
        log("\nBaselines at \(bits) bits:")
        printTable(report.baselines, log: log)
        if bits - 1 > 6 { log("(pot-bB is limited to B ≤ 6 by docs/arithmetic.md §1: no power-of-two baseline at \(bits) bits)") }
    }

    private func printTable(_ rows: [Row], log: (String) -> Void) {
        let p = ReportText.pad
        func num(_ x: Double) -> String { x.isFinite ? String(format: "%.4e", x) : "\(x)" }
        log(p("#", 3) + p("format", 12) + p("scale", 16) + p("MSE", 12) + p("SQNR dB", 9) + p("E_clip", 12) + p("E_round", 12) + p("cost", 7) + "score")
        for (i, r) in rows.enumerated() {
            log(p("\(i + 1)", 3) + p(r.format, 12) + p(r.scale, 16) + p(num(r.mse), 12) + p(String(format: "%.2f", r.sqnrDB), 9)
                  + p(num(r.clipError), 12) + p(num(r.roundError), 12) + p(r.cost.map { String(format: "%.0f", $0) } ?? "-", 7) + num(r.score))
        }
    }
}
