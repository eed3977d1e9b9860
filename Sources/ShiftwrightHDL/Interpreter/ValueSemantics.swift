import BigInt

/// The meaning of every DSL operation on values, shared by the interpreter. Values are held as
/// mathematical integers in the range of their node's type.
enum ValueSemantics {
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

    static func evaluate(_ op: Op, _ type: HWType, _ operandTypes: [HWType], _ x: [BigInt]) -> BigInt {
        switch op {
        case .add: return wrap(x[0] + x[1], type)
        case .sub: return wrap(x[0] - x[1], type)
        case .mul: return wrap(x[0] * x[1], type)
        case .neg: return wrap(-x[0], type)
        case .and: return wrap(pattern(x[0], type.width) & pattern(x[1], type.width), type)
        case .or: return wrap(pattern(x[0], type.width) | pattern(x[1], type.width), type)
        case .xor: return wrap(pattern(x[0], type.width) ^ pattern(x[1], type.width), type)
        case .not: return wrap(((BigInt(1) << type.width) - 1) ^ pattern(x[0], type.width), type)
        case let .shiftLeft(_, k): return wrap(x[0] << k, type)
        case let .shiftRight(_, k): return wrap(floorShift(x[0], k), type)
        case .dynamicShiftLeft: return wrap(x[0] << Int(x[1]), type)
        case .dynamicShiftRight:
            // Shifting by the width or more leaves only sign bits (the amount may be any width).
            if x[1] >= BigInt(type.width) { return x[0] < 0 ? -1 : 0 }
            return wrap(floorShift(x[0], Int(x[1])), type)
        case let .compare(kind, _, _):
            let r: Bool
            switch kind {
            case .eq: r = x[0] == x[1]
            case .ne: r = x[0] != x[1]
            case .lt: r = x[0] < x[1]
            case .le: r = x[0] <= x[1]
            case .gt: r = x[0] > x[1]
            case .ge: r = x[0] >= x[1]
            }
            return r ? 1 : 0
        case .concat:
            var acc = BigInt(0)
            for (v, t) in zip(x, operandTypes) { acc = (acc << t.width) | pattern(v, t.width) }
            return wrap(acc, type)
        case let .slice(_, high, low):
            return (pattern(x[0], operandTypes[0].width) >> low) & ((BigInt(1) << (high - low + 1)) - 1)
        case .extend: return x[0]
        case .truncate: return wrap(x[0], type)
        case .reinterpret: return BigInt.fromPattern(pattern(x[0], operandTypes[0].width), width: type.width, signed: type.isSigned)
        case .mux: return x[0] != 0 ? x[1] : x[2]
        case let .reduce(kind, _):
            let p = pattern(x[0], operandTypes[0].width)
            switch kind {
            case .or: return p != 0 ? 1 : 0
            case .and: return p == (BigInt(1) << operandTypes[0].width) - 1 ? 1 : 0
            case .xor: return BigInt(p.words.reduce(0) { $0 + $1.nonzeroBitCount } & 1)
            }
        case .input, .constant, .wire, .register, .memoryRead, .instanceOutput, .poison:
            return 0
        }
    }
}

extension Op {
    /// The same operation with operands renamed through `map`.
    func mapOperands(_ map: (NodeID) -> NodeID) -> Op {
        switch self {
        case .input, .constant, .wire, .register, .memoryRead, .instanceOutput, .poison: self
        case let .add(a, b): .add(map(a), map(b))
        case let .sub(a, b): .sub(map(a), map(b))
        case let .mul(a, b): .mul(map(a), map(b))
        case let .neg(a): .neg(map(a))
        case let .and(a, b): .and(map(a), map(b))
        case let .or(a, b): .or(map(a), map(b))
        case let .xor(a, b): .xor(map(a), map(b))
        case let .not(a): .not(map(a))
        case let .shiftLeft(a, k): .shiftLeft(map(a), k)
        case let .shiftRight(a, k): .shiftRight(map(a), k)
        case let .dynamicShiftLeft(a, s): .dynamicShiftLeft(map(a), by: map(s))
        case let .dynamicShiftRight(a, s): .dynamicShiftRight(map(a), by: map(s))
        case let .compare(k, a, b): .compare(k, map(a), map(b))
        case let .concat(parts): .concat(parts.map(map))
        case let .slice(a, h, l): .slice(map(a), high: h, low: l)
        case let .extend(a): .extend(map(a))
        case let .truncate(a): .truncate(map(a))
        case let .reinterpret(a): .reinterpret(map(a))
        case let .mux(s, t, f): .mux(select: map(s), whenTrue: map(t), whenFalse: map(f))
        case let .reduce(k, a): .reduce(k, map(a))
        }
    }
}
