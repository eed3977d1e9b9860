import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright infer`: the committed digits classifier, every layer on the generated PE array in
/// Verilator, top-1 accuracy for float, golden and RTL per format, RTL = golden on every code.
struct InferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Run the digits network through the generated PE array, per format.",
        discussion: """
        Each layer is one GEMM on an R x C array (docs/arithmetic.md §6.4), the bias an extra input column, the ReLU fused as the
        unsigned activation format's clamp, the last layer's argmax the prediction. Scales are powers of two calibrated statically on
        the calibration split. Every output code of every layer is compared with the golden model; any difference ends with exit status 1.
        """)

    @Option(help: "The digits data directory (made by scripts/train_digits.py).") var data = "data/digits"
    @Option(help: "Comma-separated formats: standard names (int8, int4, afp-e2m3, afp-e2m2, afp-e2m1, int4-w, ausn-b3s2, ausn-b2s2, ausn-b2s1) or WEIGHT/ACTIVATION/OUTPUT; default all standard.")
    var formats: String?
    @Option(help: "Only the first N test images (default: all).") var images: Int?
    @Option(help: "Array rows R.") var rows = 8
    @Option(help: "Array columns C.") var cols = 8
    @Option(help: "Also write the report text to this file (atomically, only when RTL = golden everywhere).") var out: String?

    func run() throws {
        let started = Date()
        let chosen = try formats.map { try $0.split(separator: ",").map { try InferenceFormats(parsing: String($0)) } } ?? InferenceFormats.standard()
        var flow = InferenceRun(data: try DigitsData.load(directory: data), formats: chosen)
        (flow.images, flow.rows, flow.cols) = (images, rows, cols)
        // Progress goes out unbuffered, one line per layer, also when stdout is a file.
        let report = try flow.run { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        let text = report.text
        print("")
        print(text, terminator: "")
        print(String(format: "time: %.1f s", Date().timeIntervalSince(started)))
        guard report.passed else {
            let bad = report.results.filter { $0.mismatchedCodes > 0 }
            throw ToolError("the RTL differs from the golden model: " + bad.map { "\($0.network.formats.label): \($0.firstMismatch ?? "")" }.joined(separator: "; "))
        }
        if let out { try AtomicFile.write(text, to: out) }
    }
}
