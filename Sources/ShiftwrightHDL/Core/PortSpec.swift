/// A port as every tool outside the DSL sees it: name, direction, width and signedness. The one
/// port description of the project: the JSON sidecar writes it, the Verilator glue lays out its
/// words, the Yosys port check compares it, timing wrappers register it.
public struct PortSpec: Sendable, Hashable, Codable {
    public let name: String
    public let direction: PortDirection
    public let width: Int
    public let signed: Bool

    public init(name: String, direction: PortDirection, width: Int, signed: Bool) {
        self.name = name
        self.direction = direction
        self.width = width
        self.signed = signed
    }

    public var isInput: Bool { direction == .input }

    /// 64-bit words one value of this port occupies.
    public var words: Int { (width + 63) / 64 }

    /// The same name, direction and width (a netlist does not keep signedness).
    public func sameShape(as other: PortSpec) -> Bool {
        name == other.name && direction == other.direction && width == other.width
    }

    /// `input acc[22]`: how error messages name a port.
    public var summary: String { "\(direction.rawValue) \(name)[\(width)]" }
}

extension Module {
    /// The ports of this module, in declaration order (implicit `clk`/`rst` first).
    public var portSpecs: [PortSpec] {
        ports.map { PortSpec(name: $0.name, direction: $0.direction, width: $0.type.width, signed: $0.type.isSigned) }
    }
}
