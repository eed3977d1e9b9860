import BigInt

/// How a printer writes an operation, in neutral terms. A backend maps each spelling to its own
/// syntax; the symbols are the usual infix ones (the Verilog printer uses most of them verbatim).
/// "Widened" operands are first extended, by their own signedness, to the width the case names,
/// so no target language's context-width rules can change a result.
public enum OperatorSpelling: Sendable, Hashable {
    /// `a ∘ b`, both operands widened to the result width (`+`, `-`, `*`).
    case infixWidened(String)
    /// `∘a`, the operand widened to the result width (negation).
    case prefixWidened(String)
    /// `a ∘ b` on operands of the result's type, as they are (bitwise `&`, `|`, `^`).
    case infix(String)
    /// `∘a` on the operand as it is (bitwise NOT, reductions).
    case prefix(String)
    /// `a ∘ b`, both operands widened to the wider of the two. `ordered` comparisons read signed
    /// operands as signed; equality does not depend on signedness.
    case comparison(String, ordered: Bool)
    /// `a ∘ s`: `a` widened to the result width, shifted by the unsigned signal `s`. A right shift
    /// of a signed value is arithmetic (fills with the sign bit).
    case shiftBySignal(String)
    /// Shift by a constant, written as bit selection and concatenation (`left`: zeros appended).
    case shiftByConstant(left: Bool)
    /// `{a, b, …}`, most significant part first.
    case concatenation
    /// Bits `high:low` of the operand.
    case slice
    /// The operand sign- or zero-extended to the result width.
    case widening
    /// The low bits of the operand.
    case truncation
    /// The same bits read with the result's signedness (no operation in the hardware).
    case reinterpretation
    /// `select ? a : b`.
    case selection
}

/// The result type of an operation, or why its operands do not combine (with the type of the
/// placeholder that stands in for the failed result).
public enum OperatorTypeResult: Sendable, Hashable {
    case type(HWType)
    case failure(String, placeholder: HWType)
}

/// Everything the DSL knows about one operation, defined once and read by the builder (result
/// type), the interpreter (evaluation) and every printer (spelling, temporary names).
///
/// Values are mathematical integers in the range of their type (two's complement for signed
/// types); `evaluate` receives the operation (for its constant parameters), the result type, the
/// operand types and the operand values, and returns a value in the result type's range.
public struct OperatorRule: Sendable {
    /// The name diagnostics use (`+`, `negate`, `eq`, …).
    public let name: String
    /// A short verb for temporaries named after the signal they feed (`acc_next_sum`).
    public let mnemonic: String
    /// How printers write it.
    public let spelling: OperatorSpelling
    /// Whether operands of mixed signedness are brought to signed (the unsigned one losslessly,
    /// one bit wider) before the type rule and the operation see them.
    public let promotesSignedness: Bool
    /// The result type for the given (already promoted) operand types; `requested` is the type
    /// asked for by operations that take one (extension, truncation).
    public let resultType: @Sendable (_ op: Op, _ operands: [HWType], _ requested: HWType?) -> OperatorTypeResult
    /// The value of the operation.
    public let evaluate: @Sendable (_ op: Op, _ result: HWType, _ operands: [HWType], _ values: [BigInt]) -> BigInt
}

extension Op {
    /// The table entry of this operation; nil for leaves (ports, constants, wires, registers,
    /// memory reads, instance outputs) and placeholders.
    public var rule: OperatorRule? {
        switch self {
        case .input, .constant, .wire, .register, .memoryRead, .instanceOutput, .poison: nil
        case .add: OperatorTable.add
        case .sub: OperatorTable.sub
        case .mul: OperatorTable.mul
        case .neg: OperatorTable.neg
        case .and: OperatorTable.and
        case .or: OperatorTable.or
        case .xor: OperatorTable.xor
        case .not: OperatorTable.not
        case .shiftLeft: OperatorTable.shiftLeft
        case .shiftRight: OperatorTable.shiftRight
        case .dynamicShiftLeft: OperatorTable.dynamicShiftLeft
        case .dynamicShiftRight: OperatorTable.dynamicShiftRight
        case let .compare(kind, _, _): OperatorTable.comparison(kind)
        case .concat: OperatorTable.concat
        case .slice: OperatorTable.slice
        case .extend: OperatorTable.extend
        case .truncate: OperatorTable.truncate
        case .reinterpret: OperatorTable.reinterpret
        case .mux: OperatorTable.mux
        case let .reduce(kind, _): OperatorTable.reduction(kind)
        }
    }
}

