import BigInt
import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightFormats
import ShiftwrightGenerators
@testable import ShiftwrightFlows
@testable import ShiftwrightVerilator

/// Regression tests for problems an independent review found in the verification machinery.
@Suite struct ReviewRegressionTests {
    /// The random accumulate/clear section never adds more than K products between clears
    /// (counting the last clear-and-accumulate product row), or the hardware would rightly wrap.
    @Test(arguments: [1, 2, 5])
    func stimulusRespectsTheDeclaredDepth(k: Int) throws {
        let config = try PEConfig(activation: NumberFormat(parsing: "int4"), weight: NumberFormat(parsing: "int4"), accumulationDepth: k)
        let plan = PEVerification.plan(config, module: try PEGenerator.module(config), options: .init(accumulationCycles: 5_000, seed: 9))
        var since = 0, worst = 0
        for cycle in 1..<plan.cycles {
            let en = plan.stimulus[4 * cycle + 2] != 0, clear = plan.stimulus[4 * cycle + 3] != 0
            if clear { since = en ? 1 : 0 } else if en { since += 1 }
            worst = max(worst, since)
        }
        #expect(worst <= k)
        #expect(try BatchRunner.run([plan], waveOnMismatch: false)[0].passed)
    }

    /// A golden value the port cannot hold never matches (no silent wrap at 64 bits).
    @Test func unrepresentableGoldenValuesNeverMatch() {
        let huge = BigInt(1) << 70
        let expected = ExpectedValues(count: 2, width: 64) { $0 == 0 ? .small(5) : .large(huge) }
        let port = PortSpec(name: "acc", direction: .output, width: 64, signed: true)
        let words: [UInt64] = [5, UInt64(truncatingIfNeeded: huge)]
        words.withUnsafeBufferPointer { buffer in
            let view = OutputView(words: buffer, stride: 1, offset: 0, cycles: 2)
            #expect(expected.matches(0, port: port, view: view, cycle: 0))
            #expect(!expected.matches(1, port: port, view: view, cycle: 1))
        }
        let narrow = ExpectedValues(count: 1, width: 8) { _ in .small(300) }
        [UInt64(300 & 0xff)].withUnsafeBufferPointer { buffer in
            #expect(!narrow.matches(0, port: PortSpec(name: "y", direction: .output, width: 8, signed: true),
                                    view: OutputView(words: buffer, stride: 1, offset: 0, cycles: 1), cycle: 0))
        }
    }

    /// Without warm-up, a run is never cut at the end of its independent range.
    @Test func noCutOutsideTheIndependentRange() throws {
        let module = try Module.build("probe") { m in m.output("y", m.input("x", .unsigned(2))) }
        let cycles = SplitRun.minimumSplitCycles * 2
        let plan = VectorPlan(module: module, cycles: cycles, stimulus: [], inputWordsPerCycle: 1, coverage: "",
                              independentCycles: 0..<(cycles / 2), warmup: 0) { { _ in nil } }
        if let cut = SplitRun.cut([plan], cycles: cycles) { #expect(cut < cycles / 2) }
        let warm = VectorPlan(module: module, cycles: cycles, stimulus: [], inputWordsPerCycle: 1, coverage: "",
                              independentCycles: 0..<cycles, warmup: 2) { { _ in nil } }
        #expect(SplitRun.cut([warm], cycles: cycles) == cycles / 2)
    }
}
