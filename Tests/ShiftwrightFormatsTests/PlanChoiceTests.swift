import Foundation
import Testing
import ShiftwrightBits
import ShiftwrightFormats
@testable import ShiftwrightFlows

/// `plan`'s per-layer choice and shift rule, checked against the golden quantizer's own errors.
@Suite struct PlanChoiceTests {
    func weights(seed: UInt64, count: Int) -> [Double] {
        print("PlanChoiceTests seed \(seed)")
        var rng = SplitMix64(seed: seed)
        // Long-tailed, like trained weights: a Gaussian-ish body and a few large values.
        return (0..<count).map { i in
            let u = (0..<4).reduce(0.0) { acc, _ in acc + Double(rng.next() >> 11) / Double(1 << 53) } - 2
            return i % 97 == 0 ? u * 6 : u * 0.3
        }
    }

    /// Stand-in PE areas (this test is about the rule, not synthesis): grow with the code width, AFP dearer per bit.
    func luts(_ f: NumberFormat) -> Int { f.codeWidth * 10 + (f.isInteger ? 0 : f.isAUSN ? 3 : 6) }

    @Test func sqnrTargetTakesTheLeastAreaThatReachesIt() throws {
        let values = weights(seed: 0x14_01, count: 600)
        let act = try NumberFormat(parsing: "int8")
        for target in [12.0, 20.0, 28.0] {
            let planner = LayerPlanner(widths: [4, 5, 6, 7, 8], families: PlanFamily.allCases, activation: act, lambda: 1, sqnrTarget: target)
            let candidates = try planner.candidates(values)
            let (choice, meets) = planner.choose(candidates, luts: luts)
            // Every candidate's SQNR recomputed from the golden quantizer at its format and scale.
            func sqnr(_ c: WeightChoice) -> Double { TensorQuantizer(format: c.format, scale: c.quantizer.scale).errorStats(values).sqnrDB }
            #expect(meets && sqnr(choice) >= target, "target \(target): \(choice.format) \(sqnr(choice))")
            let cheaper = candidates.filter { luts($0.format) < luts(choice.format) && $0.family != .afp }
            #expect(cheaper.allSatisfy { sqnr($0) < target }, "a cheaper non-AFP candidate reaches \(target) dB")
        }
    }

    @Test func unreachableTargetTakesTheClosestAndSaysSo() throws {
        let values = weights(seed: 0x14_02, count: 300)
        let planner = LayerPlanner(widths: [4], families: [.int, .ausn], activation: try NumberFormat(parsing: "int8"), lambda: 1, sqnrTarget: 200)
        let candidates = try planner.candidates(values)
        let (choice, meets) = planner.choose(candidates, luts: luts)
        #expect(!meets)
        #expect(candidates.allSatisfy { $0.stats.sqnrDB <= choice.stats.sqnrDB })
    }

    @Test func integerChoiceIsAPowerOfTwoStepThatCoversTheRange() throws {
        let values = weights(seed: 0x14_03, count: 200)
        let c = try LayerPlanner.integerChoice(values, bits: 4, ties: .even)
        let top = values.map(abs).max()!
        let step = Double(sign: .plus, exponent: c.quantizer.scale, significand: 1)
        #expect(7 * step >= top && 7 * step / 2 < top, "step 2^\(c.quantizer.scale) for max \(top)")
    }

    /// The shift keeps the worst-case output (every activation at ±128 with the weight's sign) within
    /// int8's 127, and one more would not: checked on the golden requantizer; a planted shift + 1 saturates.
    @Test func requantShiftIsTheLeastThatNeverOverflows() throws {
        let values = weights(seed: 0x14_04, count: 12 * 5)
        let weight = try NumberFormat(parsing: "ausn-b3s2"), act = try NumberFormat(parsing: "int8"), out = try NumberFormat(parsing: "int8")
        let q = try TensorQuantizer.choose(format: weight, rule: .search, values: values)
        let codes = values.map { UInt64(q.code($0)) }
        let shift = try PlanRun.requantShift(codes: codes, k: 12, n: 5, weight: weight, activation: act, output: out, shiftBits: 8, layer: "t")
        var worst: Int64 = 0
        for n in 0..<5 {
            worst = max(worst, (0..<12).reduce(Int64(0)) { $0 + 128 * abs(weight.unitValueIfSmall(ofCode: codes[$1 * 5 + n])!) })
        }
        func fits(_ s: Int) -> Bool { Double(worst) * Double(sign: .plus, exponent: s, significand: 1) <= 127 }
        #expect(fits(shift) && !fits(shift + 1), "shift \(shift) for worst accumulator \(worst)")
        // On the golden requantizer: exact at the shift, saturated at the planted shift + 1.
        func requantized(_ s: Int) -> (got: Double, real: Double) {
            let code = Requantizer.requantize(worst, shift: s, to: out)
            return (Double(Int8(truncatingIfNeeded: code)), (Double(worst) * Double(sign: .plus, exponent: s, significand: 1)).rounded(.toNearestOrEven))
        }
        #expect(requantized(shift).got == requantized(shift).real)
        #expect(requantized(shift + 1).got != requantized(shift + 1).real, "planted: shift + 1 must saturate")
    }
}
