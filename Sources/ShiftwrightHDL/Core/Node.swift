import BigInt

/// Identifies a node in one module's signal graph.
public typealias NodeID = Int

/// The operation a graph node performs. Operand semantics are on values (two's complement for
/// signed operands); every operation's result type is fixed when the node is created.
public enum Op: Hashable, Sendable {
    case input(port: String)
    case constant(BigInt)
    /// A declared wire or output; its driver is resolved at elaboration from the assignments.
    case wire
    /// The current value of register `index`.
    case register(index: Int)
    /// The registered output of a synchronous read port of memory `memory`.
    case memoryRead(memory: Int, port: Int)
    /// Output `port` of instance `instance`.
    case instanceOutput(instance: Int, port: String)

    case add(NodeID, NodeID), sub(NodeID, NodeID), mul(NodeID, NodeID), neg(NodeID)
    case and(NodeID, NodeID), or(NodeID, NodeID), xor(NodeID, NodeID), not(NodeID)
    case shiftLeft(NodeID, Int), shiftRight(NodeID, Int)
    case dynamicShiftLeft(NodeID, by: NodeID), dynamicShiftRight(NodeID, by: NodeID)
    case compare(Comparison, NodeID, NodeID)
    case concat([NodeID])
    case slice(NodeID, high: Int, low: Int)
    /// Sign- or zero-extends (by the operand's signedness) to the node's width.
    case extend(NodeID)
    /// Keeps the low bits (explicit truncation).
    case truncate(NodeID)
    /// Same bits, the node's signedness.
    case reinterpret(NodeID)
    case mux(select: NodeID, whenTrue: NodeID, whenFalse: NodeID)
    case reduce(Reduction, NodeID)
    /// Placeholder for an operation that could not be built; its diagnostic is reported where the
    /// expression is consumed.
    case poison

    /// The operand nodes, in order.
    public var operands: [NodeID] {
        switch self {
        case .input, .constant, .wire, .register, .memoryRead, .instanceOutput, .poison: []
        case let .add(a, b), let .sub(a, b), let .mul(a, b), let .and(a, b), let .or(a, b), let .xor(a, b),
             let .compare(_, a, b), let .dynamicShiftLeft(a, b), let .dynamicShiftRight(a, b): [a, b]
        case let .neg(a), let .not(a), let .shiftLeft(a, _), let .shiftRight(a, _), let .slice(a, _, _),
             let .extend(a), let .truncate(a), let .reinterpret(a), let .reduce(_, a): [a]
        case let .concat(parts): parts
        case let .mux(s, t, f): [s, t, f]
        }
    }

    /// A short verb naming the operation; used to derive readable temporary names. Operations take
    /// theirs from the `OperatorTable`.
    public var mnemonic: String {
        switch self {
        case .input: "in"
        case .constant: "const"
        case .wire: "wire"
        case .register: "reg"
        case .memoryRead: "rd"
        case .instanceOutput: "out"
        case .poison: "poison"
        default: rule?.mnemonic ?? "op"
        }
    }
}

/// Comparison operators; results are one bit.
public enum Comparison: String, Hashable, Sendable, CaseIterable {
    case eq, ne, lt, le, gt, ge
    var mnemonic: String { rawValue }
}

/// Reductions of all bits of a vector to one bit.
public enum Reduction: String, Hashable, Sendable {
    case and, or, xor
    var mnemonic: String { "red\(rawValue)" }
}

/// A node of a module's signal graph: operation, result type, optional user name, and the
/// source line that created it.
public struct Node: Hashable, Sendable {
    public var op: Op
    public let type: HWType
    /// The name the user gave (ports, wires, registers, `named(_:)`), nil for temporaries.
    public var name: String?
    public let location: SourceLocation?
}
