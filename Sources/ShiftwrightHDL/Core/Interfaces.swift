import BigInt

/// An input member of a `PortSignature`: the port's Verilog name and type, written where the
/// signature declares it (that line is the port's source location in diagnostics and RTL).
public struct In: Sendable, Hashable {
    public let name: String
    public let type: HWType
    /// Keep the input even if the module never reads it (see `ModuleBuilder.input`).
    public let allowUnused: Bool
    public let location: SourceLocation

    public init(_ name: String, _ type: HWType, allowUnused: Bool = false, file: StaticString = #fileID, line: UInt = #line) {
        (self.name, self.type, self.allowUnused) = (name, type, allowUnused)
        location = SourceLocation(file: file, line: line)
    }
}

/// An output member of a `PortSignature`.
public struct Out: Sendable, Hashable {
    public let name: String
    public let type: HWType
    public let location: SourceLocation

    public init(_ name: String, _ type: HWType, file: StaticString = #fileID, line: UInt = #line) {
        (self.name, self.type) = (name, type)
        location = SourceLocation(file: file, line: line)
    }
}

/// A port bundle declared once, like hardcaml's interfaces or Amaranth's `wiring.Signature`: a
/// struct whose stored `In` and `Out` properties are the ports, in declaration order; a stored
/// property that is itself a `PortSignature` contributes its ports in its place (a shared
/// sub-bundle, reached as `io.control.start`; names stay as declared, unprefixed). The same
/// value declares a module's ports (`Module.build(_:ports:)`) and types every connection to an
/// instance of it (`ModuleBuilder.instance(_:name:_:)`), so no call site names a port by string:
///
/// ```swift
/// struct CounterPorts: PortSignature {
///     let enable = In("enable", .bit)
///     let count: Out
///     init(width: Int) { count = Out("count", .unsigned(width)) }
/// }
/// ```
public protocol PortSignature: Sendable {}

/// One port of a signature, as listed by `PortSignature.members`.
public struct PortMember: Sendable, Hashable {
    public let name: String
    public let direction: PortDirection
    public let type: HWType
    public let allowUnused: Bool
    public let location: SourceLocation
}

extension PortSignature {
    /// The ports: every stored `In`/`Out` property, and the ports of every nested signature, in
    /// declaration order.
    public var members: [PortMember] {
        Mirror(reflecting: self).children.flatMap { child -> [PortMember] in
            if let i = child.value as? In {
                return [PortMember(name: i.name, direction: .input, type: i.type, allowUnused: i.allowUnused, location: i.location)]
            }
            if let o = child.value as? Out {
                return [PortMember(name: o.name, direction: .output, type: o.type, allowUnused: false, location: o.location)]
            }
            return (child.value as? any PortSignature)?.members ?? []
        }
    }

    /// The signature's name in diagnostics.
    var signatureName: String { "\(type(of: self))" }
}

/// A module's own ports inside `Module.build(_:ports:)`: `io.start` is the input signal,
/// `io.busy` the output wire to `assign`; members are checked by the compiler (key paths).
@dynamicMemberLookup
public struct Ports<S: PortSignature> {
    public let signature: S
    let signals: [String: Signal]

    /// The signal of input `member`.
    public subscript(dynamicMember member: KeyPath<S, In>) -> Signal { signals[signature[keyPath: member].name]! }
    /// The wire of output `member` (drive it with `assign`).
    public subscript(dynamicMember member: KeyPath<S, Out>) -> Signal { signals[signature[keyPath: member].name]! }
    /// The ports of a nested signature.
    public subscript<T: PortSignature>(dynamicMember member: KeyPath<S, T>) -> Ports<T> {
        Ports<T>(signature: signature[keyPath: member], signals: signals)
    }

    /// Drives every output of this bundle from the same member of `instance` (a pass-through).
    public func drive(from instance: TypedInstance<S>, file: StaticString = #fileID, line: UInt = #line) {
        let loc = SourceLocation(file: file, line: line)
        for (mine, theirs) in zip(signature.members, instance.signature.members) where mine.direction == .output {
            guard let wire = signals[mine.name] else { continue }
            wire.builder.recordAssignment(target: wire, value: instance.instance.output(theirs.name, at: loc), at: loc)
        }
    }
}

/// An elaborated module with the signature its ports were declared from; instantiate it with
/// `ModuleBuilder.instance(_:name:_:)`.
public struct Component<S: PortSignature>: Sendable {
    public let module: Module
    public let signature: S
}

/// The inputs of an instance being connected: `$0.start = start`. Only inputs of the signature
/// can be set; connecting one twice is an error.
@dynamicMemberLookup
public struct Connections<S: PortSignature> {
    let signature: S
    var signals: [String: Signal] = [:]
    var twice: [String] = []

