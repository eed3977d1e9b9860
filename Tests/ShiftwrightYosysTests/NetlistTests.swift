import Foundation
import Testing
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

/// Every netlist format is written and read back by Yosys (EDIF, which Yosys cannot read, is
/// checked structurally against the cell counts); the co-simulation hook's netlist re-reads.
@Suite struct NetlistTests {
    @Test func everyIce40NetlistReadsBack() throws {
        let target = try SynthTarget("ice40")
        let comparison = try Yosys().comparePE(try SynthTestSupport.ausn84(), target: target, netlists: NetlistFormat.allCases)
        let dir = try SynthTestSupport.scratch("ice40")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let written = try SynthArtifacts.write(comparison, yosysVersion: try Yosys().version(), into: dir)
        for result in [comparison.design, comparison.baseline] {
            let top = result.design.top
            #expect(written.contains("\(top).core") && written.contains("\(top).v"))
            for format in NetlistFormat.allCases {
                let name = format.fileName(top: top, target: target)
                #expect(written.contains(name))
                let path = "\(dir)/\(name)"
                if format == .edif {
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    #expect(SynthTestSupport.edifProblem(text, area: result.area) == nil, "\(name)")
                } else {
                    #expect(try SynthTestSupport.rereadProblem(path, format: format, top: top, target: target) == nil, "\(name)")
                }
            }
            // The RTL written beside the netlists is complete on its own.
            #expect(try YosysReadCheck.problem(verilogPath: "\(dir)/\(top).v", top: top) == nil)
        }
    }

    /// The hook `verify --rtl` uses: a self-contained gate-level Verilog netlist of a PE and of its
    /// integer baseline, with the RTL's top name, that Yosys reads back with no missing module.
    @Test func cosimNetlistHookGivesSelfContainedVerilog() throws {
        let dir = try SynthTestSupport.scratch("hook")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = try SynthTestSupport.ausn84()
        for c in [config, try config.integerBaseline()] {
            let path = try CosimNetlist.netlistPath(for: c, in: dir)
            #expect(path.hasSuffix(".generic.netlist.v"))
            #expect(try YosysReadCheck.problem(verilogPath: path, top: c.moduleName) == nil)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("module \(c.moduleName)("))
        }
    }

    @Test func fuseSoCCoreNamesTheRTLAndTop() {
        let core = FuseSoCCore.text(top: "pe_x", rtlFile: "pe_x.v", description: "a \"PE\"")
        #expect(core.hasPrefix("CAPI=2:\nname: shiftwright:generated:pe_x:1.0.0\n"))
        #expect(core.contains("      - pe_x.v\n    file_type: verilogSource"))
        #expect(core.contains("toplevel: pe_x"))
        #expect(!core.contains("\"PE\""))
    }
}
