import Foundation
import Testing
import ShiftwrightFlows

/// `shiftwright infer` on the committed digits network: the RTL of every layer equals the golden
/// model code for code, a planted wrong requantizer shift is caught, and the golden int8 network stays
/// close to the float accuracy the training script measured.
@Suite(.serialized) struct DigitsInferenceTests {
    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func data() throws -> DigitsData {
        try DigitsData.load(directory: repoRoot.appendingPathComponent("data/digits").path)
    }

    /// "float accuracy test: 485/500 = 0.9700" from the training script's committed output.
    static func scriptFloatTestAccuracy() throws -> (correct: Int, total: Int) {
        let text = try String(contentsOf: repoRoot.appendingPathComponent("data/digits/training.txt"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("float accuracy test: ") })
        let fraction = line.dropFirst("float accuracy test: ".count).split(separator: " ")[0].split(separator: "/")
        return (try #require(Int(fraction[0])), try #require(Int(fraction[1])))
    }

    /// The tests' arrays are 2 x 2 (K = 65 runs as 33 tiles). Both tests below run the same
    /// formats on the same images, so they share their Verilator builds (cached by content).
    static func run(_ formats: [String], images: Int, plantedShiftError: Int = 0) throws -> InferenceRun.Report {
        var flow = InferenceRun(data: try data(), formats: try formats.map { try InferenceFormats(parsing: $0) })
        (flow.images, flow.rows, flow.cols, flow.plantedShiftError) = (images, 2, 2, plantedShiftError)
        return try flow.run { print($0) }
    }

    static let formats = ["afp-e2m2", "ausn-b3s2"]

    @Test func rtlEqualsGoldenOnEveryCode() throws {
        let report = try Self.run(Self.formats, images: 64)
        for r in report.results {
            #expect(r.comparedCodes == 64 * (32 + 10), "every output code of both layers is compared")
            #expect(r.mismatchedCodes == 0, "\(r.network.formats.label): \(r.firstMismatch ?? "")")
            #expect(r.rtlCorrect == r.goldenCorrect)
        }
        #expect(report.passed)
        #expect(throws: Never.self) { try report.requirePassed() }
    }

    /// The arrays run with shift + 1 while the golden model keeps the right shift: every
    /// requantizer rounds one bit off, and the comparison must count the differences.
    @Test func wrongRequantizerShiftIsCaught() throws {
        let report = try Self.run(Self.formats, images: 64, plantedShiftError: 1)
        for r in report.results {
            #expect(r.mismatchedCodes > 0, "\(r.network.formats.label): a wrong shift must give codes that differ from the golden model")
            #expect(r.firstMismatch?.hasPrefix("layer 1,") == true, "\(r.firstMismatch ?? "nil")")
        }
        #expect(!report.passed)
        // A mismatch is a failed check (exit status 1), not bad input, and names the first difference.
        let error = #expect(throws: ToolError.self) { try report.requirePassed() }
        #expect(error?.kind == .checkFailed)
        #expect(error?.message.contains("afp-e2m2: layer 1,") == true, "\(error?.message ?? "nil")")
    }

    /// Golden only (no RTL): the float network reproduces the script's accuracy exactly, and int8
    /// weights with uint8 activations lose at most 1 percentage point (5 of 500 images) of it.
    @Test func goldenInt8StaysWithinOnePointOfFloat() throws {
        let data = try Self.data()
        let expected = try Self.scriptFloatTestAccuracy()
        #expect(data.test.count == expected.total)
        let floatCorrect = zip(data.network.predict(data.test.inputs, rows: data.test.count), data.test.labels).filter { $0 == $1 }.count
        #expect(floatCorrect == expected.correct, "the Swift float network must reproduce the script's \(expected.correct)/\(expected.total)")
        let q = try QuantizedNetwork(data.network, formats: try InferenceFormats(parsing: "int8"), calibration: data.calibration)
        let logits = try q.golden(try q.inputCodes(data.test.inputs), rows: data.test.count).last!
        let goldenCorrect = zip(q.predictions(logits, rows: data.test.count), data.test.labels).filter { $0 == $1 }.count
        print("float \(floatCorrect)/\(data.test.count), golden int8 \(goldenCorrect)/\(data.test.count)")
        #expect(abs(goldenCorrect - expected.correct) <= 5)
    }

    /// The bias column: with zero weights the accumulator is c · q(b / c), so the layer's output
    /// is the bias alone, within half a weight step times c plus half an output step (< one
    /// output step here).
    @Test func biasColumnCarriesTheBias() throws {
        let net = try DenseNetwork(layers: [try .init(weights: [0, 0, 0, 0], bias: [0.75, -0.5], inputs: 2, outputs: 2)])
        let calibration = try LabeledImages(inputs: [1, 1], labels: [0], width: 2)
        let f = try InferenceFormats(parsing: "int8/uint8/int8")
        let q = try QuantizedNetwork(net, formats: f, calibration: calibration)
        let l = q.layers[0]
        let y = try q.golden(try q.inputCodes([0.5, 0.25]), rows: 1)[0]
        let step = Double(sign: .plus, exponent: l.targetScale, significand: 1)
        let values = y.map { Double(f.output.unitValue(ofCode: $0)) * step }
        #expect(values.count == 2)
        for (v, b) in zip(values, [0.75, -0.5]) { #expect(abs(v - b) <= step, "\(values)") }
        #expect(values[1] < 0, "the last layer's signed output keeps a negative bias")
    }
}
