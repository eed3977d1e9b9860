/// The three parts of an unsigned value cut at a bit position, as rounding needs them.
public struct RoundingSplit {
    /// floor(x / 2^position), its low bits (the caller chooses the width).
    public let quotient: Signal
    /// Bit `position − 1` of x: the half-step bit.
    public let round: Signal
    /// 1 when any bit of x below `position − 1` is set.
    public let sticky: Signal
}

extension ModuleBuilder {
    /// Cuts unsigned `x` at the run-time bit `position` (a signed signal; negative positions scale
    /// x up): quotient = floor(x · 2^−position) in `quotientWidth` bits, the round bit just below
    /// the cut, and the sticky OR of everything below that. Exact for positions ≥ −`maxLeftShift`;
    /// smaller positions act as −`maxLeftShift` (callers saturate those cases). Positions beyond
    /// x's width give quotient 0, round 0 and sticky = (x ≠ 0).
    ///
    /// Built as one right barrel shift of x·2^(maxLeftShift+1) and one shift of its prefix-OR
    /// vector (bit i = any bit below i), no mask generation. Its wires are named `<name>_…`.
    public func roundingSplit(_ x: Signal, at position: Signal, maxLeftShift: Int, quotientWidth: Int, name: String,
                              file: StaticString = #fileID, line: UInt = #line) -> RoundingSplit {
        let wide = x.asUnsigned() << (maxLeftShift + 1)
        let span = wide.width
        // Right-shift amount in `wide` coordinates, clamped to 0...span.
        let amountWidth = HWType.minimal(for: BigInt(span), signed: false).width
        let raw = (position + BigInt(maxLeftShift))
        let signedRaw = raw.toSigned().extended(to: max(raw.width + 1, amountWidth + 1), file: file, line: line)
        let zero = constant(0, signedRaw.type, file: file, line: line)
        let top = constant(BigInt(span), signedRaw.type, file: file, line: line)
        let clamped = mux(signedRaw.lt(0, file: file, line: line), zero,
                          mux(signedRaw.gt(BigInt(span), file: file, line: line), top, signedRaw, file: file, line: line),
                          file: file, line: line)
        let amount = clamped.truncated(to: amountWidth, file: file, line: line).asUnsigned()
            .named("\(name)_amount", file: file, line: line)
        let shifted = (wide >> amount).named("\(name)_shifted", file: file, line: line)
        let quotientBits = min(quotientWidth, span - 1)
        var quotient = (shifted >> 1).truncated(to: quotientBits, file: file, line: line)
        if quotientBits < quotientWidth { quotient = quotient.extended(to: quotientWidth, file: file, line: line) }
        // below[i] = any bit of `wide` under position i, for i = 0...span.
        let prefixes = (0...span).reversed().map { i -> Signal in
            i == 0 ? constant(0, .bit, file: file, line: line) : wide[i - 1, 0].anySet
        }
        let below = concat(prefixes, file: file, line: line).named("\(name)_below", file: file, line: line)
        return RoundingSplit(quotient: quotient, round: shifted[0].named("\(name)_round", file: file, line: line),
                             sticky: (below >> amount)[0].named("\(name)_sticky", file: file, line: line))
    }

    /// One-hot decode: bit `index` set in a `width`-bit unsigned value (0 when index ≥ width).
    public func oneHot(_ index: Signal, width: Int, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let shifted = constant(1, .bit, file: file, line: line) << index.asUnsigned()
        return shifted.width >= width ? shifted.truncated(to: width, file: file, line: line)
                                      : shifted.extended(to: width, file: file, line: line)
    }
}