    /// The signal connected to input `member` (nil until connected).
    public subscript(dynamicMember member: KeyPath<S, In>) -> Signal? {
        get { signals[signature[keyPath: member].name] }
        set {
            let name = signature[keyPath: member].name
            if signals[name] != nil { twice.append(name) }
            signals[name] = newValue
        }
    }

    /// The inputs of a nested signature.
    public subscript<T: PortSignature>(dynamicMember member: KeyPath<S, T>) -> Connections<T> {
        get { Connections<T>(signature: signature[keyPath: member], signals: signals, twice: twice) }
        set { (signals, twice) = (newValue.signals, newValue.twice) }
    }

    /// Connects every input of this bundle to the same member of `ports` (a pass-through from
    /// the enclosing module's own ports).
    public mutating func connect(_ ports: Ports<S>) {
        for (mine, theirs) in zip(signature.members, ports.signature.members) where mine.direction == .input {
            if signals[mine.name] != nil { twice.append(mine.name) }
            signals[mine.name] = ports.signals[theirs.name]
        }
    }
}

/// An instance placed with typed connections: `ctrl.busy` is its output `busy`.
@dynamicMemberLookup
public struct TypedInstance<S: PortSignature> {
    public let instance: Instance
    public let signature: S
    let location: SourceLocation

    /// The signal of output `member`.
    public subscript(dynamicMember member: KeyPath<S, Out>) -> Signal {
        instance.output(signature[keyPath: member].name, at: location)
    }
    /// The outputs of a nested signature.
    public subscript<T: PortSignature>(dynamicMember member: KeyPath<S, T>) -> TypedInstance<T> {
        TypedInstance<T>(instance: instance, signature: signature[keyPath: member], location: location)
    }
}

extension Module {
    /// Builds a module whose ports are `signature`'s members: its inputs, then its outputs, each
    /// in declaration order (see `build(_:generator:…)` for everything else). The body gets the
    /// builder and the typed ports.
    public static func build<S: PortSignature>(_ name: String, ports signature: S, generator: String? = nil,
                                               parameters: [(String, String)] = [], file: StaticString = #fileID,
                                               line: UInt = #line, _ body: (ModuleBuilder, Ports<S>) throws -> Void) throws -> Component<S> {
        let module = try build(name, generator: generator, parameters: parameters, file: file, line: line) { m in
            var signals: [String: Signal] = [:]
            let members = signature.members
            for p in members.filter({ $0.direction == .input }) + members.filter({ $0.direction == .output }) {
                signals[p.name] = p.direction == .input ? m.input(p.name, p.type, allowUnused: p.allowUnused, at: p.location)
                                                        : m.output(p.name, p.type, at: p.location)
            }
            try body(m, Ports(signature: signature, signals: signals))
        }
        return Component(module: module, signature: signature)
    }
}

extension ModuleBuilder {
    /// Places `component` as `name`, its inputs connected by `connect` (`{ $0.start = go }`).
    /// Every input must be connected exactly once with exactly its type; problems are reported at
    /// this line. Outputs are read from the result (`ctrl.busy`).
    public func instance<S>(_ component: Component<S>, name: String, file: StaticString = #fileID, line: UInt = #line,
                            _ connect: (inout Connections<S>) throws -> Void) rethrows -> TypedInstance<S> {
        try instance(component.module, name: name, signature: component.signature, file: file, line: line, connect)
    }

    /// Places a module built without a signature (`Module.build(_:…)`) through `signature`: the
    /// module's ports must match the signature's members exactly (name, direction, type), which
    /// is checked here, then connections are typed as for a `Component`.
    public func instance<S: PortSignature>(_ module: Module, name: String, signature: S, file: StaticString = #fileID,
                                           line: UInt = #line, _ connect: (inout Connections<S>) throws -> Void) rethrows -> TypedInstance<S> {
        let loc = SourceLocation(file: file, line: line)
        let members = signature.members
        for p in members {
            guard let port = module.port(p.name), !port.isImplicit, port.direction == p.direction else {
                error("module '\(module.name)' has no \(p.direction.rawValue) '\(p.name)' that signature \(signature.signatureName) declares", at: loc)
                continue
            }
            if port.type != p.type {
                error("\(p.direction.rawValue) '\(p.name)' of module '\(module.name)' is \(port.type), but signature \(signature.signatureName) declares \(p.type)", at: loc)
            }
        }
        for port in module.ports where !port.isImplicit && !members.contains(where: { $0.name == port.name }) {
            error("module '\(module.name)' has \(port.direction.rawValue) '\(port.name)', which signature \(signature.signatureName) does not declare", at: loc)
        }
        var connections = Connections(signature: signature)
        try connect(&connections)
        for n in connections.twice { error("instance '\(name)': input '\(n)' is connected twice", at: loc) }
        let declared = Set(module.inputs.map(\.name))
        let placed = instance(module, name: name, inputs: connections.signals.filter { declared.contains($0.key) }, at: loc)
        return TypedInstance(instance: placed, signature: signature, location: loc)
    }
}
