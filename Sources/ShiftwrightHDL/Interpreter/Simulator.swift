import BigInt

/// A cycle-level interpreter of an elaborated design (hierarchy flattened), independent of any
/// backend: unit tests run without Verilator, and it is the second opinion that checks the
/// Verilog backend against Verilator on the same design.
public final class Simulator {
    /// One evaluable slot of the flattened design.
    enum Slot {
        case input
        case constant(BigInt)
        case copy(Int)
        case register(Int)
        case memoryRead(memory: Int, port: Int)
        /// An operation, its operand slots and types, and its table rule (looked up once).
        case operation(Op, [Int], [HWType], OperatorRule)
    }

    struct FlatRegister { let slot: Int; let reset: BigInt?; let enable: Int?; let clear: Int?; var next: Int; let resetSlot: Int? }
    struct FlatMemory {
        let depth: Int
        var data: [BigInt]
        let writes: [(address: Int, data: Int, enable: Int)]
        var reads: [(address: Int, enable: Int?, value: BigInt)]
    }

    public let module: Module
    var slots: [Slot] = []
    var types: [HWType] = []
    var values: [BigInt] = []
    var order: [Int] = []
    var registers: [FlatRegister] = []
    var registerValues: [BigInt] = []
    var memories: [FlatMemory] = []
    var topInputs: [String: Int] = [:]
    var topOutputs: [String: Int] = [:]

    public init(_ module: Module) {
        self.module = module
        var inputs: [String: Int] = [:]
        for port in module.inputs {
            inputs[port.name] = newSlot(.input, port.type)
        }
        topInputs = inputs
        topOutputs = flatten(module, inputs: inputs)
        values = types.map { _ in BigInt(0) }
        registerValues = registers.map { _ in BigInt(0) }
        order = topologicalOrder()
        evaluate()
    }

    private func newSlot(_ slot: Slot, _ type: HWType) -> Int {
        slots.append(slot)
        types.append(type)
        return slots.count - 1
    }

    /// Flattens one module instance; returns its output port → slot.
    private func flatten(_ m: Module, inputs: [String: Int]) -> [String: Int] {
        var map = [Int](repeating: -1, count: m.nodes.count)
        for (id, node) in m.nodes.enumerated() {
            switch node.op {
            case let .input(port): map[id] = inputs[port] ?? newSlot(.constant(0), node.type)
            case let .constant(v): map[id] = newSlot(.constant(v), node.type)
            default: map[id] = newSlot(.copy(-1), node.type)  // filled below
            }
        }
        var regIndex: [Int: Int] = [:]
        for (i, r) in m.registers.enumerated() {
            registers.append(FlatRegister(slot: map[r.node], reset: r.reset, enable: r.enable.map { map[$0] }, clear: r.clear.map { map[$0] }, next: map[r.next],
                                          resetSlot: inputs["rst"]))
            regIndex[i] = registers.count - 1
        }
        var memIndex: [Int: Int] = [:]
        for (i, mem) in m.memories.enumerated() {
            memories.append(FlatMemory(depth: mem.depth, data: Array(repeating: 0, count: mem.depth),
                                       writes: mem.writePorts.map { (map[$0.address], map[$0.data], map[$0.enable]) },
                                       reads: mem.readPorts.map { (map[$0.address], $0.enable.map { map[$0] }, BigInt(0)) }))
            memIndex[i] = memories.count - 1
        }
        var instanceOutputs: [Int: [String: Int]] = [:]
        for (i, placement) in m.instances.enumerated() {
            var bound: [String: Int] = [:]
            for (port, node) in placement.inputs { bound[port] = map[node] }
            for port in placement.module.inputs where port.isImplicit { bound[port.name] = inputs[port.name] }
            instanceOutputs[i] = flatten(placement.module, inputs: bound)
        }
        for (id, node) in m.nodes.enumerated() {
            let slot: Slot
            switch node.op {
            case .input, .constant: continue
            case .wire: slot = .copy(m.drivers[id].map { map[$0] } ?? -1)
            case let .register(index): slot = .register(regIndex[index]!)
            case let .memoryRead(memory, port): slot = .memoryRead(memory: memIndex[memory]!, port: port)
            case let .instanceOutput(instance, port): slot = .copy(instanceOutputs[instance]?[port] ?? -1)
            case .poison: slot = .constant(0)
            default:
                guard let rule = node.op.rule else { slot = .constant(0); break }
                slot = .operation(node.op.mapOperands { map[$0] }, node.op.operands.map { map[$0] }, node.op.operands.map { m.nodes[$0].type }, rule)
            }
            slots[map[id]] = slot
        }
        var outputs: [String: Int] = [:]
        for port in m.outputs { outputs[port.name] = map[port.node] }
        return outputs
    }