/// The operator table: one `OperatorRule` per operation of the DSL (see `Op.rule`).
public enum OperatorTable {
    // MARK: value helpers shared by the evaluations

    /// The two's-complement bit pattern of `v` in `width` bits.
    static func pattern(_ v: BigInt, _ width: Int) -> BigInt { v.pattern(width: width) }

    /// Brings `v` into `type`'s range by keeping its low bits.
    static func wrap(_ v: BigInt, _ type: HWType) -> BigInt {
        BigInt.fromPattern(v.pattern(width: type.width), width: type.width, signed: type.isSigned)
    }

    /// floor(v / 2^k), the arithmetic right shift of a two's-complement value.
    static func floorShift(_ v: BigInt, _ k: Int) -> BigInt {
        if v >= 0 { return v >> k }
        return -((-v - 1) >> k) - 1
    }

    /// `type`, unless its width is over the limit.
    static func limited(_ width: Int, signed: Bool, _ name: String) -> OperatorTypeResult {
        if width > HWType.widthRange.upperBound {
            return .failure("result of '\(name)' would be \(width) bits wide, over the limit of \(HWType.widthRange.upperBound)", placeholder: .bit)
        }
        return .type(HWType(width: width, signed: signed))
    }

    // MARK: arithmetic: nothing is lost

    /// Lossless sum: width max(a, b) + 1, the promoted signedness.
    public static let add = OperatorRule(
        name: "+", mnemonic: "sum", spelling: .infixWidened("+"), promotesSignedness: true,
        resultType: { _, t, _ in limited(max(t[0].width, t[1].width) + 1, signed: t[0].isSigned, "+") },
        evaluate: { _, r, _, x in wrap(x[0] + x[1], r) })

    /// Lossless difference: always signed, width max(a, b) + 1.
    public static let sub = OperatorRule(
        name: "-", mnemonic: "diff", spelling: .infixWidened("-"), promotesSignedness: true,
        resultType: { _, t, _ in limited(max(t[0].width, t[1].width) + 1, signed: true, "-") },
        evaluate: { _, r, _, x in wrap(x[0] - x[1], r) })

    /// Lossless product: width a + b, the promoted signedness.
    public static let mul = OperatorRule(
        name: "*", mnemonic: "prod", spelling: .infixWidened("*"), promotesSignedness: true,
        resultType: { _, t, _ in limited(t[0].width + t[1].width, signed: t[0].isSigned, "*") },
        evaluate: { _, r, _, x in wrap(x[0] * x[1], r) })

    /// Lossless negation: signed, one bit wider.
    public static let neg = OperatorRule(
        name: "negate", mnemonic: "neg", spelling: .prefixWidened("-"), promotesSignedness: false,
        resultType: { _, t, _ in limited(t[0].width + 1, signed: true, "negate") },
        evaluate: { _, r, _, x in wrap(-x[0], r) })

    // MARK: bitwise: operands of one type

    static func bitwise(_ symbol: String, _ mnemonic: String, _ combine: @escaping @Sendable (BigInt, BigInt) -> BigInt) -> OperatorRule {
        OperatorRule(
            name: symbol, mnemonic: mnemonic, spelling: .infix(symbol), promotesSignedness: false,
            resultType: { _, t, _ in
                t[0] == t[1] ? .type(t[0])
                    : .failure("operands of '\(symbol)' differ: \(t[0]) and \(t[1]); extend, truncate or cast one explicitly", placeholder: t[0])
            },
            evaluate: { _, r, _, x in wrap(combine(pattern(x[0], r.width), pattern(x[1], r.width)), r) })
    }

    /// Bitwise AND of two values of one type.
    public static let and = bitwise("&", "and") { $0 & $1 }
    /// Bitwise OR of two values of one type.
    public static let or = bitwise("|", "or") { $0 | $1 }
    /// Bitwise XOR of two values of one type.
    public static let xor = bitwise("^", "xor") { $0 ^ $1 }

    /// Bitwise NOT, same type.
    public static let not = OperatorRule(
        name: "~", mnemonic: "not", spelling: .prefix("~"), promotesSignedness: false,
        resultType: { _, t, _ in .type(t[0]) },
        evaluate: { _, r, _, x in wrap(((BigInt(1) << r.width) - 1) ^ pattern(x[0], r.width), r) })

    // MARK: shifts

    /// Shift left by a constant: grows by the amount (nothing is lost).
    public static let shiftLeft = OperatorRule(
        name: "<<", mnemonic: "shl", spelling: .shiftByConstant(left: true), promotesSignedness: false,
        resultType: { op, t, _ in
            guard case let .shiftLeft(_, k) = op else { return .type(t[0]) }
            if k < 0 { return .failure("shift amount \(k) is negative", placeholder: t[0]) }
            return limited(t[0].width + k, signed: t[0].isSigned, "<<")
        },
        evaluate: { op, r, _, x in
            guard case let .shiftLeft(_, k) = op else { return 0 }
            return wrap(x[0] << k, r)
        })

