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
        let rows = plan.rows(0..<plan.cycles)
        for cycle in 1..<plan.cycles {
            let en = rows[4 * cycle + 2] != 0, clear = rows[4 * cycle + 3] != 0
            if clear { since = en ? 1 : 0 } else if en { since += 1 }
            worst = max(worst, since)
        }
        #expect(worst <= k)
        #expect(try BatchRunner.run([plan], waveOnMismatch: false)[0].passed)
    }

    /// Without warm-up, a run is never cut at the end of its independent range.
    @Test func noCutOutsideTheIndependentRange() throws {
        let module = try Module.build("probe") { m in m.output("y", m.input("x", .unsigned(2))) }
        let cycles = BatchRunner.minimumSplitCycles * 2
        func plan(_ independent: Range<Int>, warmup: Int) -> VectorPlan {
            VectorPlan(module: module, cycles: cycles, inputWordsPerCycle: 1, coverage: "", exhaustive: false,
                       independentCycles: independent, warmup: warmup, stimulus: { _, _ in }, checker: { _, _ in { _, _, _ in nil } })
        }
        if let cut = BatchRunner.cut(plan(0..<(cycles / 2), warmup: 0)) { #expect(cut < cycles / 2) }
        #expect(BatchRunner.cut(plan(0..<cycles, warmup: 2)) == cycles / 2)
    }
}
