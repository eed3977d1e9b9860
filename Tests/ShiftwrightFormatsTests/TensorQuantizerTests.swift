import Foundation
import Testing
@testable import ShiftwrightFormats

/// Scale choice (§3.2, §4.4), the fast tensor quantizer against the exact one, and split search.
@Suite struct TensorQuantizerTests {
    @Test(arguments: [("afp-e3m2", 1.0, 7), ("afp-e2m1", 0.9, 3), ("afp-e4m3", 0.37, 17), ("afp-e3m3", 0.0731, 11)])
    func afpBiasFromSpecExamples(name: String, max: Double, bias: Int) throws {
        let f = try NumberFormat(parsing: name)
        #expect(ScaleChoice.noclip(format: f, max: max) == bias)
        #expect(ScaleChoice.paper(format: f, max: max) == bias)
        // Definition check: vmax(bias) ≥ max > vmax(bias + 1).
        #expect(f.maxValue(scale: bias) >= Dyadic(exactly: max)!)
        #expect(f.maxValue(scale: bias + 1) < Dyadic(exactly: max)!)
    }

    @Test func ausnTopRules() throws {
        let f = try NumberFormat(parsing: "ausn-b3s2")
        #expect(ScaleChoice.paper(format: f, max: 1.0) == -1)   // exact power of two: clipped (0.875)
        #expect(ScaleChoice.paper(format: f, max: 0.37) == -2)
        #expect(ScaleChoice.noclip(format: f, max: 1.0) == 0)   // 1.75 ≥ 1 > 0.875
        #expect(ScaleChoice.noclip(format: f, max: 0.37) == -2) // 0.4375 ≥ 0.37
        #expect(ScaleChoice.paper(format: f, max: 0) == 0)
        let values = [1.0, 0.8, -0.3, 0.7, -0.45, 0.005, 0.003]
        let range = try TensorRange(of: values)
        let chosen = ScaleChoice.choose(.search, format: f, values: values, range: range)
        let mses = [-2, -1, 0].map { TensorQuantizer(format: f, scale: $0).errorStats(values).mse }
        #expect(TensorQuantizer(format: f, scale: chosen).errorStats(values).mse == mses.min())
    }

    @Test func fastPathEqualsExactQuantizer() throws {
        var rng = SeededRandom(seed: 424242)
        let names = ["afp-e3m2", "afp-e0m5", "afp-e5m2", "uafp-e3m2", "afp-e8m7", "ausn-b3s2", "pot-b4", "ausn-b6s2",
                     "ausn-b3t2", "ausn-b2t3t2", "ausn-b4t4t4t3", "ausn-b1s8"]
        for name in names {
            let f = try NumberFormat(parsing: name)
            for scale in [-3, 7, 40] {
                for ties in TieRule.allCases {
                    for greedy in [false, true] {
                        let q = TensorQuantizer(format: f, scale: scale, ties: ties, greedy: greedy)
                        // Members, midpoints (ties) and random values around the range.
                        let set = q.valueSet
                        var xs: [Double] = []
                        for _ in 0 ..< 20 {
                            let i = Int.random(in: 0 ..< set.count - 1, using: &rng)
                            xs += [set[i], (set[i] + set[i + 1]) / 2, Double.random(in: set[i] ... set[i + 1], using: &rng)]
                        }
                        xs += [set.last! * 4, -set.last! * 4, 0, -0.0]
                        xs = xs.filter { $0.isFinite && Float($0).isFinite }
                        let fast = q.quantize(xs)
                        var floats = xs.map { Float($0) }
                        var fastF = [UInt32](repeating: 0, count: xs.count)
                        floats.withUnsafeMutableBufferPointer { inp in
                            fastF.withUnsafeMutableBufferPointer { q.quantize(UnsafeBufferPointer(inp), into: $0) }
                        }
                        for (k, x) in xs.enumerated() {
                            let exact = try f.quantize(x, scale: scale, ties: ties, greedy: greedy)
                            #expect(UInt64(fast[k]) == exact, "\(name) scale \(scale) \(ties) greedy \(greedy) x=\(x)")
                            let xf = Double(floats[k])
                            #expect(UInt64(fastF[k]) == (try f.quantize(xf, scale: scale, ties: ties, greedy: greedy)), "\(name) float x=\(xf)")
                            #expect(q.quantizedValue(x) == f.decode(exact, scale: scale).doubleValue)
                        }
                    }
                }
            }
        }
    }

