import ArgumentParser
import Foundation
import ShiftwrightFormats

/// `shiftwright analyze`: rank AFP / AUSN bit-splits for a tensor.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Rank bit-splits for a tensor.",
        discussion: """
        AFP candidates (every E+M with 1+E+M = bits, bias by §2.2) are ranked by cost^λ·MSE (§4);
        AUSN candidates (every B+S with 1+B+S = bits, and for --scale search every top candidate)
        by E_clip + E_round (§3.7). INT-N and pot-b(N−1) at the same width are shown as baselines.
        """)

    @Option(help: "Input .npy (float16/32/64).")
    var input: String
    @Option(help: "Total code width N, sign included (2..16).")
    var bits: Int
    @Option(help: "afp, ausn or all.")
    var family: String = "all"
    @Option(help: "λ of the AFP cost trade-off cost^λ·MSE (0 = accuracy only).")
    var lambda: Double = 0
    @Option(parsing: .unconditional, help: "AUSN top choice: paper, noclip, search (every top candidate) or an integer.")
    var scale: String = "search"
    @Option(help: "Tie rule: even or smaller.")
    var ties: String = "even"
    @Flag(help: "Machine-readable JSON output.")
    var json = false

    struct Row: Encodable {
        let format: String; let scale: String; let mse: Double; let sqnrDB: Double
        let clipError: Double; let roundError: Double; let cost: Double?; let score: Double
    }
    struct Report: Encodable {
        let input: String; let count: Int; let bits: Int; let lambda: Double
        let afp: [Row]?; let ausn: [Row]?; let baselines: [Row]
        let chosenAFP: String?; let chosenAUSN: String?
    }

    func run() throws {
        guard ["afp", "ausn", "all"].contains(family) else { throw FormatError("bad --family '\(family)': expected afp, ausn or all") }
        guard lambda.isFinite, lambda >= 0 else { throw FormatError("--lambda must be a finite number ≥ 0") }
        let tieRule = try QuantizeSupport.tieRule(ties)
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
        if json { print(try QuantizeSupport.json(report)); return }
        print("\(input): \(values.count) values, \(bits)-bit candidates")
        if let rows = report.afp {
            print("\nAFP, ranked by cost^λ·MSE with λ = \(lambda):")
            printTable(rows)
            print("chosen AFP split: \(report.chosenAFP ?? "-")")
        }
        if let rows = report.ausn {
            print("\nAUSN (\(rule)), ranked by E_clip + E_round:")
            printTable(rows)
            print("chosen AUSN split: \(report.chosenAUSN ?? "-")")
        }
        print("\nBaselines at \(bits) bits:")
        printTable(report.baselines)
        if bits - 1 > 6 { print("(pot-bB is limited to B ≤ 6 by spec §1: no power-of-two baseline at \(bits) bits)") }
    }

    private func printTable(_ rows: [Row]) {
        let p = QuantizeSupport.pad
        func num(_ x: Double) -> String { x.isFinite ? String(format: "%.4e", x) : "\(x)" }
        print(p("#", 3) + p("format", 12) + p("scale", 16) + p("MSE", 12) + p("SQNR dB", 9) + p("E_clip", 12) + p("E_round", 12) + p("cost", 7) + "score")
        for (i, r) in rows.enumerated() {
            print(p("\(i + 1)", 3) + p(r.format, 12) + p(r.scale, 16) + p(num(r.mse), 12) + p(String(format: "%.2f", r.sqnrDB), 9)
                  + p(num(r.clipError), 12) + p(num(r.roundError), 12) + p(r.cost.map { String(format: "%.0f", $0) } ?? "-", 7) + num(r.score))
        }
    }
}
