import ShiftwrightHDL

/// Writes the right-hand side of each node. Every operand is extended explicitly to the result
/// width before the operator, so Verilog's context-dependent widths and signedness can never change
/// a result: the emitted text means exactly what the interpreter computes.
struct VerilogExpressions {
    let module: Module
    let names: RTLNames

    func literal(_ value: BigIntValue, width: Int) -> String {
        let modulus = BigIntValue(1) << width
        var pattern = value % modulus
        if pattern < 0 { pattern += modulus }
        return "\(width)'h\(String(pattern, radix: 16))"
    }

    func constantValue(_ id: NodeID) -> BigIntValue? {
        let node = module.nodes[id]
        switch node.op {
        case let .constant(v): return v
        case let .reinterpret(a):
            guard let v = constantValue(a) else { return nil }
            let t = module.nodes[a].type
            let modulus = BigIntValue(1) << t.width
            let pattern = v < 0 ? v + modulus : v
            return node.type.isSigned && pattern >= (modulus >> 1) ? pattern - modulus : pattern
        default: return nil
        }
    }

    /// The node as an operand: a name or a sized literal.
    func ref(_ id: NodeID) -> String {
        if let v = constantValue(id) { return literal(v, width: module.nodes[id].type.width) }
        if case let .reinterpret(a) = module.nodes[id].op { return ref(a) }
        return names.name[id] ?? "/*unnamed \(id)*/"
    }

    /// Bits `high:low` of a node (bit-select for one bit, whole name when all bits of a 1-bit net).
    func bits(_ id: NodeID, _ high: Int, _ low: Int) -> String {
        let width = module.nodes[id].type.width
        if let v = constantValue(id) {
            let pattern = v < 0 ? v + (BigIntValue(1) << width) : v
            return literal((pattern >> low) & ((BigIntValue(1) << (high - low + 1)) - 1), width: high - low + 1)
        }
        if width == 1 { return ref(id) }
        return high == low ? "\(ref(id))[\(low)]" : "\(ref(id))[\(high):\(low)]"
    }

    /// The node's value extended (by its signedness) to `width` bits.
    func extended(_ id: NodeID, to width: Int) -> String {
        let type = module.nodes[id].type
        if let v = constantValue(id) { return literal(v, width: width) }
        if width == type.width { return ref(id) }
        let pad = width - type.width
        guard type.isSigned else { return "{\(pad)'b0, \(ref(id))}" }
        let fill = bits(id, type.width - 1, type.width - 1)
        return pad == 1 ? "{\(fill), \(ref(id))}" : "{{\(pad){\(fill)}}, \(ref(id))}"
    }

    func expression(_ id: NodeID) -> String {
        let node = module.nodes[id]
        let w = node.type.width
        switch node.op {
        case .constant, .reinterpret: return ref(id)
        case .input, .wire, .register, .memoryRead, .instanceOutput, .poison: return ref(id)
        case let .add(a, b): return "\(extended(a, to: w)) + \(extended(b, to: w))"
        case let .sub(a, b): return "\(extended(a, to: w)) - \(extended(b, to: w))"
        case let .mul(a, b): return "\(extended(a, to: w)) * \(extended(b, to: w))"
        case let .neg(a): return "-\(extended(a, to: w))"
        case let .and(a, b): return "\(ref(a)) & \(ref(b))"
        case let .or(a, b): return "\(ref(a)) | \(ref(b))"
        case let .xor(a, b): return "\(ref(a)) ^ \(ref(b))"
        case let .not(a): return "~\(ref(a))"
        case let .shiftLeft(a, k):
            return k == 0 ? ref(a) : "{\(ref(a)), \(k)'b0}"
        case let .shiftRight(a, k):
            if k == 0 { return ref(a) }
            let signed = node.type.isSigned
            if k >= w { return signed ? "{\(w){\(bits(a, w - 1, w - 1))}}" : literal(0, width: w) }
            let kept = bits(a, w - 1, k)
            guard signed else { return "{\(k)'b0, \(kept)}" }
            let fill = bits(a, w - 1, w - 1)
            return k == 1 ? "{\(fill), \(kept)}" : "{{\(k){\(fill)}}, \(kept)}"
        case let .dynamicShiftLeft(a, s): return "\(extended(a, to: w)) << \(ref(s))"
        case let .dynamicShiftRight(a, s):
            return node.type.isSigned ? "$signed(\(ref(a))) >>> \(ref(s))" : "\(ref(a)) >> \(ref(s))"
        case let .compare(kind, a, b):
            let cw = max(module.nodes[a].type.width, module.nodes[b].type.width)
            let (x, y) = (extended(a, to: cw), extended(b, to: cw))
            if module.nodes[a].type.isSigned, kind != .eq, kind != .ne {
                return "$signed(\(x)) \(kind.verilogOperator) $signed(\(y))"
            }
            return "\(x) \(kind.verilogOperator) \(y)"
        case let .concat(parts): return "{" + parts.map { ref($0) }.joined(separator: ", ") + "}"
        case let .slice(a, high, low): return bits(a, high, low)
        case let .extend(a): return extended(a, to: w)
        case let .truncate(a): return bits(a, w - 1, 0)
        case let .mux(s, t, f): return "\(ref(s)) ? \(ref(t)) : \(ref(f))"
        case let .reduce(kind, a): return "\(kind.verilogOperator)\(ref(a))"
        }
    }

    /// Which bits of operand `operand` the node reads (for unused-bit lint waivers).
    func bitsRead(by id: NodeID, of operand: NodeID) -> ClosedRange<Int>? {
        let node = module.nodes[id]
        let ow = module.nodes[operand].type.width
        switch node.op {
        case let .slice(_, high, low): return low...high
        case .truncate: return 0...(node.type.width - 1)
        case let .shiftRight(_, k):
            if k >= ow { return node.type.isSigned ? (ow - 1)...(ow - 1) : nil }
            return k...(ow - 1)
        default: return 0...(ow - 1)
        }
    }
}

extension Comparison {
    var verilogOperator: String {
        switch self {
        case .eq: "=="
        case .ne: "!="
        case .lt: "<"
        case .le: "<="
        case .gt: ">"
        case .ge: ">="
        }
    }
}

extension Reduction {
    var verilogOperator: String {
        switch self {
        case .and: "&"
        case .or: "|"
        case .xor: "^"
        }
    }
}
