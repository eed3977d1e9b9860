import BigInt

/// An elaborated, checked module: the immutable result of a generator. Backends (Verilog) and the
/// interpreter read it; instances of it can be placed in other modules.
public struct Module: Sendable {
    /// A port of the module, in declaration order (implicit `clk`, `rst` first when present).
    public struct Port: Sendable, Hashable {
        public let name: String
        public let direction: PortDirection
        public let type: HWType
        public let node: NodeID
        public let location: SourceLocation?
        /// True for the implicit clock and reset.
        public var isImplicit: Bool { location == nil }
    }

    /// A register and how it updates.
    public struct Register: Sendable {
        public let node: NodeID
        public let reset: BigInt?
        public let enable: NodeID?
        /// Loads zero while 1 (after `rst`, before `enable`).
        public let clear: NodeID?
        public let next: NodeID
        public let location: SourceLocation
    }

    /// A memory with its ports (see `Memory`).
    public struct MemoryBlock: Sendable {
        /// A synchronous write port: `data` is written at `address` on the clock edge while `enable` is 1.
        public struct WritePort: Sendable { public let address, data, enable: NodeID }
        /// A registered read port: `node` holds the word at `address` from the previous edge (loaded while `enable`).
        public struct ReadPort: Sendable { public let address: NodeID; public let enable: NodeID?; public let node: NodeID }
        public let name: String
        public let depth: Int
        public let type: HWType
        public let writePorts: [WritePort]
        public let readPorts: [ReadPort]
        public let location: SourceLocation
    }

    /// A placed instance of a submodule.
    public struct Placement: Sendable {
        public let name: String
        public let module: Module
        /// Input port → driving node in this module.
        public let inputs: [String: NodeID]
        /// Output port → node in this module carrying it.
        public let outputs: [String: NodeID]
        public let location: SourceLocation
    }

    /// One named constant of an `Enumeration`.
    public struct EnumerationMember: Sendable, Hashable {
        public let name: String
        public let value: BigInt
    }

    /// A named set of constants of one type (a state machine's states): backends declare each as a
    /// named constant (`localparam`) and write the constants of `Module.symbolicConstants` by name.
    public struct Enumeration: Sendable, Hashable {
        public let members: [EnumerationMember]
        public let type: HWType
        /// The register holding a member (the state register), if any: its reset is written by name.
        public let register: NodeID?
        public let location: SourceLocation
    }

    public let name: String
    /// Generator parameters, in order, written into the Verilog header.
    public let parameters: [(key: String, value: String)]
    public let generator: String
    public let ports: [Port]
    public let nodes: [Node]
    /// Wire and output nodes → the node that drives them.
    public let drivers: [NodeID: NodeID]
    public let registers: [Register]
    public let memories: [MemoryBlock]
    public let instances: [Placement]
    /// Nodes the user allowed to stay unread.
    public let allowedUnused: Set<NodeID>
    /// For each output port: the input ports it depends on combinationally (for loop checks
    /// across the hierarchy and for testbench scheduling).
    public let combinationalInputs: [String: Set<String>]
    public let location: SourceLocation
    /// Named constant sets declared in this module (state machines), in declaration order.
    public let enumerations: [Enumeration]
    /// Constant nodes that stand for a member of an `Enumeration`: node → member name.
    public let symbolicConstants: [NodeID: String]
    /// Synthesis keeps this module as its own block (Verilog `(* keep_hierarchy *)`), so its
    /// logic is optimized and mapped apart from its users' (see `ModuleBuilder.keepHierarchy`).
    public let keepHierarchy: Bool
    /// Structural fingerprint (within one process): two modules with one name must be identical.
    public let fingerprint: Int

    public var hasClock: Bool { ports.contains { $0.name == "clk" && $0.isImplicit } }
    public var hasReset: Bool { ports.contains { $0.name == "rst" && $0.isImplicit } }
    public var inputs: [Port] { ports.filter { $0.direction == .input } }
    public var outputs: [Port] { ports.filter { $0.direction == .output } }

    public func port(_ name: String) -> Port? { ports.first { $0.name == name } }

    /// This module and every distinct module below it, each once, submodules after their users.
    public var hierarchy: [Module] {
        var order: [Module] = [], seen: Set<String> = []
        func visit(_ m: Module) {
            guard seen.insert(m.name).inserted else { return }
            order.append(m)
            for placement in m.instances { visit(placement.module) }
        }
        visit(self)
        return order
    }

    /// Number of graph nodes in this module and all its instances (a size measure).
    public var flatNodeCount: Int { nodes.count + instances.reduce(0) { $0 + $1.module.flatNodeCount } }
}
