import Foundation

/// Choosing a tensor's quantizer under a scale rule, and describing its scale.
extension TensorQuantizer {
    /// The quantizer of `values` in `format` under `rule` (integer formats: the §1 symmetric step,
    /// unless an explicit scale is given).
    public static func choose(format: NumberFormat, rule: ScaleRule, values: [Double], ties: TieRule = .even,
                              greedy: Bool = false) throws -> TensorQuantizer {
        let range = try TensorRange(of: values)
        if format.isInteger {
            if case .explicit(let s) = rule { return TensorQuantizer(format: format, scale: s, ties: ties) }
            return TensorQuantizer(format: format, integerStep: TensorQuantizer.integerStep(format: format, range: range), ties: ties)
        }
        let scale = ScaleChoice.choose(rule, format: format, values: values, range: range, ties: ties, greedy: greedy)
        return TensorQuantizer(format: format, scale: scale, ties: ties, greedy: greedy)
    }

    /// The scale for people: `bias N` (AFP), `top N` (AUSN) or `step S` (integers).
    public var scaleDescription: String {
        if let step = integerStep { return "step \(TensorQuantizer.shortText(step))" }
        if case .afp = format.kind { return "bias \(scale)" }
        return "top \(scale)"
    }

    /// A compact rendering of a Double (shortest round-trip form, exponent notation when tiny or huge).
    public static func shortText(_ x: Double) -> String {
        if x == 0 { return "0" }
        if abs(x) >= 1e-4 && abs(x) < 1e7 { return "\(x)" }
        return String(format: "%.6e", x)
    }
}
