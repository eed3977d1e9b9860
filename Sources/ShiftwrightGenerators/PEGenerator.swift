import BigInt
import ShiftwrightHDL
import ShiftwrightFormats

/// Generates the processing element of docs/arithmetic.md §6.1 for a `PEConfig`.
///
/// Ports: `act` (activation code), `wt` (weight code), `en`, `clear`, and the signed output `acc`.
/// On each clock edge: clear → acc = en ? p : 0; else en → acc += p; else hold; `rst` clears.
/// The product p is exact, in units of the two formats (scales are applied outside the PE):
/// - AUSN / power-of-two weights: shifted copies of the activation summed by an adder tree, then
///   one barrel shift by the weight's exponent (the tier reading: one barrel shifter per term);
/// - AFP weights: the (M+1)-bit significand product as a shift-add, then the alignment shift by
///   the sum of exponents (no decode to a wide integer before the shift);
/// - intN weights: a plain multiplier, the baseline.
/// The sign of sign-magnitude formats is folded into the accumulator's adder (XOR + carry-in).
public enum PEGenerator {
    public static func module(_ config: PEConfig) throws -> Module {
        let a = config.activation, w = config.weight
        let product = PEConfig.productType(a, w)
        return try Module.build(config.moduleName, generator: "ShiftwrightGenerators.PEGenerator", parameters: [
            ("act", a.name), ("weight", w.name), ("K", "\(config.accumulationDepth)"),
            ("acc_width", "\(config.accumulatorWidth)"), ("product_width", "\(product.width)"),
            ("pipelined", "\(config.pipelined)"), ("latency", "\(config.latency)"),
        ]) { m in
            let act = m.input("act", .unsigned(a.codeWidth))
            let wt = m.input("wt", .unsigned(w.codeWidth))
            let en = m.input("en", .bit)
            let clear = m.input("clear", .bit)

            let (magnitude, negative) = productTerms(m, act: OperandDecoder.decode(act, a, m),
                                                     weight: OperandDecoder.decode(wt, w, m), productWidth: product.width)
            var p = magnitude, neg = negative, enable = en, clearNow = clear
            if config.pipelined {
                let pq = m.reg("product_q", p.type, reset: nil)
                pq.assign(p)
                p = pq
                if let n = neg {
                    let nq = m.reg("negative_q", .bit, reset: 0)
                    nq.assign(n)
                    neg = nq
                }
                let eq = m.reg("en_q", .bit, reset: 0), cq = m.reg("clear_q", .bit, reset: 0)
                eq.assign(en)
                cq.assign(clear)
                enable = eq
                clearNow = cq
            }
            let width = config.accumulatorWidth
            let zero = m.constant(0, .signed(width))
            let accumulator = m.reg("accumulator", .signed(width), reset: 0)
            let base = m.mux(clearNow, zero, accumulator).named("acc_base")
            let term = p.toSigned().extended(to: width)
            let next: Signal
            if let neg {
                // base ± p as base + (p XOR −neg) + neg: one adder with a carry-in, no negator.
                let flipped = (term ^ m.fill(neg, term.type)).named("product_signed_ones")
                let addend = m.mux(enable, flipped, zero).named("addend")
                next = base + addend + (enable & neg)
            } else {
                next = base + m.mux(enable, term, zero).named("addend")
            }
            accumulator.assign(next.truncated(to: width))
            m.output("acc", accumulator)
        }
    }

    /// The unsigned (or, with integer operands, signed) product magnitude and the sign to apply.
    static func productTerms(_ m: ModuleBuilder, act: DecodedOperand, weight: DecodedOperand,
                             productWidth: Int) -> (Signal, Signal?) {
        var terms: [Signal] = []
        for (i, ta) in act.terms.enumerated() {
            for (j, tw) in weight.terms.enumerated() {
                let suffix = act.terms.count * weight.terms.count > 1 ? "_\(i)_\(j)" : ""
                let significand = (act.isInteger && weight.isInteger
                    ? ta.significand * tw.significand
                    : shiftAdd(m, ta.significand, tw.significand)).named("sig_product\(suffix)")
                let shift: Signal?
                switch (ta.exponent, tw.exponent) {
                case let (x?, y?): shift = (x + y).named("shift\(suffix)")
                case let (x?, nil): shift = x
                case let (nil, y?): shift = y
                case (nil, nil): shift = nil
                }
                terms.append(shift.map { (significand << $0).named("aligned\(suffix)") } ?? significand)
            }
        }
        let sum = terms.count == 1 ? terms[0] : m.adderTree(terms)
        // The exact product fits `productWidth` signed bits (unsigned magnitudes: one less).
        let magnitude = sum.truncated(to: sum.isSigned ? productWidth : productWidth - 1).named("product_magnitude")
        let signs = [act.sign, weight.sign].compactMap { $0 }
        let negative: Signal? = signs.isEmpty ? nil : (signs.count == 1 ? signs[0] : (signs[0] ^ signs[1]).named("product_negative"))
        return (magnitude, negative)
    }

    /// Significand product without a multiplier: shifted copies of one operand selected by the
    /// bits of the other (the narrower unsigned one; a signed integer is never the selector).
    static func shiftAdd(_ m: ModuleBuilder, _ x: Signal, _ y: Signal) -> Signal {
        if x.isSigned { return m.shiftAddMultiply(x, by: y) }
        if y.isSigned { return m.shiftAddMultiply(y, by: x) }
        return x.width >= y.width ? m.shiftAddMultiply(x, by: y) : m.shiftAddMultiply(y, by: x)
    }
}
