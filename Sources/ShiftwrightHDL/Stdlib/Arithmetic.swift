import BigInt

extension ModuleBuilder {
    /// Sum of `terms` as a balanced tree of two-input adders (each level grows one bit, nothing is
    /// lost). Signed if any term is signed.
    public func adderTree(_ terms: [Signal], file: StaticString = #fileID, line: UInt = #line) -> Signal {
        guard !terms.isEmpty else { return constant(0, file: file, line: line) }
        var level = terms
        while level.count > 1 {
            var next: [Signal] = []
            for i in stride(from: 0, to: level.count - 1, by: 2) { next.append(level[i] + level[i + 1]) }
            if level.count % 2 == 1 { next.append(level[level.count - 1]) }
            level = next
        }
        return level[0]
    }

    /// `x · selector` computed as a sum of shifted copies of `x`, one per bit of the unsigned
    /// `selector` (no multiplier): Σ selector[j] ? x << j : 0. Result: width x + selector,
    /// signedness of x.
    public func shiftAddMultiply(_ x: Signal, by selector: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let width = x.width + selector.width
        let zero = constant(0, HWType(width: width, signed: x.isSigned), file: file, line: line)
        let terms = (0..<selector.width).map { j -> Signal in
            mux(selector[j], (x << j).extended(to: width, file: file, line: line), zero, file: file, line: line)
        }
        return adderTree(terms, file: file, line: line).truncated(to: width, file: file, line: line)
    }

    /// `value` replicated: all ones when the 1-bit `bit` is 1, else zero, as `type`.
    public func fill(_ bit: Signal, _ type: HWType, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let ones = bit.asSigned().extended(to: type.width, file: file, line: line)
        return type.isSigned ? ones : ones.asUnsigned()
    }

    /// Conditional two's-complement negation: `negate ? -x : x`, with the width one bit wider
    /// (so negating the most negative value is exact).
    public func negate(_ x: Signal, when negate: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let width = x.width + 1
        let wide = x.toSigned().extended(to: width, file: file, line: line)
        let flipped = wide ^ fill(negate, wide.type, file: file, line: line)
        return (flipped + negate).truncated(to: width, file: file, line: line)
    }
}