    private func topologicalOrder() -> [Int] {
        var order: [Int] = [], state = [UInt8](repeating: 0, count: slots.count)
        func deps(_ s: Int) -> [Int] {
            switch slots[s] {
            case let .copy(src): src >= 0 ? [src] : []
            case let .operation(_, operands, _, _): operands
            default: []
            }
        }
        for start in slots.indices where state[start] == 0 {
            var stack: [(Int, Int)] = [(start, 0)]
            state[start] = 1
            while let (s, next) = stack.last {
                let d = deps(s)
                if next < d.count {
                    stack[stack.count - 1].1 += 1
                    if state[d[next]] == 0 { state[d[next]] = 1; stack.append((d[next], 0)) }
                } else {
                    stack.removeLast()
                    state[s] = 2
                    order.append(s)
                }
            }
        }
        return order
    }

    /// Settles all combinational logic for the current inputs and state.
    public func evaluate() {
        for s in order {
            switch slots[s] {
            case .input: continue
            case let .constant(v): values[s] = v
            case let .copy(src): values[s] = src >= 0 ? values[src] : 0
            case let .register(r): values[s] = registerValues[r]
            case let .memoryRead(m, p): values[s] = memories[m].reads[p].value
            case let .operation(op, operands, operandTypes, rule):
                values[s] = rule.evaluate(op, types[s], operandTypes, operands.map { values[$0] })
            }
        }
    }

    /// One rising clock edge: registers and memories take their next values (reads return the
    /// data from before the edge's writes), then combinational logic settles again.
    public func tick() {
        evaluate()
        let inReset = { (r: FlatRegister) in r.reset != nil && (r.resetSlot.map { self.values[$0] != 0 } ?? false) }
        let nextRegisters = registers.enumerated().map { i, r -> BigInt in
            if inReset(r), let reset = r.reset { return reset }
            if let c = r.clear, values[c] != 0 { return 0 }
            if let e = r.enable, values[e] == 0 { return registerValues[i] }
            return values[r.next]
        }
        for m in memories.indices {
            for p in memories[m].reads.indices {
                let read = memories[m].reads[p]
                if let e = read.enable, values[e] == 0 { continue }
                let address = Int(values[read.address])
                memories[m].reads[p].value = address < memories[m].depth ? memories[m].data[address] : 0
            }
            for w in memories[m].writes where values[w.enable] != 0 {
                let address = Int(values[w.address])
                if address < memories[m].depth { memories[m].data[address] = values[w.data] }
            }
        }
        registerValues = nextRegisters
        evaluate()
    }

    /// Sets input port `name` (value in the port's signed or unsigned range; wrapped otherwise).
    public func set(_ name: String, _ value: BigInt) {
        guard let slot = topInputs[name] else { return }
        values[slot] = ValueSemantics.wrap(value, types[slot])
    }

    /// The current value of output (or input) port `name`.
    public func get(_ name: String) -> BigInt {
        if let slot = topOutputs[name] ?? topInputs[name] { return values[slot] }
        return 0
    }
}
