import BigInt

/// An instance of another (already elaborated) module inside the module being built. Its outputs
/// are read with `output(_:)`; the implicit clock and reset are connected automatically.
public struct Instance {
    let index: Int
    let builder: ModuleBuilder
    public let module: Module
    public let name: String

    /// The signal of output port `port`; an elaboration error if there is no such output.
    public func output(_ port: String, file: StaticString = #fileID, line: UInt = #line) -> Signal {
        output(port, at: SourceLocation(file: file, line: line))
    }

    func output(_ port: String, at loc: SourceLocation) -> Signal {
        guard let decl = module.ports.first(where: { $0.name == port && $0.direction == .output }) else {
            let outputs = module.ports.filter { $0.direction == .output }.map(\.name).joined(separator: ", ")
            return builder.poison(.bit, "module '\(module.name)' has no output '\(port)' (outputs: \(outputs))", at: loc)
        }
        if let existing = builder.instances[index].outputs[port] { return Signal(id: existing, type: decl.type, builder: builder) }
        let signal = builder.add(.instanceOutput(instance: index, port: port), decl.type, location: loc)
        builder.instances[index].outputs[port] = signal.id
        return signal
    }

    public subscript(port: String) -> Signal { output(port) }
}

struct InstanceDeclaration {
    let name: String
    let module: Module
    var inputs: [String: NodeID]
    var outputs: [String: NodeID] = [:]
    let location: SourceLocation
}

extension ModuleBuilder {
    /// Instantiates `module` as `name`, connecting its inputs by port name. Every input (other than
    /// the implicit clk/rst) must be connected exactly once, with exactly the port's type.
    public func instance(_ module: Module, name: String, inputs: [String: Signal],
                         file: StaticString = #fileID, line: UInt = #line) -> Instance {
        instance(module, name: name, inputs: inputs, at: SourceLocation(file: file, line: line))
    }

    func instance(_ module: Module, name: String, inputs: [String: Signal], at loc: SourceLocation) -> Instance {
        _ = declareName(name, at: loc)
        var connected: [String: NodeID] = [:]
        let declared = module.ports.filter { $0.direction == .input && !$0.isImplicit }
        for (port, signal) in inputs.sorted(by: { $0.key < $1.key }) {
            consume(signal, at: loc)
            guard owns(signal, at: loc) else { continue }
            guard let decl = declared.first(where: { $0.name == port }) else {
                error("module '\(module.name)' has no input '\(port)' (inputs: \(declared.map(\.name).joined(separator: ", ")))", at: loc)
                continue
            }
            guard decl.type == signal.type else {
                error("instance '\(name)': input '\(port)' is \(decl.type) but is connected to \(signal.type)", at: loc)
                continue
            }
            connected[port] = signal.id
        }
        for decl in declared where inputs[decl.name] == nil {
            error("instance '\(name)' of '\(module.name)': input '\(decl.name)' is not connected", at: loc)
        }
        instances.append(InstanceDeclaration(name: name, module: module, inputs: connected, location: loc))
        return Instance(index: instances.count - 1, builder: self, module: module, name: name)
    }
}
