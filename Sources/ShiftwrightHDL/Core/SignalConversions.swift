import BigInt

extension Signal {
    /// Bits `high` down to `low` (inclusive), unsigned.
    public subscript(high: Int, low: Int) -> Signal {
        Signal.apply([self]) { .slice($0[0], high: high, low: low) }
    }

    /// Bit `index`, as a 1-bit unsigned signal.
    public subscript(index: Int) -> Signal { self[index, index] }

    /// The most significant bit (the sign bit of a signed value).
    public var msb: Signal { self[width - 1] }

    /// Sign- or zero-extends (by this signal's signedness) to `width` bits.
    public func extended(to width: Int, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        builder.consume(self, at: loc)
        if width == self.width { return self }
        return Signal.apply([self], requested: HWType(width: width, signed: isSigned), at: loc) { .extend($0[0]) }
    }

    /// Keeps the low `width` bits; the only way to narrow a value, so it is always visible.
    public func truncated(to width: Int, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        builder.consume(self, at: loc)
        if width == self.width { return self }
        return Signal.apply([self], requested: HWType(width: width, signed: isSigned), at: loc) { .truncate($0[0]) }
    }

    /// The same bits read as two's complement.
    public func asSigned() -> Signal {
        isSigned ? self : Signal.apply([self]) { .reinterpret($0[0]) }
    }

    /// The same bits read as unsigned.
    public func asUnsigned() -> Signal {
        isSigned ? Signal.apply([self]) { .reinterpret($0[0]) } : self
    }

    /// The same value as a signed signal (one bit wider when unsigned).
    public func toSigned() -> Signal {
        if isSigned { return self }
        if width + 1 > HWType.widthRange.upperBound { return builder.poison(.signed(width), "toSigned would exceed the width limit") }
        return Signal.apply([self], requested: .signed(width + 1)) { .extend($0[0]) }
    }

    // MARK: comparisons (value semantics: operands of any width and signedness compare as numbers)

    /// `self ∘ other` as one bit; with a location (the named methods) operands are consumed there,
    /// without one (the operators) the statement using the result reports any problem.
    func compare(_ kind: Comparison, _ other: Signal, _ loc: SourceLocation?) -> Signal {
        if let loc {
            builder.consume(self, at: loc)
            builder.consume(other, at: loc)
        }
        return Signal.apply([self, other], at: loc) { .compare(kind, $0[0], $0[1]) }
    }

    public func eq(_ other: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal { compare(.eq, other, .init(file: file, line: line)) }
    public func ne(_ other: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal { compare(.ne, other, .init(file: file, line: line)) }
    public func lt(_ other: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal { compare(.lt, other, .init(file: file, line: line)) }
    public func le(_ other: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal { compare(.le, other, .init(file: file, line: line)) }
    public func gt(_ other: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal { compare(.gt, other, .init(file: file, line: line)) }
    public func ge(_ other: Signal, file: StaticString = #fileID, line: UInt = #line) -> Signal { compare(.ge, other, .init(file: file, line: line)) }

    public func eq(_ value: BigInt, file: StaticString = #fileID, line: UInt = #line) -> Signal { eq(builder.constant(value, signed: value < 0), file: file, line: line) }
    public func ne(_ value: BigInt, file: StaticString = #fileID, line: UInt = #line) -> Signal { ne(builder.constant(value, signed: value < 0), file: file, line: line) }
    public func lt(_ value: BigInt, file: StaticString = #fileID, line: UInt = #line) -> Signal { lt(builder.constant(value, signed: value < 0), file: file, line: line) }
    public func ge(_ value: BigInt, file: StaticString = #fileID, line: UInt = #line) -> Signal { ge(builder.constant(value, signed: value < 0), file: file, line: line) }
    public func gt(_ value: BigInt, file: StaticString = #fileID, line: UInt = #line) -> Signal { gt(builder.constant(value, signed: value < 0), file: file, line: line) }
    public func le(_ value: BigInt, file: StaticString = #fileID, line: UInt = #line) -> Signal { le(builder.constant(value, signed: value < 0), file: file, line: line) }

    // MARK: reductions

    /// 1 when any bit is 1.
    public var anySet: Signal { Signal.apply([self]) { .reduce(.or, $0[0]) } }
    /// 1 when every bit is 1.
    public var allSet: Signal { Signal.apply([self]) { .reduce(.and, $0[0]) } }
    /// Parity: XOR of all bits.
    public var parity: Signal { Signal.apply([self]) { .reduce(.xor, $0[0]) } }
    /// 1 when the value is zero.
    public var isZero: Signal { ~anySet }
}

extension ModuleBuilder {
    /// `select ? whenTrue : whenFalse`; both arms must have the same type.
    public func mux(_ select: Signal, _ whenTrue: Signal, _ whenFalse: Signal,
                    file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        for s in [select, whenTrue, whenFalse] { consume(s, at: loc) }
        guard owns(select, at: loc), owns(whenTrue, at: loc), owns(whenFalse, at: loc) else { return poison(whenTrue.type, "mux across modules", at: loc) }
        return Signal.apply([select, whenTrue, whenFalse], at: loc) { .mux(select: $0[0], whenTrue: $0[1], whenFalse: $0[2]) }
    }

    /// Concatenation, most significant part first (like Verilog `{a, b}`); unsigned.
    public func concat(_ parts: [Signal], file: StaticString = #fileID, line: UInt = #line) -> Signal {
        let loc = SourceLocation(file: file, line: line)
        parts.forEach { consume($0, at: loc) }
        guard !parts.isEmpty else { return poison(.bit, "concat of no parts", at: loc) }
        guard parts.allSatisfy({ owns($0, at: loc) }) else { return poison(.bit, "concat across modules", at: loc) }
        if parts.count == 1 { return parts[0].asUnsigned() }
        return Signal.apply(parts, at: loc) { .concat($0) }
    }

    public func concat(_ parts: Signal..., file: StaticString = #fileID, line: UInt = #line) -> Signal {
        concat(parts, file: file, line: line)
    }
}
