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

    @Option(help: "A digits data directory made by scripts/train_digits.py (default: the copy of data/digits compiled into the binary).")
    var data: String?
    @Option(help: "Comma-separated formats: standard names (int8, int4, afp-e2m3, afp-e2m2, afp-e2m1, int4-w, ausn-b3s2, ausn-b2s2, ausn-b2s1) or WEIGHT/ACTIVATION/OUTPUT; default all standard.")
    var formats: String?
    @Option(parsing: .unconditional, help: "Only the first N test images (1 up to the test split's size; default: all).") var images: Int?
    @Option(parsing: .unconditional, help: "Array rows R (1...256; each stream port at most 1024 bits wide).") var rows = 8
    @Option(parsing: .unconditional, help: "Array columns C (1...256; each stream port at most 1024 bits wide).") var cols = 8
    @Option(help: "Also write the report text to this file (atomically, only when RTL = golden everywhere).") var out: String?

    func validate() throws {
        if data?.isEmpty == true { throw ValidationError("--data is empty") }
        try OptionLimits.check(images, in: OptionLimits.testImages, "--images")
        try OptionLimits.check(rows, in: OptionLimits.arraySide, "--rows")
        try OptionLimits.check(cols, in: OptionLimits.arraySide, "--cols")
        try OptionLimits.checkWritable(out, "--out")
    }

    func run() throws {
        let started = Date()
        let chosen = try formats.map { try $0.split(separator: ",", omittingEmptySubsequences: false).map { try InferenceFormats(parsing: String($0)) } }
            ?? InferenceFormats.standard()
        let digits = try data.map { try DigitsData.load(directory: $0) } ?? DigitsData.bundled()
        var flow = InferenceRun(data: digits, formats: chosen)
        (flow.images, flow.rows, flow.cols) = (images, rows, cols)
        // Progress goes out unbuffered, one line per layer, also when stdout is a file.
        let report = try flow.run { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        let text = report.text
        print("")
        print(text, terminator: "")
        print(String(format: "time: %.1f s", Date().timeIntervalSince(started)))
        try report.requirePassed()
        if let out { try AtomicFile.write(text, to: out) }
    }
}
