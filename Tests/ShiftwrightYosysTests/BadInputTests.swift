import Foundation
import Testing
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

/// Missing tools, unknown targets and Yosys failures end in one clear error quoting the tool.
@Suite struct BadInputTests {
    @Test func unknownTargetQuotesYosys() throws {
        let error = #expect(throws: ToolError.self) {
            try Yosys().synthesize([try SynthDesign.pe(try SynthTestSupport.ausn84())], target: try SynthTarget("nosuchfamily"))
        }
        #expect(error?.message.contains("No such command: synth_nosuchfamily") == true, "\(String(describing: error))")
    }

    @Test func targetNamesCannotInjectCommands() {
        #expect(throws: ToolError.self) { try SynthTarget("xc7; shell rm -rf /") }
        #expect(throws: ToolError.self) { try SynthTarget("") }
        #expect(throws: ToolError.self) { try SynthDesign(file: "/nonexistent.v", top: "bad top") }
    }

    @Test func missingYosysSaysHowToInstall() {
        let error = #expect(throws: ToolError.self) { try Yosys(executable: "yosys-not-installed-here").version() }
        #expect(error?.message.contains("is not installed") == true)
    }

    @Test func yosysSyntaxErrorIsQuotedWithItsLine() throws {
        let broken = SynthDesign(top: "broken", fileName: "broken.v", verilog: "module broken(input a, output b);\n assign b = a +;\nendmodule\n")
        let error = #expect(throws: ToolError.self) {
            try Yosys().compare(broken, baseline: try .pe(try SynthTestSupport.ausn84().integerBaseline()),
                                target: try SynthTarget("generic"), netlists: [.json])
        }
        #expect(error?.message.hasPrefix("Yosys failed: ") == true)
        #expect(error?.message.contains("broken.v:2") == true, "\(String(describing: error))")
    }

    @Test func timingNeedsAClockedShiftwrightDesign() throws {
        let file = SynthDesign(top: "comb", fileName: "comb.v", verilog: "module comb(input a, output b); assign b = ~a; endmodule\n")
        #expect(throws: ToolError.self) { try Nextpnr(device: try PlaceAndRouteDevice(parsing: "ice40-hx8k")).timing(file, yosys: Yosys(), registeredIO: true) }
        #expect(throws: ToolError.self) { try PlaceAndRouteDevice(parsing: "ice40-hx9000") }
    }
}