    @Test func outOfDoubleRangeScalesTakeTheExactPath() throws {
        let f = try NumberFormat(parsing: "afp-e8m7")
        let q = TensorQuantizer(format: f, scale: 1100) // subnormals far below Double's range
        #expect(!q.exactInDouble)
        for x in [0.0, 1e-300, -0x1p-1030, 0x1p-1074, 1.0, -7.5] {
            #expect(UInt64(q.code(x)) == (try f.quantize(x, scale: 1100)), "x=\(x)")
        }
    }

    @Test func integerBaselineUsesSymmetricScale() throws {
        let f = try NumberFormat(parsing: "int4")
        let values = [0.875, -0.4375, 0.0625, -0.875, 0.3125]
        let step = TensorQuantizer.integerStep(format: f, range: try TensorRange(of: values))
        #expect(step == 0.125)
        let q = TensorQuantizer(format: f, integerStep: step)
        let codes = q.quantize(values)
        #expect(codes.map { Int(f.unitValueIfSmall(ofCode: UInt64($0))!) } == [7, -4, 0, -7, 2]) // −3.5 → −4 (even), 2.5 → 2
        let u = try NumberFormat(parsing: "uint2")
        let uq = TensorQuantizer(format: u, integerStep: 1)
        #expect(uq.quantize([-1, 5, 1.5]) == [0, 3, 2])
    }

    @Test func errorTermsMatchTheirDefinitions() throws {
        let f = try NumberFormat(parsing: "ausn-b3s2")
        let values = [1.0, 0.8, -0.3, 2.0, -0.45]
        let q = TensorQuantizer(format: f, scale: -1)
        let s = q.errorStats(values)
        // R = 0.875; clipped: 1.0 and 2.0 → 1·0.125 + 2·1.125; rounded: 0.8→0.75, −0.3→−0.3125, −0.45→−0.4375
        #expect(abs(s.clipError - (0.125 + 2.25)) < 1e-15)
        #expect(abs(s.roundError - (0.8 * 0.05 + 0.3 * 0.0125 + 0.45 * 0.0125)) < 1e-15)
        let mse = (0.125 * 0.125 + 0.05 * 0.05 + 0.0125 * 0.0125 + 1.125 * 1.125 + 0.0125 * 0.0125) / 5
        #expect(abs(s.mse - mse) < 1e-15)
    }

    @Test func splitSearchRanksByItsObjectives() throws {
        var rng = SeededRandom(seed: 77)
        let values = (0 ..< 4000).map { _ in
            // Laplace-like weights.
            let u = Double.random(in: -0.5 ..< 0.5, using: &rng)
            return -0.05 * (u < 0 ? -1 : 1) * log(1 - 2 * abs(u))
        }
        let afp = try SplitSearch.rankAFP(values, width: 6, lambda: 0)
        #expect(afp.count == 6) // E = 0..5
        #expect(afp.map(\.score) == afp.map(\.score).sorted())
        #expect(afp.allSatisfy { $0.stats.clipError == 0 })
        #expect(afp[0].stats.mse == afp.map(\.stats.mse).min())
        let costly = try SplitSearch.rankAFP(values, width: 6, lambda: 2)
        #expect(costly[0].score == costly.map { pow($0.cost!, 2) * $0.stats.mse }.min())
        let ausn = try SplitSearch.rankAUSN(values, width: 6)
        #expect(ausn.count == 5 * 3) // B = 1..5, three tops each
        #expect(ausn[0].score == ausn.map { $0.stats.clipError + $0.stats.roundError }.min())
        let base = try SplitSearch.baselines(values, width: 6)
        #expect(base.map(\.format.name) == ["int6", "pot-b5"])
        #expect(SplitSearch.afpCost(exponentBits: 3, mantissaBits: 2) == 8 + 2 + 3 + 9)
        #expect(throws: FormatError.self) { try SplitSearch.rankAFP([], width: 6) }
        #expect(throws: FormatError.self) { try SplitSearch.rankAFP([.nan], width: 6) }
    }
}
