import BigInt
import Testing
@testable import ShiftwrightFormats

/// Properties over every code of every format up to 10 bits, against the independent decoders
/// and brute force of `Oracle`.
@Suite struct CodePropertyTests {
    static let formats = allFormats(maxWidth: 10)

    func scale(for f: NumberFormat) -> Int {
        switch f.kind {
        case .afp(let e, _, _): return (1 << e) / 2 // keeps every value well inside Double's range
        case .ausn, .ausnTiers: return 3
        default: return 0
        }
    }

    @Test func decodeMatchesSpecFormulasAndUnits() {
        for f in Self.formats {
            let s = scale(for: f)
            for c in f.allCodes {
                let ref = Exact(Oracle.value(f, c, scale: s))
                #expect(ref.equals(f.decode(c, scale: s)), "\(f) code \(c)")
                let u = f.unitValue(ofCode: c)
                if let small = f.unitValueIfSmall(ofCode: c) {
                    #expect(BigInt(small) == u, "\(f) code \(c)")
                } else {
                    #expect(Int64(exactly: u) == nil, "\(f) code \(c) fits Int64 but was not returned")
                }
            }
            let maxRef = f.allCodes.map { BigInt(f.unitValue(ofCode: $0).magnitude) }.max()
            #expect(maxRef == f.maxUnitMagnitude, "\(f)")
        }
    }

    @Test func encodeDecodeIdentity() {
        for f in Self.formats {
            let s = scale(for: f)
            for c in f.allCodes {
                let canonical = Oracle.isCanonical(f, c)
                let encoded = f.encode(f.decode(c, scale: s), scale: s)
                if canonical {
                    #expect(encoded == c, "\(f) code \(c)")
                } else {
                    // Non-canonical codes (−0, a = 0 with other bits, bits after a zero tier)
                    // encode to the canonical code of the same value.
                    #expect(encoded.map { f.decode($0, scale: s) } == f.decode(c, scale: s), "\(f) code \(c)")
                    #expect(encoded.map { Oracle.isCanonical(f, $0) } == true, "\(f) code \(c)")
                }
            }
        }
    }

    @Test func afpMagnitudeCodesAreMonotone() {
        for f in Self.formats {
            guard case .afp(let e, let m, _) = f.kind else { continue }
            var previous = BigInt(-1)
            for c in 0 ..< (UInt64(1) << UInt64(e + m)) {
                let u = f.unitValue(ofCode: c)
                #expect(u > previous, "\(f) magnitude code \(c)")
                previous = u
            }
        }
    }

    /// Quantize returns a member of the value set and no member is nearer (exact brute force),
    /// for random values, exact members and exact midpoints (the ties), and beyond the range.
    @Test func quantizeIsNearestMember() throws {
        var rng = SeededRandom(seed: 20261123)
        for f in Self.formats {
            let s = scale(for: f)
            let values = Oracle.values(f, scale: s)
            // Probes live on the grid of half the finest spacing, so midpoints are exact.
            let probe0 = Grid(values, lowestExponent: Int.max)
            let grid = Grid(values, lowestExponent: probe0.exponent - 1)
            let sorted = (grid.small.map { $0.map { BigInt($0) } } ?? grid.big).sorted()
            var probes: [BigInt] = []
            let count = f.codeWidth <= 6 ? 16 : 6
            for _ in 0 ..< count {
                let i = Int.random(in: 0 ..< sorted.count - 1, using: &rng)
                let lo = sorted[i], hi = sorted[i + 1]
                probes.append((lo + hi) / 2)                   // a tie
                probes.append(lo)                              // a member
                let span = Int64(clamping: hi - lo)
                probes.append(lo + BigInt(Int64.random(in: 0 ... span, using: &rng)))
            }
            let top = sorted.last!
            probes += [top + top / 2 + 1, -(top * 3), 0]
            for p in probes {
                let x = Exact(p, grid.exponent)
                let d = Dyadic(p, exponent: grid.exponent)
                for ties in TieRule.allCases {
                    let expected = grid.nearest(x, ties: ties)
                    let got = f.quantize(d, scale: f.isInteger ? 0 : s, ties: ties)
                    #expect(got == expected, "\(f) x=\(d) ties=\(ties)")
                }
                if f.isAUSN {
                    #expect(f.quantize(d, scale: s, greedy: true) == grid.floor(x, signBit: f.signBit), "\(f) greedy x=\(d)")
                }
            }
        }
    }
}
