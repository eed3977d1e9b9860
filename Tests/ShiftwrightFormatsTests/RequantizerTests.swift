import BigInt
import Testing
@testable import ShiftwrightFormats

/// §6.2 requantization against brute force over all target codes (exact comparisons), and the
/// cycle-level PE reference.
@Suite struct RequantizerTests {
    @Test func randomAccumulatorsMatchBruteForce() {
        var rng = SeededRandom(seed: 5_2_2026)
        let targets = allFormats(maxWidth: 9).filter { f in
            // every family, a manageable number of targets
            if case .ausnTiers = f.kind { return f.codeWidth <= 7 }
            return true
        }
        for f in targets {
            // Values in units: the target's grid at scale "units" (unitExponent 0).
            let units: [(UInt64, Exact)] = f.allCodes.filter { Oracle.isCanonical(f, $0) }
                .map { ($0, Exact(f.unitValue(ofCode: $0), 0)) }
            let maxBits = f.maxUnitMagnitude.bitWidth
            for _ in 0 ..< 24 {
                let accBits = Int.random(in: 1 ... 40, using: &rng)
                var acc = Int64.random(in: 0 ..< (Int64(1) << Int64(accBits)), using: &rng)
                if Bool.random(using: &rng) { acc = -acc }
                let shift = Int.random(in: (-accBits - 2) ... (maxBits + 2 - accBits), using: &rng)
                let x = Exact(BigInt(acc), shift)
                let grid = Grid(units, lowestExponent: min(shift, 0))
                for ties in TieRule.allCases {
                    var expected = grid.nearest(x, ties: ties)
                    if case .int(let n) = f.kind { expected &= (1 << UInt64(n)) - 1 }
                    let big = Requantizer.requantize(BigInt(acc), shift: shift, to: f, ties: ties)
                    let small = Requantizer.requantize(acc, shift: shift, to: f, ties: ties)
                    #expect(PreparedRequantizer(target: f, ties: ties).requantize(acc, shift: shift) == expected)
                    #expect(big == expected, "\(f) acc=\(acc) shift=\(shift) ties=\(ties)")
                    #expect(small == expected, "\(f) Int64 acc=\(acc) shift=\(shift) ties=\(ties)")
                }
            }
        }
    }

    @Test func intUsesFullTwosComplementRangeAndSaturates() throws {
        let i8 = try NumberFormat(parsing: "int8")
        #expect(Requantizer.requantize(Int64(-1000), shift: 0, to: i8) == 0x80)
        #expect(Requantizer.requantize(Int64(1000), shift: 0, to: i8) == 0x7F)
        #expect(Requantizer.requantize(Int64(5), shift: -1, to: i8) == 2)          // 2.5 → 2 (even)
        #expect(Requantizer.requantize(Int64(7), shift: -1, to: i8) == 4)          // 3.5 → 4
        #expect(Requantizer.requantize(Int64(-5), shift: -1, to: i8) == 0xFE)      // −2.5 → −2
        #expect(Requantizer.requantize(Int64(7), shift: -1, to: i8, ties: .smaller) == 3)
        let u4 = try NumberFormat(parsing: "uint4")
        #expect(Requantizer.requantize(Int64(-9), shift: 0, to: u4) == 0)
        #expect(Requantizer.requantize(Int64(99), shift: 0, to: u4) == 15)
    }

    @Test func integerScaleIsAPowerOfTwoStepEverywhere() throws {
        let i8 = try NumberFormat(parsing: "int8")
        let c = try i8.quantize(20.0, scale: 3)            // 20 / 8 = 2.5 → 2 (even)
        #expect(c == 2)
        #expect(i8.decode(c, scale: 3) == Dyadic(16))
        #expect(i8.encode(Dyadic(24), scale: 3) == 3)
        #expect(i8.encode(Dyadic(20), scale: 3) == nil)
        #expect(i8.maxValue(scale: 3) == Dyadic(1024))     // |−128| · 8
        #expect(i8.unitExponent(scale: 3) == 0)
    }

    @Test func extremeShiftsAndZero() throws {
        let f = try NumberFormat(parsing: "afp-e3m2")
        let maxCode: UInt64 = 0b011111
        #expect(Requantizer.requantize(BigInt(1), shift: 10_000, to: f) == maxCode)
        #expect(Requantizer.requantize(BigInt(-1), shift: 10_000, to: f) == maxCode | 0b100000)
        #expect(Requantizer.requantize(BigInt(12345), shift: -10_000, to: f) == 0)
        #expect(Requantizer.requantize(BigInt(-12345), shift: -10_000, to: f) == 0) // canonical zero
        #expect(Requantizer.requantize(Int64.min, shift: -70, to: f) == Requantizer.requantize(BigInt(Int64.min), shift: -70, to: f))
        let u = try NumberFormat(parsing: "uafp-e2m2")
        #expect(Requantizer.requantize(Int64(-5), shift: 0, to: u) == 0)
        let big = try NumberFormat(parsing: "afp-e8m7")
        #expect(big.unitValueIfSmall(ofCode: 0x7FFF) == nil)
        #expect(Requantizer.requantize(big.unitValue(ofCode: 0x7FFF), shift: 0, to: big) == 0x7FFF)
        #expect(Requantizer.requantize(big.unitValue(ofCode: 0x7FFF) * 3, shift: -1, to: big) == 0x7FFF)
    }

    @Test func referencePEFollowsTheClockRules() throws {
        let a = try NumberFormat(parsing: "afp-e3m2"), w = try NumberFormat(parsing: "ausn-b3s2")
        var pe = ReferencePE(activation: a, weight: w)
        let p1 = ReferencePE.product(0b011010, 0b001110, activation: a, weight: w)
        // afp 0|110|10: σ·2^(f*−1) = 6·2^5 = 192; ausn 0|011|10: (2^2+2)·2^(7−3) = 96 → 18432.
        #expect(p1 == 18432)
        #expect(p1 == a.unitValue(ofCode: 0b011010) * w.unitValue(ofCode: 0b001110))
        #expect(pe.step(actCode: 0b011010, weightCode: 0b001110, enable: true, clear: false) == 18432)
        #expect(pe.step(actCode: 0b011010, weightCode: 0b001110, enable: true, clear: false) == 36864)
        #expect(pe.step(actCode: 0b111010, weightCode: 0b001110, enable: false, clear: false) == 36864)
        #expect(pe.step(actCode: 0b111010, weightCode: 0b001110, enable: true, clear: false) == 18432)
        #expect(pe.step(actCode: 0b011010, weightCode: 0b001110, enable: true, clear: true) == 18432)
        #expect(pe.step(actCode: 0b011010, weightCode: 0b001110, enable: false, clear: true) == 0)
        #expect(pe.accumulator == 0)
        // The product is exact relative to the product of the scales.
        let va = a.decode(0b011010, scale: 7), vw = w.decode(0b001110, scale: -1)
        #expect(va * vw == Dyadic(p1, exponent: a.unitExponent(scale: 7) + w.unitExponent(scale: -1)))
    }
}
