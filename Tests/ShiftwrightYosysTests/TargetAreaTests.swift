import Foundation
import Testing
import ShiftwrightGenerators
import ShiftwrightYosys
import ShiftwrightFlows
import ShiftwrightTooling

/// The AUSN PE against its integer-multiplier baseline on every FPGA family, with real Yosys runs.
@Suite struct TargetAreaTests {
    /// The goal: AUSN 8/4 PE has at least 2× fewer LUTs than int8×int4 on xc7 without DSPs;
    /// its Vivado (EDIF) and nextpnr (JSON) netlists come out complete.
    @Test func ausn84HalvesTheMultiplierLUTsOnXC7() throws {
        let target = try SynthTarget("xc7")
        let comparison = try Yosys().comparePE(try SynthTestSupport.ausn84(), target: target, netlists: [.json, .edif])
        let ours = comparison.design.area, base = comparison.baseline.area
        #expect(comparison.baseline.design.top == "pe_int8_int4_acc22")
        #expect(ours.dsps == 0 && base.dsps == 0)
        #expect(ours.flipFlops == base.flipFlops, "same accumulator, same flip-flops")
        let ratio = try #require(comparison.lutRatio)
        #expect(ratio >= 2.0, "LUTs: AUSN \(ours.luts), int8×int4 \(base.luts)")

        let dir = try SynthTestSupport.scratch("xc7")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for result in [comparison.design, comparison.baseline] {
            let edif = try #require(result.netlists[.edif])
            #expect(SynthTestSupport.edifProblem(String(decoding: edif, as: UTF8.self), area: result.area) == nil)
            let path = "\(dir)/\(NetlistFormat.json.fileName(top: result.design.top, target: target))"
            try AtomicFile.write(try #require(result.netlists[.json]), to: path)
            #expect(try SynthTestSupport.rereadProblem(path, format: .json, top: result.design.top, target: target) == nil)
        }
    }

    /// UltraScale and the Lattice families map the PE too, with fewer LUTs than the baseline.
    @Test(arguments: ["xcu", "ice40", "ecp5"])
    func ausnPEIsSmallerThanBaseline(targetName: String) throws {
        let comparison = try Yosys().comparePE(try SynthTestSupport.ausn84(), target: try SynthTarget(targetName))
        #expect(comparison.design.area.luts > 0)
        #expect(comparison.design.area.luts < comparison.baseline.area.luts)
        #expect(comparison.design.area.flipFlops == comparison.baseline.area.flipFlops)
        #expect(comparison.design.area.carries > 0, "the accumulator maps to the carry chain")
    }
}
