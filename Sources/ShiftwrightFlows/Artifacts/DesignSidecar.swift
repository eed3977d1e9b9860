import Foundation
import ShiftwrightHDL

/// The machine-readable description written next to every generated Verilog file: ports,
/// widths, latency, formats and the RTL-name map, so tools and testbenches never parse Verilog.
public struct DesignSidecar: Codable, Sendable, Equatable {
    /// One port of the top module.
    public struct Port: Codable, Sendable, Equatable {
        public let name: String
        public let direction: String
        public let width: Int
        public let signed: Bool
    }

    /// One emitted signal and the Swift source line it came from.
    public struct Signal: Codable, Sendable, Equatable {
        public let module: String
        public let rtl: String
        public let kind: String
        public let type: String
        public let source: String?
    }

    /// The Shiftwright release that generated the design (`ShiftwrightVersion.current`).
    public let shiftwright: String
    public let top: String
    public let kind: String
    public let verilog: String
    public let generator: String
    public let parameters: [String: String]
    public let formats: [String: String]
    public let latency: Int
    public let ports: [Port]
    public let signals: [Signal]

    public init(top: Module, kind: String, verilogFile: String, formats: [String: String], latency: Int,
                signals: [Signal]) {
        self.shiftwright = ShiftwrightVersion.current
        self.top = top.name
        self.kind = kind
        self.verilog = verilogFile
        self.generator = top.generator
        self.parameters = Dictionary(top.parameters.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        self.formats = formats
        self.latency = latency
        self.ports = top.ports.map { Port(name: $0.name, direction: $0.direction.rawValue, width: $0.type.width, signed: $0.type.isSigned) }
        self.signals = signals
    }

    /// Deterministic JSON (sorted keys, pretty-printed, trailing newline).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0a)
        return data
    }

    public static func read(_ data: Data) throws -> DesignSidecar {
        try JSONDecoder().decode(DesignSidecar.self, from: data)
    }
}
