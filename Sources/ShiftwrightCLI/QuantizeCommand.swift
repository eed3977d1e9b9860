import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright quantize`: quantize values or a .npy tensor to a format (golden model).
struct QuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Quantize values to a number format.",
        discussion: """
        Prints, for each value, the input, its code in binary (fields separated by |) and the exact
        decoded value; for a .npy input a summary. --output writes the quantized values (float64,
        same shape and order), --codes-output the codes (uint32); both are written atomically.
        """)

    @Option(help: "Format name: intN, uintN, afp-eEmM, uafp-eEmM, ausn-bBsS, ausn-bBtT1tT2…, pot-bB.")
    var format: String
    @Option(parsing: .unconditional, help: "Scale: paper, noclip, search, or an integer bias (AFP) / top (AUSN).")
    var scale: String = "paper"
    @Option(help: "Tie rule: even or smaller.")
    var ties: String = "even"
    @Flag(help: "AUSN only: the paper's Algorithm 1 (truncating greedy terms).")
    var greedy = false
    @Option(parsing: .unconditional, help: "Comma-separated values, e.g. \"0.8,-0.3\".")
    var values: String?
    @Option(help: "Input .npy (float16/32/64).")
    var input: String?
    @Option(help: "Output .npy of the quantized values (float64).")
    var output: String?
    @Option(name: .customLong("codes-output"), help: "Output .npy of the codes (uint32).")
    var codesOutput: String?
    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func run() throws {
        var flow = QuantizeRun(format: format)
        flow.scale = scale
        flow.ties = ties
        flow.greedy = greedy
        flow.values = values
        flow.input = input
        flow.output = output
        flow.codesOutput = codesOutput
        flow.json = json
        try flow.run { print($0) }
    }
}
