import BigInt

/// The combinational dependencies of an elaborated module: through operations and wire drivers,
/// and through instances (output ← inputs), but not through registers or memories.
struct CombinationalGraph {
    let nodes: [Node]
    let drivers: [NodeID: NodeID]
    let instances: [Module.Placement]

    func dependencies(of id: NodeID) -> [NodeID] {
        switch nodes[id].op {
        case .wire: return drivers[id].map { [$0] } ?? []
        case .register, .memoryRead: return []
        case let .instanceOutput(instance, port):
            let placement = instances[instance]
            let inputs = placement.module.combinationalInputs[port] ?? []
            return inputs.sorted().compactMap { placement.inputs[$0] }
        default: return nodes[id].op.operands
        }
    }

    /// A combinational cycle as a list of nodes, or nil. Iterative DFS (designs can be deep).
    func findCycle() -> [NodeID]? {
        var color = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
        for start in nodes.indices where color[start] == 0 {
            var stack: [(NodeID, [NodeID], Int)] = [(start, dependencies(of: start), 0)]
            color[start] = 1
            while !stack.isEmpty {
                let (node, deps, next) = stack[stack.count - 1]
                if next == deps.count {
                    color[node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].2 += 1
                let dep = deps[next]
                if color[dep] == 1 {
                    let path = stack.map(\.0)
                    let cycle = Array(path[(path.firstIndex(of: dep) ?? 0)...])
                    let named = cycle.filter { nodes[$0].name != nil }
                    return named.isEmpty ? cycle : named
                }
                if color[dep] == 0 {
                    color[dep] = 1
                    stack.append((dep, dependencies(of: dep), 0))
                }
            }
        }
        return nil
    }

    /// Input port names that `id` depends on combinationally.
    func inputDependencies(of id: NodeID) -> Set<String> {
        var result = Set<String>(), seen = Set<NodeID>(), stack = [id]
        while let n = stack.popLast() {
            guard seen.insert(n).inserted else { continue }
            if case let .input(port) = nodes[n].op { result.insert(port) }
            stack.append(contentsOf: dependencies(of: n))
        }
        return result
    }

    func describe(_ id: NodeID) -> String {
        let node = nodes[id]
        let name = node.name ?? "(\(node.op.mnemonic))"
        return node.location.map { "\(name) [\($0)]" } ?? name
    }
}
