import Foundation
import Testing
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

/// The generic gate target: fast, deterministic, and the checked-in scripts agree with the library.
@Suite struct GenericTargetTests {
    @Test func onePEUnderTenSecondsAndDeterministic() throws {
        let target = try SynthTarget("generic")
        let yosys = Yosys()
        let start = Date()
        let first = try yosys.comparePE(try SynthTestSupport.ausn84(), target: target, netlists: [.verilog, .json])
        #expect(Date().timeIntervalSince(start) < 20, "PE and baseline together")
        #expect(first.design.seconds < 10)
        #expect(first.design.area.totalCells < first.baseline.area.totalCells)
        let second = try yosys.comparePE(try SynthTestSupport.ausn84(), target: target, netlists: [.verilog, .json])
        let version = try yosys.version()
        #expect(try AreaTable.json([first], yosysVersion: version) == AreaTable.json([second], yosysVersion: version))
        #expect(AreaTable.text([first], yosysVersion: version) == AreaTable.text([second], yosysVersion: version))
        #expect(first.design.netlists == second.design.netlists)
    }

    /// Each checked-in script holds exactly the command the library runs for its target.
    @Test(arguments: SynthTarget.known)
    func scriptFileHoldsTheLibraryCommand(name: String) throws {
        let target = try SynthTarget(name)
        let url = SynthTestSupport.repoRoot.appendingPathComponent("synth-scripts/\(target.scriptFileName)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == [Substring(target.synthCommand)])
    }

    /// `synth-scripts/synth.sh` gives the same cell counts as the library.
    @Test func shellScriptMatchesLibrary() throws {
        let design = try SynthDesign.pe(try SynthTestSupport.ausn84())
        let dir = try SynthTestSupport.scratch("script")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write(design.verilog, to: "\(dir)/\(design.fileName)")
        let script = SynthTestSupport.repoRoot.appendingPathComponent("synth-scripts/synth.sh").path
        try ProcessRunner.check(script, ["generic", design.top, "\(dir)/out", "\(dir)/\(design.fileName)"], what: "synth.sh")
        let stat = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/out/\(design.top).generic.stat.json"))
        let library = try Yosys().synthesize([design], target: try SynthTarget("generic"))[0].area
        #expect(try AreaFigures(statJSON: stat) == library)
    }
}
