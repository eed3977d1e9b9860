import ShiftwrightHDL

/// Writes the right-hand side of each node. Every operand is extended explicitly to the result
/// width before the operator, so Verilog's context-dependent widths and signedness can never change
/// a result: the emitted text means exactly what the interpreter computes.
struct VerilogExpressions {
    let module: Module
    let names: RTLNames

    func literal(_ value: BigInt, width: Int) -> String {
        let modulus = BigInt(1) << width
        var pattern = value % modulus
        if pattern < 0 { pattern += modulus }
        return "\(width)'h\(String(pattern, radix: 16))"
    }

    func constantValue(_ id: NodeID) -> BigInt? {
        let node = module.nodes[id]
        switch node.op {
        case let .constant(v): return v
        case let .reinterpret(a):
            guard let v = constantValue(a) else { return nil }
            let t = module.nodes[a].type
            let modulus = BigInt(1) << t.width
            let pattern = v < 0 ? v + modulus : v
            return node.type.isSigned && pattern >= (modulus >> 1) ? pattern - modulus : pattern
        default: return nil
        }
    }

    /// The node as an operand: a name or a sized literal.
    func ref(_ id: NodeID) -> String {
        if let symbol = module.symbolicConstants[id] { return symbol }
        if let v = constantValue(id) { return literal(v, width: module.nodes[id].type.width) }
        if case let .reinterpret(a) = module.nodes[id].op { return ref(a) }
        return names.name[id] ?? "/*unnamed \(id)*/"
    }

    /// Bits `high:low` of a node (bit-select for one bit, whole name when all bits of a 1-bit net).
    func bits(_ id: NodeID, _ high: Int, _ low: Int) -> String {
        let width = module.nodes[id].type.width
        if let v = constantValue(id) {
            let pattern = v < 0 ? v + (BigInt(1) << width) : v
            return literal((pattern >> low) & ((BigInt(1) << (high - low + 1)) - 1), width: high - low + 1)
        }
        if width == 1 { return ref(id) }
        return high == low ? "\(ref(id))[\(low)]" : "\(ref(id))[\(high):\(low)]"
    }

    /// The node's value extended (by its signedness) to `width` bits.
    func extended(_ id: NodeID, to width: Int) -> String {
        let type = module.nodes[id].type
        if width == type.width { return ref(id) }
        if let v = constantValue(id) { return literal(v, width: width) }
        let pad = width - type.width
        guard type.isSigned else { return "{\(pad)'b0, \(ref(id))}" }
        let fill = bits(id, type.width - 1, type.width - 1)
        return pad == 1 ? "{\(fill), \(ref(id))}" : "{{\(pad){\(fill)}}, \(ref(id))}"
    }

    /// The right-hand side of a node, from its `OperatorTable` spelling (the neutral symbols are
    /// Verilog's, except that a right shift of a signed value is written `>>>` on `$signed`).
    func expression(_ id: NodeID) -> String {
        let node = module.nodes[id]
        let w = node.type.width
        guard let rule = node.op.rule else { return ref(id) }
        let o = node.op.operands
        switch rule.spelling {
        case let .infixWidened(symbol): return "\(extended(o[0], to: w)) \(symbol) \(extended(o[1], to: w))"
        case let .prefixWidened(symbol): return "\(symbol)\(extended(o[0], to: w))"
        case let .infix(symbol): return "\(ref(o[0])) \(symbol) \(ref(o[1]))"
        case let .prefix(symbol): return "\(symbol)\(ref(o[0]))"
        case let .shiftBySignal(symbol):
            if symbol == ">>" && node.type.isSigned { return "$signed(\(extended(o[0], to: w))) >>> \(ref(o[1]))" }
            return "\(extended(o[0], to: w)) \(symbol) \(ref(o[1]))"
        case let .comparison(symbol, ordered):
            let cw = max(module.nodes[o[0]].type.width, module.nodes[o[1]].type.width)
            let (x, y) = (extended(o[0], to: cw), extended(o[1], to: cw))
            if ordered, module.nodes[o[0]].type.isSigned { return "$signed(\(x)) \(symbol) $signed(\(y))" }
            return "\(x) \(symbol) \(y)"
        case .shiftByConstant(left: true):
            guard case let .shiftLeft(a, k) = node.op else { return ref(id) }
            return k == 0 ? ref(a) : "{\(ref(a)), \(k)'b0}"
        case .shiftByConstant(left: false):
            guard case let .shiftRight(a, k) = node.op else { return ref(id) }
            if k == 0 { return ref(a) }
            let signed = node.type.isSigned
            if k >= w { return signed ? "{\(w){\(bits(a, w - 1, w - 1))}}" : literal(0, width: w) }
            let kept = bits(a, w - 1, k)
            guard signed else { return "{\(k)'b0, \(kept)}" }
            let fill = bits(a, w - 1, w - 1)
            return k == 1 ? "{\(fill), \(kept)}" : "{{\(k){\(fill)}}, \(kept)}"
        case .concatenation: return "{" + o.map { ref($0) }.joined(separator: ", ") + "}"
        case .slice:
            guard case let .slice(a, high, low) = node.op else { return ref(id) }
            return bits(a, high, low)
        case .widening: return extended(o[0], to: w)
        case .truncation: return bits(o[0], w - 1, 0)
        case .reinterpretation: return ref(id)
        case .selection: return "\(ref(o[0])) ? \(ref(o[1])) : \(ref(o[2]))"
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
