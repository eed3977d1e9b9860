import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright analyze`: rank AFP / AUSN bit-splits for a tensor.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Rank bit-splits for a tensor.",
        discussion: """
        AFP candidates (every E+M with 1+E+M = bits, bias by docs/arithmetic.md §3.2) are ranked by cost^λ·MSE (docs/arithmetic.md §5.1);
        AUSN candidates (every B+S with 1+B+S = bits, and for --scale search every top candidate)
        by E_clip + E_round (docs/arithmetic.md §5.2). INT-N and pot-b(N−1) at the same width are shown as baselines.
        """)

    @Option(help: "Input .npy (float16/32/64).")
    var input: String
    @Option(parsing: .unconditional, help: "Total code width N, sign included (2...16).")
    var bits: Int
    @Option(help: "afp, ausn or all.")
    var family: String = "all"
    @Option(parsing: .unconditional, help: "λ of the AFP cost trade-off cost^λ·MSE (0 = accuracy only; 0...1000).")
    var lambda: Double = 0
    @Option(parsing: .unconditional, help: "AUSN top choice: paper, noclip, search (every top candidate) or an integer.")
    var scale: String = "search"
    @Option(help: "Tie rule: even or smaller.")
    var ties: String = "even"
    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func validate() throws {
        try OptionLimits.check(bits, in: 2...16, "--bits")
        try OptionLimits.check(lambda, in: OptionLimits.lambda, "--lambda")
    }

    func run() throws {
        var flow = AnalyzeRun(input: input, bits: bits)
        flow.family = family
        flow.lambda = lambda
        flow.scale = scale
        flow.ties = ties
        flow.json = json
        try flow.run { print($0) }
    }
}
