import Foundation
import ShiftwrightHDL
import ShiftwrightYosys
import ShiftwrightTooling
import ShiftwrightVerilator

/// Reads a user-supplied Verilog file for `verify --rtl` and checks, with Yosys, that its top
/// module has exactly the generated design's ports (names, directions, widths); for a vendor
/// netlist, supplies the simulation models of its cells that Yosys ships.
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

    /// The cell models a netlist needs: those of `target`'s family when given, else of the family
    /// whose cells the text instantiates; nil for RTL and generic netlists. Passed to Verilator as
    /// files of their own (the netlist's text is never edited).
    static func cellModels(for text: String, target: String?) throws -> VerilogLibrary? {
        guard let family = try target.map(CellModels.family(ofTarget:)) ?? CellModels.detectFamily(netlist: text) else { return nil }
        let models = try CellModels.load(family: family)
        return VerilogLibrary(description: "\(family) cell models from \(models.directory)",
                              sources: (models.verilatorConfig.map { [.init(name: $0.name, text: $0.text)] } ?? [])
                                  + [.init(name: models.source.name, text: models.source.text)],
                              headers: models.headers.map { .init(name: $0.name, text: $0.text) }, defines: models.defines)
    }
}
