import Foundation
import ShiftwrightFormats
import ShiftwrightTooling

/// A real weight tensor the atlas scores every format on.
public struct AtlasTensor: Sendable {
    /// Short name for charts and file columns, e.g. `silero-encoder2`.
    public let name: String
    public let values: [Double]

    public init(name: String, values: [Double]) throws {
        _ = try TensorRange(of: values)
        (self.name, self.values) = (name, values)
    }

    /// The real weights the project ships: the silero-vad encoder.2 matrix and the digits
    /// network's first layer.
    public static func bundled() throws -> [AtlasTensor] {
        let digits = try DigitsData.bundled()
        return [try AtlasTensor(name: "silero-encoder2", values: try BundledData.sileroEncoder2().values),
                try AtlasTensor(name: "digits-fc1", values: digits.network.layers[0].weights)]
    }
}

/// The two error measures of every weight format, by the golden model only (ShiftwrightFormats):
/// the quantization error on each tensor (per-tensor scale by `search`, docs/arithmetic.md §5.3)
/// and the top-1 accuracy of the digits network with that weight format (uint8 activations, int16
/// logits, `QuantizedNetwork`) on every test image.
public struct AtlasErrors: Sendable {
    public let tensors: [AtlasTensor]
    /// Tensor name → format name → error statistics.
    public let quantization: [String: [String: ErrorStats]]
    public let digitsImages: Int
    public let floatCorrect: Int
    /// Format name → correctly classified test images (absent: the network cannot be quantized to it).
    public let correct: [String: Int]

    /// Scores `formats` (names) on the tensors and on the digits network.
    /// `images`: the first that many test images (all when nil).
    public static func measure(formats: [String], tensors: [AtlasTensor], digits: DigitsData, images: Int? = nil) throws -> AtlasErrors {
        let parsed = try formats.map { try NumberFormat(parsing: $0) }
        var quantization: [String: [String: ErrorStats]] = [:]
        for tensor in tensors {
            var byFormat: [String: ErrorStats] = [:]
            for (name, format) in zip(formats, parsed) {
                byFormat[name] = try TensorQuantizer.choose(format: format, rule: .search, values: tensor.values).errorStats(tensor.values)
            }
            quantization[tensor.name] = byFormat
        }
        let test = digits.test.prefix(images)
        let floatCorrect = zip(digits.network.predict(test.inputs, rows: test.count), test.labels).filter { $0 == $1 }.count
        let activation = try NumberFormat(parsing: "uint8"), output = try NumberFormat(parsing: "int16")
        var correct: [String: Int] = [:]
        for (name, format) in zip(formats, parsed) {
            let f = try InferenceFormats(label: name, weight: format, activation: activation, output: output)
            guard let q = try? QuantizedNetwork(digits.network, formats: f, calibration: digits.calibration) else { continue }
            let logits = try q.golden(try q.inputCodes(test.inputs), rows: test.count).last!
            correct[name] = zip(q.predictions(logits, rows: test.count), test.labels).filter { $0 == $1 }.count
        }
        return AtlasErrors(tensors: tensors, quantization: quantization, digitsImages: test.count, floatCorrect: floatCorrect, correct: correct)
    }

    /// Float top-1 minus quantized top-1, as a fraction of the test images (may be ≤ 0).
    public func accuracyLoss(_ format: String) -> Double? {
        correct[format].map { Double(floatCorrect - $0) / Double(digitsImages) }
    }

    /// The loss the sweet-spot score multiplies: at least one image (1 / images), so a split that
    /// loses nothing (or gains) still has a finite, comparable score instead of 0.
    public func flooredAccuracyLoss(_ format: String) -> Double? {
        correct[format].map { Double(max(floatCorrect - $0, 1)) / Double(digitsImages) }
    }
}
