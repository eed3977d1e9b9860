import Foundation
import ShiftwrightHDL
import ShiftwrightTooling

/// Reads the ports of a Verilog module with Yosys (`write_json`), so external RTL can be checked
/// against a generated design before co-simulation.
public enum YosysPorts {
    /// The ports of module `top` in the Verilog file at `verilogPath`, sorted by name.
    public static func read(verilogPath: String, top: String, yosys: Yosys = Yosys()) throws -> [PortSpec] {
        try Yosys.checkIdentifier(top)
        let data: Data
        do {
            data = try yosys.withStagedInput(verilogPath, { file in
                ["read_verilog \(file)", "hierarchy -top \(top)", "proc", "write_json ports.json"]
            }) { dir in try Data(contentsOf: URL(fileURLWithPath: "\(dir)/ports.json")) }
        } catch let error as ToolError {
            throw ToolError("Yosys cannot read \(verilogPath): \(error.message)")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let modules = root["modules"] as? [String: Any],
              let module = modules[top] as? [String: Any],
              let ports = module["ports"] as? [String: Any] else {
            throw ToolError("Yosys found no module '\(top)' in \(verilogPath)")
        }
        return ports.compactMap { name, value in
            guard let p = value as? [String: Any], let dir = (p["direction"] as? String).flatMap(PortDirection.init(rawValue:)),
                  let bits = p["bits"] as? [Any] else { return nil }
            return PortSpec(name: name, direction: dir, width: bits.count, signed: (p["signed"] as? Int) == 1)
        }.sorted { $0.name < $1.name }
    }
}
