import Foundation
import ShiftwrightTooling

/// Reads the ports of a Verilog module with Yosys (`write_json`), so external RTL can be checked
/// against a generated design before co-simulation.
public enum YosysPorts {
    /// A port as Yosys reports it.
    public struct Port: Hashable, Sendable {
        public let name: String
        public let direction: String
        public let width: Int
        public init(name: String, direction: String, width: Int) {
            self.name = name
            self.direction = direction
            self.width = width
        }
    }

    public static func read(verilogPath: String, top: String) throws -> [Port] {
        _ = try ExternalTool.yosys.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shiftwright-ports-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let json = "\(dir)/ports.json"
        let result = try ProcessRunner.run("yosys", ["-q", "-p", "read_verilog \(verilogPath); hierarchy -top \(top); proc; write_json \(json)"])
        guard result.succeeded else {
            let line = (result.stderr + result.stdout).split(separator: "\n").first { $0.contains("ERROR") }
            throw ToolError("Yosys cannot read \(verilogPath): \(line.map(String.init) ?? result.tail())")
        }
        guard let data = FileManager.default.contents(atPath: json),
              let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let modules = root["modules"] as? [String: Any],
              let module = modules[top] as? [String: Any],
              let ports = module["ports"] as? [String: Any] else {
            throw ToolError("Yosys found no module '\(top)' in \(verilogPath)")
        }
        return ports.compactMap { name, value in
            guard let p = value as? [String: Any], let dir = p["direction"] as? String, let bits = p["bits"] as? [Any] else { return nil }
            return Port(name: name, direction: dir, width: bits.count)
        }.sorted { $0.name < $1.name }
    }
}