    /// Shift right by a constant, keeping the width (arithmetic for signed values: floor division).
    public static let shiftRight = OperatorRule(
        name: ">>", mnemonic: "shr", spelling: .shiftByConstant(left: false), promotesSignedness: false,
        resultType: { op, t, _ in
            if case let .shiftRight(_, k) = op, k < 0 { return .failure("shift amount \(k) is negative", placeholder: t[0]) }
            return .type(t[0])
        },
        evaluate: { op, r, _, x in
            guard case let .shiftRight(_, k) = op else { return 0 }
            return wrap(floorShift(x[0], k), r)
        })

    /// Why a signal cannot be a shift amount, or nil.
    static func amountProblem(_ amount: HWType) -> String? {
        amount.isSigned ? "shift amount must be unsigned, got \(amount)" : nil
    }

    /// Shift left by an unsigned signal: width + 2^amount.width − 1, so nothing is lost.
    public static let dynamicShiftLeft = OperatorRule(
        name: "<<", mnemonic: "shl", spelling: .shiftBySignal("<<"), promotesSignedness: false,
        resultType: { _, t, _ in
            if let problem = amountProblem(t[1]) { return .failure(problem, placeholder: t[0]) }
            guard t[1].width <= 10 else {
                return .failure("shift amount of \(t[1].width) bits would shift by up to \((1 << t[1].width) - 1); slice it first", placeholder: t[0])
            }
            return limited(t[0].width + (1 << t[1].width) - 1, signed: t[0].isSigned, "<<")
        },
        evaluate: { _, r, _, x in wrap(x[0] << Int(x[1]), r) })

    /// Shift right by an unsigned signal, keeping the width (arithmetic for signed values).
    public static let dynamicShiftRight = OperatorRule(
        name: ">>", mnemonic: "shr", spelling: .shiftBySignal(">>"), promotesSignedness: false,
        resultType: { _, t, _ in amountProblem(t[1]).map { .failure($0, placeholder: t[0]) } ?? .type(t[0]) },
        evaluate: { _, r, _, x in
            // Shifting by the width or more leaves only sign bits (the amount may be any width).
            if x[1] >= BigInt(r.width) { return x[0] < 0 ? -1 : 0 }
            return wrap(floorShift(x[0], Int(x[1])), r)
        })

    // MARK: comparisons and reductions: one bit

    static let comparisons: [Comparison: OperatorRule] = Dictionary(uniqueKeysWithValues: Comparison.allCases.map { kind in
        (kind, OperatorRule(
            name: kind.rawValue, mnemonic: kind.rawValue, spelling: .comparison(kind.symbol, ordered: kind != .eq && kind != .ne),
            promotesSignedness: true, resultType: { _, _, _ in .type(.bit) },
            evaluate: { _, _, _, x in kind.holds(x[0], x[1]) ? 1 : 0 }))
    })

    /// Comparison of two values as numbers (any widths; mixed signedness promoted), one bit.
    public static func comparison(_ kind: Comparison) -> OperatorRule { comparisons[kind]! }

    static let reductions: [Reduction: OperatorRule] = [
        .and: reductionRule(.and) { p, width in p == (BigInt(1) << width) - 1 },
        .or: reductionRule(.or) { p, _ in p != 0 },
        .xor: reductionRule(.xor) { p, _ in p.words.reduce(0) { $0 + $1.nonzeroBitCount } & 1 == 1 },
    ]

    static func reductionRule(_ kind: Reduction, _ holds: @escaping @Sendable (BigInt, Int) -> Bool) -> OperatorRule {
        OperatorRule(name: kind.mnemonic, mnemonic: kind.mnemonic, spelling: .prefix(kind.symbol), promotesSignedness: false,
                     resultType: { _, _, _ in .type(.bit) },
                     evaluate: { _, _, t, x in holds(pattern(x[0], t[0].width), t[0].width) ? 1 : 0 })
    }

    /// Reduction of all bits of a vector to one bit.
    public static func reduction(_ kind: Reduction) -> OperatorRule { reductions[kind]! }

    // MARK: structure: bits, widths, selection

