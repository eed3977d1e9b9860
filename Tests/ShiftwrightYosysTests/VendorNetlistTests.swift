import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

/// `verify --rtl` on vendor netlists: a PE synthesized for iCE40 and for ECP5 (pinned Yosys) is
/// co-simulated with the cell models Yosys ships against the golden model and passes; the same
/// netlist with one LUT's truth table inverted fails with a mismatch.
@Suite(.serialized) struct VendorNetlistTests {
    static func smallPE() throws -> PEConfig {
        try PEConfig(activation: NumberFormat(parsing: "int4"), weight: NumberFormat(parsing: "ausn-b2s1"))
    }

    /// Inverts the truth table of the first LUT whose init parameter is `parameter` (`LUT_INIT`
    /// on iCE40, `INIT` on ECP5's LUT4): every entry of that LUT changes.
    static func invertFirstLUT(_ text: String, parameter: String) throws -> String {
        let pattern = #"\.\#(parameter)\(16'h([0-9a-f]{4})\)"#
        let match = try #require(text.range(of: pattern, options: .regularExpression), "no .\(parameter)(16'h…) in the netlist")
        let literal = String(text[match])
        let hex = String(literal.dropFirst(parameter.count + 6).prefix(4))
        let inverted = String(format: "%04x", ~UInt16(hex, radix: 16)! & 0xffff)
        return text.replacingCharacters(in: match, with: ".\(parameter)(16'h\(inverted))")
    }

    @Test(arguments: [("ice40", "LUT_INIT"), ("ecp5", "INIT")])
    func vendorNetlistPassesAndItsMutantFails(target: String, lutParameter: String) throws {
        let dir = try SynthTestSupport.scratch("vendor-\(target)")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = try Self.smallPE()
        let path = try CosimNetlist.netlistPath(for: config, target: try SynthTarget(target), in: dir)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(CellModels.detectFamily(netlist: text) == target)
        let options = VerificationFlows.Options(vectors: 1000, rtl: path)
        let good = try VerificationFlows.pe(config, options)
        #expect(good.count == 1)
        #expect(good[0].passed, "\(good[0].mismatch ?? "")")

        let mutant = "\(dir)/mutant.v"
        try Self.invertFirstLUT(text, parameter: lutParameter).write(toFile: mutant, atomically: true, encoding: .utf8)
        var bad = options
        (bad.rtl, bad.wave) = (mutant, "\(dir)/mutant.vcd")
        let outcome = try VerificationFlows.pe(config, bad)[0]
        #expect(!outcome.passed, "a netlist with an inverted LUT matched the golden model")
        #expect(outcome.mismatch?.contains("but the golden model expects") == true)
    }

    @Test func familyIsFoundFromTheCellsOrTheTarget() throws {
        #expect(CellModels.detectFamily(netlist: "  SB_LUT4 #(\n .LUT_INIT(16'h6996)\n ) u (.O(x));") == "ice40")
        #expect(CellModels.detectFamily(netlist: "  TRELLIS_FF #(\n  ) q (.Q(x));") == "ecp5")
        #expect(CellModels.detectFamily(netlist: "  FDRE #(\n .INIT(1'b0)) q (.Q(x));\n  LUT6 #(.INIT(64'h0)) l (.O(y));") == "xilinx")
        #expect(CellModels.detectFamily(netlist: "module pe(input a);\n  assign y = a ^ b;\n  always @(posedge clk) q <= d;\nendmodule") == nil)
        #expect(try CellModels.family(ofTarget: "xc7") == "xilinx")
        #expect(throws: ToolError.self) { try CellModels.family(ofTarget: "generic") }
    }

    @Test func cellModelsComeFromThePinnedYosysShareDirectory() throws {
        for family in ["ice40", "ecp5", "xilinx"] {
            let models = try CellModels.load(family: family)
            #expect(models.source.text.contains("module "))
            #expect(models.directory.hasSuffix("share/\(family)"))
        }
        let ecp5 = try CellModels.load(family: "ecp5")
        #expect(ecp5.headers.contains { $0.name == "cells_ff.vh" }, "cells_sim.v includes its headers")
    }
}
