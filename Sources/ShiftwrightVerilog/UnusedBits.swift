import ShiftwrightHDL

/// Finds emitted signals with bits nothing reads, so the backend can waive Verilator's
/// UNUSEDSIGNAL warning for exactly those declarations, with a comment saying which bits.
struct UnusedBits {
    private var read: [NodeID: [Bool]] = [:]
    private let module: Module
    private let names: RTLNames

    init(module: Module, names: RTLNames, exprs: VerilogExpressions) {
        self.module = module
        self.names = names
        func mark(_ id: NodeID, _ bits: ClosedRange<Int>?) {
            var target = id
            while case let .reinterpret(a) = module.nodes[target].op { target = a }
            let width = module.nodes[target].type.width
            var flags = read[target] ?? [Bool](repeating: false, count: width)
            if let bits { for b in bits where b < width { flags[b] = true } }
            read[target] = flags
        }
        func markAll(_ id: NodeID) { mark(id, 0...(module.nodes[id].type.width - 1)) }
        for id in names.live {
            let node = module.nodes[id]
            if case .wire = node.op {
                if let d = module.drivers[id] { markAll(d) }
                continue
            }
            if names.absorbedInto[id] == nil && RTLNames.isLeaf(node.op) { continue }
            for operand in node.op.operands { mark(operand, exprs.bitsRead(by: id, of: operand)) }
        }
        for r in module.registers { markAll(r.next); for e in [r.enable, r.clear].compactMap({ $0 }) { markAll(e) } }
        for m in module.memories {
            for w in m.writePorts { markAll(w.address); markAll(w.data); markAll(w.enable) }
            for r in m.readPorts { markAll(r.address); if let e = r.enable { markAll(e) } }
        }
        for p in module.instances { for n in p.inputs.values { markAll(n) } }
        for o in module.outputs { markAll(o.node) }
        for p in module.ports where p.isImplicit { markAll(p.node) }
    }

    /// Why the declaration of `id` needs a waiver, or nil when every bit is read.
    func reason(_ id: NodeID) -> String? {
        let width = module.nodes[id].type.width
        let flags = read[id] ?? [Bool](repeating: false, count: width)
        if flags.allSatisfy({ $0 }) { return nil }
        let name = names.name[id] ?? "?"
        if flags.allSatisfy({ !$0 }) {
            return module.allowedUnused.contains(id) ? "\(name) is declared unused on purpose" : "\(name) is not read"
        }
        var ranges: [String] = []
        var b = width - 1
        while b >= 0 {
            if flags[b] { b -= 1; continue }
            var low = b
            while low > 0 && !flags[low - 1] { low -= 1 }
            ranges.append(low == b ? "[\(b)]" : "[\(b):\(low)]")
            b = low - 1
        }
        return "bits \(ranges.joined(separator: ", ")) of \(name) are not read"
    }
}
