import Foundation
import ShiftwrightHDL
import ShiftwrightYosys
import ShiftwrightTooling

/// Reads a user-supplied Verilog file for `verify --rtl` and checks, with Yosys, that its top
/// module has exactly the generated design's ports (names, directions, widths).
enum ExternalRTL {
    static func read(_ path: String, expecting module: Module, top: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ToolError("cannot read --rtl file \(path)")
        }
        let found = try YosysPorts.read(verilogPath: path, top: top)
        let expected = module.portSpecs
        let missing = expected.filter { e in !found.contains { $0.sameShape(as: e) } }
        let extra = found.filter { f in !expected.contains { $0.sameShape(as: f) } }
        guard missing.isEmpty && extra.isEmpty else {
            let describe = { (ps: [PortSpec]) in ps.isEmpty ? "none" : ps.map(\.summary).joined(separator: ", ") }
            throw ToolError("ports of '\(top)' in \(path) do not match the generated design: missing \(describe(missing)); unexpected \(describe(extra))")
        }
        return text
    }
}
