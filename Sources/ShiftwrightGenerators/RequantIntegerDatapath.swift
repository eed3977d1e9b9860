import ShiftwrightHDL
import ShiftwrightFormats

/// intN / uintN targets: |acc| · 2^shift rounded to an integer (one rounding cut at bit −shift),
/// then the sign applied and the result clamped: intN to [−2^(N−1), 2^(N−1) − 1] (the full
/// two's-complement range), uintN to [0, 2^N − 1] with negatives going to 0.
enum RequantIntegerDatapath {
    static func code(_ m: ModuleBuilder, _ input: RequantFrontEnd, bits n: Int, signed: Bool, ties: TieRule) -> Signal {
        // Values of 2^(n+1) or more clamp whatever their low bits are.
        let huge = (input.nonzero & input.exponent.ge(BigInt(n + 1))).named("huge")
        let split = m.roundingSplit(input.magnitude, at: -input.shift, maxLeftShift: n + 1, quotientWidth: n + 1, name: "cut")
        let truncatedValue = split.quotient.named("int_floor")
        let up = RequantRounding.roundUp(m, split, floorOdd: truncatedValue[0], ties: ties)
        let rounded = (truncatedValue + up).named("int_rounded")
        let type = HWType.unsigned(n)
        let positiveMax = BigInt(signed ? (1 << (n - 1)) - 1 : (1 << n) - 1)
        let positive = m.mux(huge | rounded.gt(positiveMax), m.constant(positiveMax, type), rounded.truncated(to: n))
            .named("int_positive")
        guard signed else {
            return m.mux(input.negative, m.constant(0, type), positive)
        }
        let negativeLimit = BigInt(1) << (n - 1)
        let negated = (-rounded).truncated(to: n).asUnsigned()
        let negative = m.mux(huge | rounded.gt(negativeLimit), m.constant(negativeLimit, type), negated).named("int_negative")
        return m.mux(input.negative, negative, positive)
    }
}