    /// Concatenation, most significant part first; unsigned, the sum of the widths.
    public static let concat = OperatorRule(
        name: "concat", mnemonic: "cat", spelling: .concatenation, promotesSignedness: false,
        resultType: { _, t, _ in
            let width = t.reduce(0) { $0 + $1.width }
            guard width <= HWType.widthRange.upperBound else { return .failure("concat would be \(width) bits wide", placeholder: .bit) }
            return .type(.unsigned(width))
        },
        evaluate: { _, r, t, x in
            var acc = BigInt(0)
            for (v, type) in zip(x, t) { acc = (acc << type.width) | pattern(v, type.width) }
            return wrap(acc, r)
        })

    /// Bits `high` down to `low`, unsigned.
    public static let slice = OperatorRule(
        name: "slice", mnemonic: "bits", spelling: .slice, promotesSignedness: false,
        resultType: { op, t, _ in
            guard case let .slice(_, high, low) = op else { return .type(t[0]) }
            guard low >= 0, high >= low, high < t[0].width else {
                return .failure("slice [\(high):\(low)] is out of range for \(t[0])", placeholder: .unsigned(max(1, high - low + 1)))
            }
            return .type(.unsigned(high - low + 1))
        },
        evaluate: { op, _, t, x in
            guard case let .slice(_, high, low) = op else { return 0 }
            return (pattern(x[0], t[0].width) >> low) & ((BigInt(1) << (high - low + 1)) - 1)
        })

    /// Sign- or zero-extension (by the operand's signedness) to a requested, not smaller type; an
    /// unsigned operand may become signed when the requested type is wider (the value is kept).
    public static let extend = OperatorRule(
        name: "extend", mnemonic: "ext", spelling: .widening, promotesSignedness: false,
        resultType: { _, t, requested in
            let type = requested ?? t[0]
            guard type.width >= t[0].width, HWType.widthRange.contains(type.width),
                  type.isSigned == t[0].isSigned || (type.isSigned && type.width > t[0].width) else {
                return .failure("cannot extend \(t[0]) to \(type.width) bits (use truncated(to:) to narrow)", placeholder: t[0])
            }
            return .type(type)
        },
        evaluate: { _, _, _, x in x[0] })

    /// Keeps the low bits: the only way to narrow, so it is always explicit.
    public static let truncate = OperatorRule(
        name: "truncate", mnemonic: "trunc", spelling: .truncation, promotesSignedness: false,
        resultType: { _, t, requested in
            let width = requested?.width ?? t[0].width
            guard width <= t[0].width, width >= 1 else {
                return .failure("cannot truncate \(t[0]) to \(width) bits (use extended(to:) to widen)", placeholder: t[0])
            }
            return .type(HWType(width: width, signed: t[0].isSigned))
        },
        evaluate: { _, r, _, x in wrap(x[0], r) })

    /// The same bits with the other signedness.
    public static let reinterpret = OperatorRule(
        name: "reinterpret", mnemonic: "cast", spelling: .reinterpretation, promotesSignedness: false,
        resultType: { _, t, _ in .type(HWType(width: t[0].width, signed: !t[0].isSigned)) },
        evaluate: { _, r, t, x in BigInt.fromPattern(pattern(x[0], t[0].width), width: r.width, signed: r.isSigned) })

    /// `select ? whenTrue : whenFalse`: a 1-bit select and two arms of one type.
    public static let mux = OperatorRule(
        name: "mux", mnemonic: "mux", spelling: .selection, promotesSignedness: false,
        resultType: { _, t, _ in
            guard t[0].width == 1 else { return .failure("mux select must be 1 bit wide, got \(t[0])", placeholder: t[1]) }
            guard t[1] == t[2] else {
                return .failure("mux arms differ: \(t[1]) and \(t[2]); extend, truncate or cast one explicitly", placeholder: t[1])
            }
            return .type(t[1])
        },
        evaluate: { _, _, _, x in x[0] != 0 ? x[1] : x[2] })
}

extension Comparison {
    /// The neutral infix symbol (`==`, `<`, …).
    public var symbol: String {
        switch self {
        case .eq: "=="
        case .ne: "!="
        case .lt: "<"
        case .le: "<="
        case .gt: ">"
        case .ge: ">="
        }
    }

    /// Whether `a ∘ b` holds for these values.
    func holds(_ a: BigInt, _ b: BigInt) -> Bool {
        switch self {
        case .eq: a == b
        case .ne: a != b
        case .lt: a < b
        case .le: a <= b
        case .gt: a > b
        case .ge: a >= b
        }
    }
}

extension Reduction {
    /// The neutral prefix symbol (`&`, `|`, `^`).
    public var symbol: String {
        switch self {
        case .and: "&"
        case .or: "|"
        case .xor: "^"
        }
    }
}
