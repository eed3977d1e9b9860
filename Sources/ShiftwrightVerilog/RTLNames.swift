import ShiftwrightHDL

/// Decides the Verilog name of every node that is emitted: user names verbatim, and temporaries
/// named after the signal they feed (`acc_next_sum`, `acc_next_sum_2`), so a change to one
/// expression never renumbers the names of another.
struct RTLNames {
    /// Node → Verilog identifier, for every node that has a declaration or is a port.
    private(set) var name: [NodeID: String] = [:]
    /// Node → source location shown beside its declaration.
    private(set) var origin: [NodeID: SourceLocation] = [:]
    /// Anonymous nodes whose expression is written directly into a named wire's declaration.
    private(set) var absorbedInto: [NodeID: NodeID] = [:]
    /// Every node that is emitted, in node order.
    private(set) var live: [NodeID] = []
    private var used: Set<String> = []

    init(_ module: Module) {
        let uses = RTLNames.useCounts(module)
        for port in module.ports { claim(port.name, for: port.node, at: port.location) }
        for (id, node) in module.nodes.enumerated() {
            if let n = node.name, name[id] == nil { claim(n, for: id, at: node.location) }
        }
        for e in module.enumerations { used.formUnion(e.members.map(\.name)) }
        for memory in module.memories { used.insert(memory.name) }
        for placement in module.instances { used.insert(placement.name) }
        for placement in module.instances {
            for (port, node) in placement.outputs.sorted(by: { $0.key < $1.key }) {
                claim(unique("\(placement.name)_\(port)"), for: node, at: placement.location)
            }
        }
        for memory in module.memories {
            for (i, port) in memory.readPorts.enumerated() {
                claim(unique(memory.readPorts.count == 1 ? "\(memory.name)_rdata" : "\(memory.name)_rdata\(i)"), for: port.node, at: memory.location)
            }
        }

        // Roots, in a fixed order: named wires/outputs, then register inputs, memory ports, instances.
        var roots: [(node: NodeID, base: String, owner: NodeID?, location: SourceLocation?)] = []
        for (id, node) in module.nodes.enumerated() where node.op == .wire {
            if let driver = module.drivers[id] { roots.append((driver, node.name ?? "w", id, node.location)) }
        }
        for r in module.registers {
            let base = module.nodes[r.node].name ?? "r"
            roots.append((r.next, "\(base)_next", nil, r.location))
            if let e = r.enable { roots.append((e, "\(base)_en", nil, r.location)) }
            if let c = r.clear { roots.append((c, "\(base)_clr", nil, r.location)) }
        }
        for m in module.memories {
            for w in m.writePorts {
                roots.append((w.address, "\(m.name)_waddr", nil, m.location))
                roots.append((w.data, "\(m.name)_wdata", nil, m.location))
                roots.append((w.enable, "\(m.name)_we", nil, m.location))
            }
            for r in m.readPorts {
                roots.append((r.address, "\(m.name)_raddr", nil, m.location))
                if let e = r.enable { roots.append((e, "\(m.name)_re", nil, m.location)) }
            }
        }
        for p in module.instances {
            for (port, node) in p.inputs.sorted(by: { $0.key < $1.key }) { roots.append((node, "\(p.name)_\(port)", nil, p.location)) }
        }

        var liveSet = Set<NodeID>()
        for (id, node) in module.nodes.enumerated() where node.name != nil || RTLNames.isLeaf(node.op) {
            if case .constant = node.op { continue }
            liveSet.insert(id)
        }
        for root in roots {
            if let owner = root.owner, module.nodes[root.node].name == nil, !RTLNames.isLeaf(module.nodes[root.node].op),
               uses[root.node, default: 0] == 1, name[root.node] == nil {
                absorbedInto[root.node] = owner
                name[root.node] = name[owner]
                origin[root.node] = root.location
            }
            nameSubtree(root.node, base: root.base, location: root.location, module: module, live: &liveSet)
        }
        live = RTLNames.topologicalOrder(liveSet, module)
    }

    /// Live nodes ordered so every name is declared before it is read (wires after their drivers).
    static func topologicalOrder(_ liveSet: Set<NodeID>, _ module: Module) -> [NodeID] {
        var order: [NodeID] = [], done = Set<NodeID>()
        func deps(_ id: NodeID) -> [NodeID] {
            let op = module.nodes[id].op
            if case .wire = op { return module.drivers[id].map { [$0] } ?? [] }
            return isLeaf(op) ? [] : op.operands
        }
        for start in liveSet.sorted() where !done.contains(start) {
            var stack: [(NodeID, Int)] = [(start, 0)]
            while let (id, next) = stack.last {
                let d = deps(id)
                if next < d.count {
                    stack[stack.count - 1].1 += 1
                    if !done.contains(d[next]) && liveSet.contains(d[next]) { stack.append((d[next], 0)) }
                } else {
                    stack.removeLast()
                    if done.insert(id).inserted { order.append(id) }
                }
            }
        }
        return order
    }

    static func isLeaf(_ op: Op) -> Bool {
        switch op {
        case .input, .constant, .wire, .register, .memoryRead, .instanceOutput: true
        default: false
        }
    }

    /// Whether the node is written inline (constants) or as a reference to another name.
    static func isInline(_ op: Op) -> Bool {
        switch op {
        case .constant, .reinterpret: true
        default: false
        }
    }

    private mutating func nameSubtree(_ start: NodeID, base: String, location: SourceLocation?, module: Module, live: inout Set<NodeID>) {
        var stack = [start]
        while let id = stack.popLast() {
            let node = module.nodes[id]
            if RTLNames.isLeaf(node.op) { continue }
            guard live.insert(id).inserted else { continue }
            if !RTLNames.isInline(node.op), name[id] == nil {
                claim(unique("\(String(base.prefix(40)))_\(node.op.mnemonic)"), for: id, at: node.location ?? location)
            }
            stack.append(contentsOf: node.op.operands.reversed())
        }
    }

    private mutating func claim(_ n: String, for id: NodeID, at location: SourceLocation?) {
        name[id] = n
        used.insert(n)
        if let location { origin[id] = location }
    }

    private func unique(_ base: String) -> String {
        if !used.contains(base) && HDLNames.problem(with: base) == nil { return base }
        var k = 2
        while used.contains("\(base)_\(k)") { k += 1 }
        return "\(base)_\(k)"
    }

    static func useCounts(_ module: Module) -> [NodeID: Int] {
        var uses: [NodeID: Int] = [:]
        for node in module.nodes { for o in node.op.operands { uses[o, default: 0] += 1 } }
        for d in module.drivers.values { uses[d, default: 0] += 1 }
        for r in module.registers { uses[r.next, default: 0] += 1; for e in [r.enable, r.clear].compactMap({ $0 }) { uses[e, default: 0] += 1 } }
        for m in module.memories {
            for w in m.writePorts { for n in [w.address, w.data, w.enable] { uses[n, default: 0] += 1 } }
            for r in m.readPorts { uses[r.address, default: 0] += 1; if let e = r.enable { uses[e, default: 0] += 1 } }
        }
        for p in module.instances { for n in p.inputs.values { uses[n, default: 0] += 1 } }
        return uses
    }
}
