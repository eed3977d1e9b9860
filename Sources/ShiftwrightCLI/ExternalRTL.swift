import Foundation
import ShiftwrightHDL
import ShiftwrightSynth
import ShiftwrightTooling

/// Reads a user-supplied Verilog file for `verify --rtl` and checks, with Yosys, that its top
/// module has exactly the generated design's ports (names, directions, widths).
enum ExternalRTL {
    static func read(_ path: String, expecting module: Module, top: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ToolError("cannot read --rtl file \(path)")
        }
        let found = try YosysPorts.read(verilogPath: path, top: top)
        let expected = module.ports.map { YosysPorts.Port(name: $0.name, direction: $0.direction.rawValue, width: $0.type.width) }
        let missing = expected.filter { !found.contains($0) }
        let extra = found.filter { !expected.contains($0) }
        guard missing.isEmpty && extra.isEmpty else {
            let describe = { (ps: [YosysPorts.Port]) in ps.map { "\($0.direction) \($0.name)[\($0.width)]" }.joined(separator: ", ") }
            throw ToolError("ports of '\(top)' in \(path) do not match the generated design: missing \(describe(missing).isEmpty ? "none" : describe(missing)); unexpected \(describe(extra).isEmpty ? "none" : describe(extra))")
        }
        return text
    }
}
