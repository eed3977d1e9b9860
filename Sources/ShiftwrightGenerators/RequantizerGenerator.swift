import ShiftwrightHDL
import ShiftwrightFormats

/// Generates the requantization (rounding) unit of docs/arithmetic.md §6.2 for a `RequantizerConfig`.
///
/// Ports: `acc` (SInt<accumulatorWidth>), `shift` (SInt<shiftBits>) and `code`
/// (UInt<target.codeWidth>), equal for every input to `Requantizer.requantize(acc, shift:, to:,
/// ties:)`: the target code nearest to acc · 2^shift, saturating, flushing to zero, zero always
/// canonical, negatives clamped to 0 by unsigned targets. There is no dequantized intermediate:
/// the accumulator is split into sign and magnitude, a leading-one detector gives its exponent,
/// and each family rounds at a run-time bit position (`RequantIntegerDatapath`,
/// `RequantBinadeDatapath` for AFP and the AUSN mantissa reading, `RequantTierDatapath`).
/// With `pipelined` the code is registered (latency 1).
public enum RequantizerGenerator {
    public static func module(_ c: RequantizerConfig) throws -> Module {
        let target = c.target
        return try Module.build(c.moduleName, generator: "ShiftwrightGenerators.RequantizerGenerator", parameters: [
            ("acc_width", "\(c.accumulatorWidth)"), ("shift_bits", "\(c.shiftBits)"), ("target", target.name),
            ("ties", c.ties.rawValue), ("pipelined", "\(c.pipelined)"), ("latency", "\(c.latency)"),
        ]) { m in
            let acc = m.input("acc", .signed(c.accumulatorWidth))
            let shift = m.input("shift", .signed(c.shiftBits))
            let input = RequantFrontEnd(m, acc: acc, shift: shift)
            let code = codeSignal(m, input, target: target, ties: c.ties)
            if c.pipelined {
                let register = m.reg("code_q", code.type, reset: nil)
                register.assign(code)
                m.output("code", register)
            } else {
                m.output("code", code)
            }
        }
    }

    /// The output code: the family's magnitude code with the sign applied (sign-magnitude
    /// formats keep zero canonical; unsigned ones send negatives to 0).
    static func codeSignal(_ m: ModuleBuilder, _ input: RequantFrontEnd, target: NumberFormat, ties: TieRule) -> Signal {
        let magnitude: Signal
        switch target.kind {
        case let .int(n):
            return RequantIntegerDatapath.code(m, input, bits: n, signed: true, ties: ties)
        case let .uint(n):
            return RequantIntegerDatapath.code(m, input, bits: n, signed: false, ties: ties)
        case let .afp(e, mantissa, _):
            magnitude = RequantBinadeDatapath.afpMagnitude(m, input, exponentBits: e, mantissaBits: mantissa, ties: ties)
        case let .ausn(b, s):
            magnitude = RequantBinadeDatapath.ausnMagnitude(m, input, basicBits: b, subdivisionBits: s, ties: ties)
        case let .ausnTiers(b, tiers):
            magnitude = RequantTierDatapath.magnitude(m, input, basicBits: b, tierBits: tiers, ties: ties)
        }
        guard target.isSigned else {
            return m.mux(input.negative, m.constant(0, magnitude.type), magnitude)
        }
        let sign = (input.negative & magnitude.anySet).named("sign")
        return m.concat(sign, magnitude)
    }
}
