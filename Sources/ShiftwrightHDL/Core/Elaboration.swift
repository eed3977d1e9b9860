import BigInt

extension Module {
    /// Runs a generator body against a fresh `ModuleBuilder`, then elaborates: lowers conditional
    /// assignments, adds the implicit `clk`/`rst` when anything is clocked, and checks the design
    /// (undriven or partially driven wires, unassigned registers, unused inputs, combinational
    /// loops, names). Throws `ElaborationError` listing every problem with its source line.
    public static func build(_ name: String, generator: String? = nil, parameters: [(String, String)] = [],
                             file: StaticString = #fileID, line: UInt = #line,
                             _ body: (ModuleBuilder) throws -> Void) throws -> Module {
        let location = SourceLocation(file: file, line: line)
        let builder = ModuleBuilder(name: name, location: location)
        if let problem = HDLNames.problem(with: name) {
            builder.error("module " + problem, at: location)
        }
        try body(builder)
        return try Elaborator(builder).run(generator: generator ?? "\(file)", parameters: parameters.map { (key: $0.0, value: $0.1) })
    }
}

/// Turns a builder's recorded program into a checked `Module`.
struct Elaborator {
    let b: ModuleBuilder
    init(_ builder: ModuleBuilder) { b = builder }

    /// How completely a target is driven along all paths of the conditional program.
    enum Drive: Equatable { case none, partial, full(NodeID) }

    func run(generator: String, parameters: [(key: String, value: String)]) throws -> Module {
        var ports: [Module.Port] = []
        let clocked = !b.registers.isEmpty || !b.memories.isEmpty || b.instances.contains { $0.module.hasClock }
        let reset = b.registers.contains { $0.reset != nil } || b.instances.contains { $0.module.hasReset }
        if clocked { ports.append(implicitInput("clk")) }
        if reset { ports.append(implicitInput("rst")) }
        for p in b.ports {
            ports.append(.init(name: p.name, direction: p.direction, type: b.nodes[p.node].type, node: p.node, location: p.location))
        }

        let (drivers, nexts) = lowerAssignments()
        for m in b.memories where m.writePorts.isEmpty {
            b.error("memory '\(m.name)' is never written (it would read as undefined); add a write port", at: m.location)
        }
        checkUnusedInputs(drivers: drivers, nexts: nexts)
        try throwIfErrors()

        let registers = b.registers.enumerated().map { index, r in
            Module.Register(node: r.node, reset: r.reset, enable: r.enable, clear: r.clear, next: nexts[index] ?? r.node, location: r.location)
        }
        let memories = b.memories.map { m in
            Module.MemoryBlock(name: m.name, depth: m.depth, type: m.type,
                               writePorts: m.writePorts.map { .init(address: $0.address, data: $0.data, enable: $0.enable) },
                               readPorts: m.readPorts.map { .init(address: $0.address, enable: $0.enable, node: $0.node) },
                               location: m.location)
        }
        let placements = b.instances.map {
            Module.Placement(name: $0.name, module: $0.module, inputs: $0.inputs, outputs: $0.outputs, location: $0.location)
        }
        let graph = CombinationalGraph(nodes: b.nodes, drivers: drivers, instances: placements)
        if let cycle = graph.findCycle() {
            let names = cycle.map { graph.describe($0) }
            let loc = cycle.lazy.compactMap { b.nodes[$0].location }.first ?? b.location
            b.error("combinational loop: \(names.joined(separator: " -> ")) -> \(names[0])", at: loc)
            try throwIfErrors()
        }
        checkSubmoduleNames(placements)
        try throwIfErrors()
        var combinationalInputs: [String: Set<String>] = [:]
        for port in ports where port.direction == .output {
            combinationalInputs[port.name] = graph.inputDependencies(of: port.node)
        }
        return Module(name: b.moduleName, parameters: parameters, generator: generator, ports: ports, nodes: b.nodes,
                      drivers: drivers, registers: registers, memories: memories, instances: placements,
                      allowedUnused: b.allowedUnused, combinationalInputs: combinationalInputs, location: b.location,
                      enumerations: b.enumerations, symbolicConstants: b.symbolicConstants, keepHierarchy: b.keepsHierarchy,
                      fingerprint: fingerprint(ports: ports, drivers: drivers, registers: registers, placements: placements))
    }

    private func fingerprint(ports: [Module.Port], drivers: [NodeID: NodeID], registers: [Module.Register],
                             placements: [Module.Placement]) -> Int {
        var h = Hasher()
        h.combine(b.moduleName)
        h.combine(b.keepsHierarchy)
        h.combine(ports)
        h.combine(b.nodes)
        for key in drivers.keys.sorted() { h.combine(key); h.combine(drivers[key]) }
        for r in registers { h.combine(r.node); h.combine(r.next); h.combine(r.reset); h.combine(r.enable); h.combine(r.clear) }
        for m in b.memories { h.combine(m.name); h.combine(m.depth); h.combine(m.type); h.combine(m.writePorts.count); h.combine(m.readPorts.count) }
        for p in placements { h.combine(p.name); h.combine(p.module.fingerprint) }
        h.combine(b.enumerations)
        for key in b.symbolicConstants.keys.sorted() { h.combine(key); h.combine(b.symbolicConstants[key]) }
        return h.finalize()
    }

    /// Two different modules may not share a name in one design (the file holds each name once).
    private func checkSubmoduleNames(_ placements: [Module.Placement]) {
        var seen: [String: Int] = [:]
        for p in placements {
            for sub in p.module.hierarchy {
                if sub.name == b.moduleName {
                    b.error("submodule '\(sub.name)' has the same name as the module that instantiates it", at: p.location)
                } else if let f = seen[sub.name], f != sub.fingerprint {
                    b.error("two different modules are named '\(sub.name)' in one design; give each generator configuration its own name", at: p.location)
                }
                seen[sub.name] = sub.fingerprint
            }
        }
    }

