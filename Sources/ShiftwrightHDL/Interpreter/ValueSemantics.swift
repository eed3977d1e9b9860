import BigInt

/// Value helpers of the interpreter; the meaning of every operation is its `OperatorTable` rule.
enum ValueSemantics {
    /// Brings `v` into `type`'s range by keeping its low bits.
    static func wrap(_ v: BigInt, _ type: HWType) -> BigInt { OperatorTable.wrap(v, type) }
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
