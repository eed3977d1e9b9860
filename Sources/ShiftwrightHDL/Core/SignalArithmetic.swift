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

    static func resultType(_ width: Int, signed: Bool, _ what: String, _ builder: ModuleBuilder) -> Signal? {
        if width > HWType.widthRange.upperBound {
            return builder.poison(.bit, "result of '\(what)' would be \(width) bits wide, over the limit of \(HWType.widthRange.upperBound)")
        }
        return nil
    }

    /// Lossless sum: width max(a, b) + 1 (after signedness promotion).
    public static func + (a: Signal, b: Signal) -> Signal {
        if let bad = checkOperands(a, b, "+") { return bad }
        let (x, y, signed) = promoted(a, b)
        let width = max(x.width, y.width) + 1
        if let bad = resultType(width, signed: signed, "+", a.builder) { return bad }
        return a.builder.add(.add(x.id, y.id), HWType(width: width, signed: signed))
    }

    /// Lossless difference: always signed, width max(a, b) + 1 (after signedness promotion).
    public static func - (a: Signal, b: Signal) -> Signal {
        if let bad = checkOperands(a, b, "-") { return bad }
        let (x, y, _) = promoted(a, b)
        let width = max(x.width, y.width) + 1
        if let bad = resultType(width, signed: true, "-", a.builder) { return bad }
        return a.builder.add(.sub(x.id, y.id), .signed(width))
    }

    /// Lossless product: width a + b (after signedness promotion).
    public static func * (a: Signal, b: Signal) -> Signal {
        if let bad = checkOperands(a, b, "*") { return bad }
        let (x, y, signed) = promoted(a, b)
        let width = x.width + y.width
        if let bad = resultType(width, signed: signed, "*", a.builder) { return bad }
        return a.builder.add(.mul(x.id, y.id), HWType(width: width, signed: signed))
    }

    /// Lossless negation: signed, one bit wider.
    public static prefix func - (a: Signal) -> Signal {
        if let bad = resultType(a.width + 1, signed: true, "negate", a.builder) { return bad }
        return a.builder.add(.neg(a.id), .signed(a.width + 1))
    }

    public static func + (a: Signal, b: BigIntValue) -> Signal { a + a.builder.constant(b, signed: b < 0 || a.isSigned) }
    public static func - (a: Signal, b: BigIntValue) -> Signal { a - a.builder.constant(b, signed: b < 0 || a.isSigned) }
    public static func * (a: Signal, b: BigIntValue) -> Signal { a * a.builder.constant(b, signed: b < 0 || a.isSigned) }

    // MARK: bitwise

    static func bitwise(_ a: Signal, _ b: Signal, _ what: String, _ make: (NodeID, NodeID) -> Op) -> Signal {
        if let bad = checkOperands(a, b, what) { return bad }
        guard a.type == b.type else {
            return a.builder.poison(a.type, "operands of '\(what)' differ: \(a.type) and \(b.type); extend, truncate or cast one explicitly")
        }
        return a.builder.add(make(a.id, b.id), a.type)
    }

    /// Bitwise AND; both operands must have the same type.
    public static func & (a: Signal, b: Signal) -> Signal { bitwise(a, b, "&") { .and($0, $1) } }
    /// Bitwise OR; both operands must have the same type.
    public static func | (a: Signal, b: Signal) -> Signal { bitwise(a, b, "|") { .or($0, $1) } }
    /// Bitwise XOR; both operands must have the same type.
    public static func ^ (a: Signal, b: Signal) -> Signal { bitwise(a, b, "^") { .xor($0, $1) } }
    /// Bitwise NOT, same type.
    public static prefix func ~ (a: Signal) -> Signal { a.builder.add(.not(a.id), a.type) }

    // MARK: shifts

    /// Shift left by a constant: the result grows by `amount` bits (nothing is lost).
    public static func << (a: Signal, amount: Int) -> Signal {
        guard amount >= 0 else { return a.builder.poison(a.type, "shift amount \(amount) is negative") }
        if amount == 0 { return a }
        if let bad = resultType(a.width + amount, signed: a.isSigned, "<<", a.builder) { return bad }
        return a.builder.add(.shiftLeft(a.id, amount), HWType(width: a.width + amount, signed: a.isSigned))
    }

    /// Shift right by a constant, keeping the width (arithmetic for signed values: floor division).
    public static func >> (a: Signal, amount: Int) -> Signal {
        guard amount >= 0 else { return a.builder.poison(a.type, "shift amount \(amount) is negative") }
        if amount == 0 { return a }
        return a.builder.add(.shiftRight(a.id, amount), a.type)
    }

    /// Shift left by an unsigned signal: the result is wide enough for the largest shift
    /// (width + 2^amount.width − 1), so nothing is lost.
    public static func << (a: Signal, amount: Signal) -> Signal {
        if let bad = checkOperands(a, amount, "<<") { return bad }
        guard !amount.isSigned else { return a.builder.poison(a.type, "shift amount must be unsigned, got \(amount.type)") }
        guard amount.width <= 10 else {
            return a.builder.poison(a.type, "shift amount of \(amount.width) bits would shift by up to \((1 << amount.width) - 1); slice it first")
        }
        let width = a.width + (1 << amount.width) - 1
        if let bad = resultType(width, signed: a.isSigned, "<<", a.builder) { return bad }
        return a.builder.add(.dynamicShiftLeft(a.id, by: amount.id), HWType(width: width, signed: a.isSigned))
    }

    /// Shift right by an unsigned signal, keeping the width (arithmetic for signed values).
    public static func >> (a: Signal, amount: Signal) -> Signal {
        if let bad = checkOperands(a, amount, ">>") { return bad }
        guard !amount.isSigned else { return a.builder.poison(a.type, "shift amount must be unsigned, got \(amount.type)") }
        return a.builder.add(.dynamicShiftRight(a.id, by: amount.id), a.type)
    }
}