    private func implicitInput(_ name: String) -> Module.Port {
        let signal = b.add(.input(port: name), .bit, name: name)
        return .init(name: name, direction: .input, type: .bit, node: signal.id, location: nil)
    }

    private func throwIfErrors() throws {
        guard !b.diagnostics.isEmpty else { return }
        let located = b.diagnostics.map { d -> Diagnostic in
            d.location != nil ? d : Diagnostic(location: b.location, message: d.message + " (in an expression that is never used)")
        }
        throw ElaborationError(module: b.moduleName, diagnostics: located)
    }

    // MARK: lowering `when` to multiplexers

    /// Lowers the conditional program: wire/output drivers and register next-values.
    private func lowerAssignments() -> (drivers: [NodeID: NodeID], nexts: [Int: NodeID]) {
        var targetsOf: [ObjectIdentifier: Set<NodeID>] = [:]
        collectTargets(b.root, into: &targetsOf)
        let final = lower(b.root, incoming: [:], targetsOf: targetsOf)

        var drivers: [NodeID: NodeID] = [:], nexts: [Int: NodeID] = [:]
        for (id, node) in b.nodes.enumerated() where !b.failedTargets.contains(id) {
            let what = b.ports.contains { $0.node == id } ? "output" : "wire"
            switch node.op {
            case .wire:
                switch final[id] ?? .none {
                case let .full(driver): drivers[id] = driver
                case .none: b.error("\(what) '\(node.name ?? "?")' is never driven", at: node.location ?? b.location)
                case .partial:
                    b.error("\(what) '\(node.name ?? "?")' is not assigned on every path (that would be a latch); assign a default before the 'when'", at: node.location ?? b.location)
                }
            case let .register(index):
                if case let .full(next)? = final[id], next != id {
                    nexts[index] = next
                } else {
                    b.error("register '\(node.name ?? "?")' is never assigned (it would hold its reset value forever)", at: node.location ?? b.location)
                }
            default: break
            }
        }
        return (drivers, nexts)
    }

    private func collectTargets(_ block: Block, into map: inout [ObjectIdentifier: Set<NodeID>]) {
        var set = Set<NodeID>()
        for statement in block.statements {
            switch statement {
            case let .assign(target, _, _): set.insert(target)
            case let .when(w):
                collectTargets(w.thenBlock, into: &map)
                set.formUnion(map[ObjectIdentifier(w.thenBlock)] ?? [])
                if let e = w.elseBlock {
                    collectTargets(e, into: &map)
                    set.formUnion(map[ObjectIdentifier(e)] ?? [])
                }
            }
        }
        map[ObjectIdentifier(block)] = set
    }

    private func initial(_ target: NodeID) -> Drive {
        if case .register = b.nodes[target].op { return .full(target) }
        return .none
    }

    private func lower(_ block: Block, incoming: [NodeID: Drive], targetsOf: [ObjectIdentifier: Set<NodeID>]) -> [NodeID: Drive] {
        var state = incoming
        for statement in block.statements {
            switch statement {
            case let .assign(target, value, _):
                state[target] = .full(value)
            case let .when(w):
                var touched = targetsOf[ObjectIdentifier(w.thenBlock)] ?? []
                if let e = w.elseBlock { touched.formUnion(targetsOf[ObjectIdentifier(e)] ?? []) }
                var before: [NodeID: Drive] = [:]
                for t in touched { before[t] = state[t] ?? initial(t) }
                let thenState = lower(w.thenBlock, incoming: before, targetsOf: targetsOf)
                let elseState = w.elseBlock.map { lower($0, incoming: before, targetsOf: targetsOf) } ?? before
                for t in touched.sorted() {
                    state[t] = merge(w, target: t, thenState[t] ?? .none, elseState[t] ?? .none)
                }
            }
        }
        return state
    }

    private func merge(_ w: WhenStatement, target: NodeID, _ t: Drive, _ e: Drive) -> Drive {
        switch (t, e) {
        case let (.full(x), .full(y)):
            if x == y { return .full(x) }
            let type = b.nodes[target].type
            return .full(b.add(.mux(select: w.condition, whenTrue: x, whenFalse: y), type, location: w.location).id)
        case (.none, .none): return .none
        default: return .partial
        }
    }

    // MARK: unused inputs

    private func checkUnusedInputs(drivers: [NodeID: NodeID], nexts: [Int: NodeID]) {
        // After another error, inputs feeding the failed expression would look unused: skip.
        guard b.diagnostics.isEmpty else { return }
        var used = Set<NodeID>()
        for node in b.nodes { used.formUnion(node.op.operands) }
        used.formUnion(drivers.values)
        used.formUnion(nexts.values)
        for r in b.registers { for e in [r.enable, r.clear].compactMap({ $0 }) { used.insert(e) } }
        for m in b.memories {
            for w in m.writePorts { used.formUnion([w.address, w.data, w.enable]) }
            for r in m.readPorts { used.insert(r.address); if let e = r.enable { used.insert(e) } }
        }
        for i in b.instances { used.formUnion(i.inputs.values) }
        for p in b.ports where p.direction == .input && !used.contains(p.node) && !b.allowedUnused.contains(p.node) {
            b.error("input '\(p.name)' is never used; use it, or declare it with allowUnused: true to keep it in the interface", at: p.location)
        }
    }
}
