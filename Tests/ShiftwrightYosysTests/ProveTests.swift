import Foundation
import Testing
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

/// `prove`: a synthesized netlist of a default PE is proven equivalent to the generated RTL for
/// all inputs and states; one changed gate yields a counterexample from reset; user text never
/// becomes Yosys script syntax.
@Suite struct ProveTests {
    @Test func netlistOfADefaultPEIsProvenAndAOneGateMutantIsCaught() throws {
        let config = try PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "ausn-b3s2"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sw prove \(UUID().uuidString)").path  // a space
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let netlist = try CosimNetlist.netlistPath(for: config, in: dir)
        let proven = try ProveRun(design: .pe(config), rtl: netlist).run()
        #expect(proven.proven, "\(proven.report)")
        #expect(proven.report.contains("PROVEN  equivalent for all inputs and all reachable states"))

        let gates = try String(contentsOfFile: netlist, encoding: .utf8)
        let broken = gates.replacingOccurrences(of: " ^ ", with: " | ", options: [], range: gates.range(of: " ^ "))
        #expect(broken != gates)
        let mutant = "\(dir)/mutant.v"
        try AtomicFile.write(broken, to: mutant)
        let caught = try ProveRun(design: .pe(config), rtl: mutant).run()
        #expect(!caught.proven)
        #expect(caught.report.contains("NOT EQUIVALENT  counterexample from reset"), "\(caught.report)")
        #expect(caught.report.contains("<- differs"))
        #expect(caught.report.contains("rst=1"), "the sequence starts from reset")
    }

    @Test func hostileTopNamesAreRejectedBeforeYosysRuns() throws {
        let config = try PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "int4"))
        let dir = try SynthTestSupport.scratch("prove")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = "\(dir)/x.v"
        try AtomicFile.write("module x; endmodule\n", to: file)
        let written = "\(dir)/pwned.txt"
        var run = ProveRun(design: .pe(config), rtl: file)
        run.top = "x; tee -o \(written) stat"
        #expect(throws: ToolError.self) { try run.run() }
        #expect(!FileManager.default.fileExists(atPath: written))
    }
}
