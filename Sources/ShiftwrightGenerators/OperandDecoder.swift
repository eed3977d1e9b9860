import BigInt
import ShiftwrightHDL
import ShiftwrightFormats

/// A decoded operand: value = (−1)^sign · Σ significand_i · 2^exponent_i, in the format's units.
/// AFP and AUSN (mantissa reading) have one term, the tier reading one term per tier plus the
/// leading one, integers one term holding the (signed) integer with no exponent.
struct DecodedOperand {
    struct Term {
        /// Integer significand (signed only for integer formats).
        let significand: Signal
        /// Unsigned shift amount, nil for exponent 0.
        let exponent: Signal?
    }
    /// Sign of a sign-magnitude format, nil for integers (their sign is in the significand).
    let sign: Signal?
    let terms: [Term]
    /// True for intN/uintN: the significand is the whole integer.
    var isInteger = false
}

/// Splits a code into fields and builds the decoded operand of docs/arithmetic.md §3.1/§4.2/§4.3/§6.1 in
/// hardware: AFP σ = [f≠0]·2^M + m with exponent max(f,1) − 1; AUSN (2^S + k) with exponent
/// 2^B − 1 − a (= ~a) and zero when a = 0; tiers: the leading one at ~a + ΣQmax and each further
/// term ~q_i lower (Qmax_i − q_i = ~q_i), active while every earlier field is non-zero.
enum OperandDecoder {
    static func decode(_ code: Signal, _ format: NumberFormat, _ m: ModuleBuilder) -> DecodedOperand {
        let width = format.codeWidth
        let sign: Signal? = format.isSigned && !format.isInteger ? code[width - 1].named("\(nameHint(code))_sign") : nil
        switch format.kind {
        case .int:
            return DecodedOperand(sign: nil, terms: [.init(significand: code.asSigned(), exponent: nil)], isInteger: true)
        case .uint:
            return DecodedOperand(sign: nil, terms: [.init(significand: code, exponent: nil)], isInteger: true)
        case let .afp(e, mBits, _):
            let mantissa: Signal? = mBits > 0 ? code[mBits - 1, 0] : nil
            guard e > 0 else {
                // E = 0: sign-magnitude fixed point, value = m (unit 2^(1−bias−M)).
                return DecodedOperand(sign: sign, terms: [.init(significand: mantissa!, exponent: nil)])
            }
            let field = code[mBits + e - 1, mBits].named("\(nameHint(code))_exp_field")
            let normal = field.anySet.named("\(nameHint(code))_normal")
            let significand = (mantissa.map { m.concat(normal, $0) } ?? normal).named("\(nameHint(code))_sigma")
            // max(f, 1) − 1 = f − [f ≠ 0]
            let exponent = (field - normal.extended(to: e)).truncated(to: e).asUnsigned().named("\(nameHint(code))_exponent")
            return DecodedOperand(sign: sign, terms: [.init(significand: significand, exponent: exponent)])
        case let .ausn(b, s):
            let basic = code[s + b - 1, s].named("\(nameHint(code))_basic")
            let present = basic.anySet
            let significand = (s > 0 ? m.mux(present, m.concat(m.constant(1, .bit), code[s - 1, 0]), m.constant(0, .unsigned(s + 1))) : present)
                .named("\(nameHint(code))_sig")
            let exponent = (~basic).named("\(nameHint(code))_exponent")
            return DecodedOperand(sign: sign, terms: [.init(significand: significand, exponent: exponent)])
        case let .ausnTiers(b, tiers):
            let total = tiers.reduce(0, +)
            let basic = code[total + b - 1, total].named("\(nameHint(code))_basic")
            let qMaxSum = tiers.reduce(0) { $0 + (1 << $1) - 1 }
            let bound = HWType.minimal(for: BigInt((1 << b) - 1 + qMaxSum), signed: false).width
            var active = basic.anySet.named("\(nameHint(code))_term0_on")
            var exponent = ((~basic) + BigInt(qMaxSum)).truncated(to: bound).named("\(nameHint(code))_term0_exp")
            var terms = [DecodedOperand.Term(significand: active, exponent: exponent)]
            var low = total
            for (i, t) in tiers.enumerated() {
                let field = code[low - 1, low - t].named("\(nameHint(code))_tier\(i + 1)")
                low -= t
                active = (active & field.anySet).named("\(nameHint(code))_term\(i + 1)_on")
                // Only meaningful while active (then it is never negative); gated off otherwise.
                exponent = (exponent - field).truncated(to: bound).asUnsigned().named("\(nameHint(code))_term\(i + 1)_exp")
                terms.append(.init(significand: active, exponent: exponent))
            }
            return DecodedOperand(sign: sign, terms: terms)
        }
    }

    /// Port name used as a prefix for decoded field names (`wt_sigma`, `act_exponent`).
    static func nameHint(_ code: Signal) -> String { code.declaredName ?? "op" }
}
