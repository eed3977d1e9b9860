import Foundation
import ShiftwrightFormats

/// Small helpers shared by `quantize`, `analyze` and `bench quantize`: option parsing, number
/// printing and JSON output.
enum QuantizeSupport {
    static func tieRule(_ text: String) throws -> TieRule {
        guard let t = TieRule(rawValue: text) else { throw FormatError("bad --ties '\(text)': expected even or smaller") }
        return t
    }

    /// Pretty JSON with sorted keys, as one string.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A compact human rendering of a Double (shortest round-trip form).
    static func show(_ x: Double) -> String {
        if x == 0 { return "0" }
        if abs(x) >= 1e-4 && abs(x) < 1e7 { return "\(x)" }
        return String(format: "%.6e", x)
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// The scale description of a quantizer for humans: bias/top, or the integer step.
    static func scaleText(_ q: TensorQuantizer) -> String {
        if let step = q.integerStep { return "step \(show(step))" }
        switch q.format.kind {
        case .afp: return "bias \(q.scale)"
        default: return "top \(q.scale)"
        }
    }

    /// A quantizer for a tensor under a scale rule (integer formats: the §1 symmetric step).
    static func quantizer(format: NumberFormat, rule: ScaleRule, values: [Double], ties: TieRule, greedy: Bool) throws -> TensorQuantizer {
        let range = try TensorRange(of: values)
        if format.isInteger {
            if case .explicit(let s) = rule { return TensorQuantizer(format: format, scale: s, ties: ties) }
            return TensorQuantizer(format: format, integerStep: TensorQuantizer.integerStep(format: format, range: range), ties: ties)
        }
        let scale = ScaleChoice.choose(rule, format: format, values: values, range: range, ties: ties, greedy: greedy)
        return TensorQuantizer(format: format, scale: scale, ties: ties, greedy: greedy)
    }
}
