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
        let rows = plan.rows(0..<plan.cycles)
        for cycle in 1..<plan.cycles {
            let en = rows[4 * cycle + 2] != 0, clear = rows[4 * cycle + 3] != 0
            if clear { since = en ? 1 : 0 } else if en { since += 1 }
            worst = max(worst, since)
        }
        #expect(worst <= k)
        #expect(try BatchRunner.run([plan], waveOnMismatch: false)[0].passed)
    }

    /// A golden value the port cannot hold never matches (no silent wrap at the port's width):
    /// the checker compares the decoded port with the golden value itself, on both the Int64 and
    /// the exact path. The port shows the golden value's low bits; the mismatch must still be found
    /// at the first cycle whose golden value is out of range.
    @Test func unrepresentableGoldenValuesNeverMatch() throws {
        let config = try PEConfig(activation: NumberFormat(parsing: "int4"), weight: NumberFormat(parsing: "int4"))
        let width = config.accumulatorWidth, rows = config.latency + 3
        let firstHuge = 1 + config.latency  // cycle 1's product, seen `latency` cycles later
        var stimulus = [UInt64](repeating: 1, count: 4 * rows)
        func firstMismatch<Value: Equatable & ExpressibleByIntegerLiteral>(
            golden: Value, shown: UInt64, decode: @escaping (OutputView, Int) -> Value, describe: @escaping (Value) -> BigInt
        ) -> Int? {
            let check = PEVerification.accumulatorChecker(config, start: 0, checkFrom: 0, decode: decode,
                                                          step: { _, _, _, _ in golden }, describe: describe)
            let outputs = (0..<rows).map { $0 < firstHuge ? 0 : shown }
            return outputs.withUnsafeBufferPointer { words in
                stimulus.withUnsafeMutableBufferPointer {
                    check(0, StimulusRows(base: $0.baseAddress!, stride: 4, count: rows), OutputView(words: words, stride: 1, offset: 0, cycles: rows))?.cycle
                }
            }
        }
        // One bit wider than the port: its pattern on the port is 0.
        #expect(firstMismatch(golden: Int64(1) << Int64(width), shown: 0,
                              decode: PEVerification.narrowAccumulator(width: width), describe: { BigInt($0) }) == firstHuge)
        // 2^70 on a 64-bit port shows as 0 too.
        let port = PortSpec(name: "acc", direction: .output, width: 64, signed: true)
        #expect(firstMismatch(golden: BigInt(1) << 70, shown: 0, decode: PEVerification.wideAccumulator(port), describe: { $0 }) == firstHuge)
        // The planted-bug check of this test itself: a representable golden value shown correctly passes.
        #expect(firstMismatch(golden: Int64(5), shown: 5, decode: PEVerification.narrowAccumulator(width: width), describe: { BigInt($0) }) == nil)
    }

    /// Without warm-up, a run is never cut at the end of its independent range.
    @Test func noCutOutsideTheIndependentRange() throws {
        let module = try Module.build("probe") { m in m.output("y", m.input("x", .unsigned(2))) }
        let cycles = 1 << 21
        func plan(_ independent: Range<Int>, warmup: Int) -> VectorPlan {
            VectorPlan(module: module, cycles: cycles, inputWordsPerCycle: 1, coverage: "", exhaustive: false,
                       independentCycles: independent, warmup: warmup, stimulus: { _, _ in }, checker: { _, _ in { _, _, _ in nil } })
        }
        func cut(_ plan: VectorPlan) -> Int? {
            let starts = plan.shareStarts(count: 2)
            return starts.count == 2 ? starts[1] : nil
        }
        if let cut = cut(plan(0..<(cycles / 2), warmup: 0)) { #expect(cut < cycles / 2) }
        #expect(cut(plan(0..<cycles, warmup: 2)) == cycles / 2)
    }
}
