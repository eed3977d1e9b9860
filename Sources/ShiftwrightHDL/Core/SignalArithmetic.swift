import BigInt

extension Signal {
    /// Operands of an arithmetic operation brought to a common signedness without loss.
    static func promoted(_ a: Signal, _ b: Signal) -> (Signal, Signal, Bool) {
        if a.isSigned == b.isSigned { return (a, b, a.isSigned) }
        return (a.isSigned ? a : a.toSigned(), b.isSigned ? b : b.toSigned(), true)
    }

    /// Validates a binary operation's operands; returns a poison result when they cannot combine.
    static func checkOperands(_ a: Signal, _ b: Signal, _ what: String) -> Signal? {
        if a.builder !== b.builder {
            return a.builder.poison(a.type, "'\(what)' combines signals of modules '\(a.builder.moduleName)' and '\(b.builder.moduleName)'")
        }
        return nil
    }

    /// Adds the operation `make` builds from its operands' ids, typed by its `OperatorTable` rule:
    /// the one path every operator takes. Operands of two modules, or a type rule that fails, give
    /// a placeholder whose diagnostic is located at the statement consuming the result (or at
    /// `location` when given).
    static func apply(_ operands: [Signal], requested: HWType? = nil, at location: SourceLocation? = nil,
                      _ make: ([NodeID]) -> Op) -> Signal {
        let builder = operands[0].builder
        guard let rule = make(operands.map(\.id)).rule else { return builder.poison(operands[0].type, "not an operation", at: location) }
        for other in operands.dropFirst() {
            if let bad = checkOperands(operands[0], other, rule.name) { return bad }
        }
        var xs = operands
        if rule.promotesSignedness, xs.count == 2 {
            let (x, y, _) = promoted(xs[0], xs[1])
            xs = [x, y]
        }
        let op = make(xs.map(\.id))
        switch rule.resultType(op, xs.map(\.type), requested) {
        case let .failure(message, placeholder): return builder.poison(placeholder, message, at: location)
        case let .type(type): return builder.add(op, type, location: location)
        }
    }

    /// Lossless sum: width max(a, b) + 1 (after signedness promotion).
    public static func + (a: Signal, b: Signal) -> Signal { apply([a, b]) { .add($0[0], $0[1]) } }

    /// Lossless difference: always signed, width max(a, b) + 1 (after signedness promotion).
    public static func - (a: Signal, b: Signal) -> Signal { apply([a, b]) { .sub($0[0], $0[1]) } }

    /// Lossless product: width a + b (after signedness promotion).
    public static func * (a: Signal, b: Signal) -> Signal { apply([a, b]) { .mul($0[0], $0[1]) } }

    /// Lossless negation: signed, one bit wider.
    public static prefix func - (a: Signal) -> Signal { apply([a]) { .neg($0[0]) } }

    public static func + (a: Signal, b: BigInt) -> Signal { a + a.builder.constant(b, signed: b < 0 || a.isSigned) }
    public static func - (a: Signal, b: BigInt) -> Signal { a - a.builder.constant(b, signed: b < 0 || a.isSigned) }
    public static func * (a: Signal, b: BigInt) -> Signal { a * a.builder.constant(b, signed: b < 0 || a.isSigned) }

    // MARK: bitwise

    /// Bitwise AND; both operands must have the same type.
    public static func & (a: Signal, b: Signal) -> Signal { apply([a, b]) { .and($0[0], $0[1]) } }
    /// Bitwise OR; both operands must have the same type.
    public static func | (a: Signal, b: Signal) -> Signal { apply([a, b]) { .or($0[0], $0[1]) } }
    /// Bitwise XOR; both operands must have the same type.
    public static func ^ (a: Signal, b: Signal) -> Signal { apply([a, b]) { .xor($0[0], $0[1]) } }
    /// Bitwise NOT, same type.
    public static prefix func ~ (a: Signal) -> Signal { apply([a]) { .not($0[0]) } }

    // MARK: shifts

    /// Shift left by a constant: the result grows by `amount` bits (nothing is lost).
    public static func << (a: Signal, amount: Int) -> Signal {
        amount == 0 ? a : apply([a]) { .shiftLeft($0[0], amount) }
    }

    /// Shift right by a constant, keeping the width (arithmetic for signed values: floor division).
    public static func >> (a: Signal, amount: Int) -> Signal {
        amount == 0 ? a : apply([a]) { .shiftRight($0[0], amount) }
    }

    /// Shift left by an unsigned signal: the result is wide enough for the largest shift
    /// (width + 2^amount.width − 1), so nothing is lost.
    public static func << (a: Signal, amount: Signal) -> Signal {
        apply([a, amount]) { .dynamicShiftLeft($0[0], by: $0[1]) }
    }

    /// Shift right by an unsigned signal, keeping the width (arithmetic for signed values).
    public static func >> (a: Signal, amount: Signal) -> Signal {
        apply([a, amount]) { .dynamicShiftRight($0[0], by: $0[1]) }
    }
}
