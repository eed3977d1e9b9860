import BigInt
import Foundation
@testable import ShiftwrightFormats

/// Test-only exact rational n · 2^e, written independently of the module's `Dyadic`.
struct Exact: Comparable {
    var n: BigInt
    var e: Int

    init(_ n: BigInt, _ e: Int) { self.n = n; self.e = e }

    /// From a finite Double, through its bit pattern.
    init(_ x: Double) {
        let bits = x.bitPattern
        let biased = Int((bits >> 52) & 0x7FF)
        let frac = bits & ((1 << 52) - 1)
        let sig = biased == 0 ? BigInt(frac) : BigInt(frac | (1 << 52))
        n = (bits >> 63) == 1 ? -sig : sig
        e = (biased == 0 ? 1 : biased) - 1075
    }

    static func align(_ a: Exact, _ b: Exact) -> (BigInt, BigInt) {
        let e = min(a.e, b.e)
        return (a.n << (a.e - e), b.n << (b.e - e))
    }
    static func < (a: Exact, b: Exact) -> Bool { let (x, y) = align(a, b); return x < y }
    static func == (a: Exact, b: Exact) -> Bool { let (x, y) = align(a, b); return x == y }
    static func - (a: Exact, b: Exact) -> Exact { let (x, y) = align(a, b); return Exact(x - y, min(a.e, b.e)) }
    var abs: Exact { Exact(BigInt(n.magnitude), e) }
    var isZero: Bool { n.isZero }

    func equals(_ d: Dyadic) -> Bool { self == Exact(d.significand, d.exponent) }
}

/// Independent decoders straight from the spec's formulas (§3.1, §4.2, §4.3), in Double (exact for
/// the small formats and scales used in tests), and brute-force nearest over all codes.
enum Oracle {
    static func field(_ code: UInt64, _ shift: Int, _ width: Int) -> Int {
        Int((code >> UInt64(shift)) & ((1 << UInt64(width)) - 1))
    }

    /// Value of a code at `scale` (AFP bias / AUSN top; int: the integer itself).
    static func value(_ f: NumberFormat, _ code: UInt64, scale: Int) -> Double {
        let w = f.codeWidth
        switch f.kind {
        case .int(let n):
            let c = Int64(code & ((1 << UInt64(n)) - 1))
            return Double(c >= (1 << Int64(n - 1)) ? c - (1 << Int64(n)) : c)
        case .uint(let n):
            return Double(code & ((1 << UInt64(n)) - 1))
        case .afp(let e, let m, let signed):
            let s = signed ? field(code, w - 1, 1) : 0
            let fe = field(code, m, e), mm = field(code, 0, m)
            let mag = fe >= 1 ? scalbn(1 + Double(mm) / Double(1 << m), fe - scale) : scalbn(Double(mm) / Double(1 << m), 1 - scale)
            return s == 1 ? -mag : mag
        case .ausn(let b, let sBits):
            let s = field(code, w - 1, 1), a = field(code, sBits, b), k = field(code, 0, sBits)
            if a == 0 { return 0 }
            let mag = scalbn(1 + Double(k) / Double(1 << sBits), scale + 1 - a)
            return s == 1 ? -mag : mag
        case .ausnTiers(let b, let tiers):
            let total = tiers.reduce(0, +)
            let s = field(code, w - 1, 1), a = field(code, total, b)
            if a == 0 { return 0 }
            var term = scalbn(1.0, scale + 1 - a), sum = term, shift = total
            for t in tiers {
                shift -= t
                let q = field(code, shift, t)
                if q == 0 { break }
                term = scalbn(term, -q)
                sum += term
            }
            return s == 1 ? -sum : sum
        }
    }

    /// Canonical codes: the ones an encoder may emit (no −0, no garbage after a zero field).
    static func isCanonical(_ f: NumberFormat, _ code: UInt64) -> Bool {
        let w = f.codeWidth
        switch f.kind {
        case .int, .uint: return true
        case .afp(_, _, let signed):
            return !(signed && code == UInt64(1) << UInt64(w - 1))
        case .ausn(let b, let s):
            return field(code, s, b) != 0 || code == 0
        case .ausnTiers(let b, let tiers):
            let total = tiers.reduce(0, +)
            if field(code, total, b) == 0 { return code == 0 }
            var shift = total, ended = false
            for t in tiers {
                shift -= t
                let q = field(code, shift, t)
                if ended && q != 0 { return false }
                if q == 0 { ended = true }
            }
            return true
        }
    }

    /// All canonical (code, exact value) pairs of a format at a scale.
    static func values(_ f: NumberFormat, scale: Int) -> [(UInt64, Exact)] {
        f.allCodes.filter { isCanonical(f, $0) }.map { ($0, Exact(value(f, $0, scale: scale))) }
    }
}

/// Seeded generator (SplitMix64) so that random tests are reproducible; the seed is printed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed; print("random seed: \(seed)") }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every format of docs/arithmetic.md §1 with at most `maxWidth` code bits.
func allFormats(maxWidth: Int) -> [NumberFormat] {
    var out: [NumberFormat] = []
    for n in 1 ... maxWidth {
        if let f = try? NumberFormat(parsing: "int\(n)") { out.append(f) }
        if let f = try? NumberFormat(parsing: "uint\(n)") { out.append(f) }
    }
    for e in 0 ... 8 { for m in 0 ... 10 {
        if let f = try? NumberFormat(parsing: "afp-e\(e)m\(m)"), f.codeWidth <= maxWidth { out.append(f) }
        if let f = try? NumberFormat(parsing: "uafp-e\(e)m\(m)"), f.codeWidth <= maxWidth { out.append(f) }
    } }
    for b in 1 ... 6 {
        for s in 0 ... 8 { if let f = try? NumberFormat(parsing: "ausn-b\(b)s\(s)"), f.codeWidth <= maxWidth { out.append(f) } }
        var tierLists: [[Int]] = [[]]
        for _ in 1 ... 4 { tierLists = tierLists + tierLists.filter { $0.count < 4 }.flatMap { l in (1 ... 4).map { l + [$0] } } }
        for tiers in Set(tierLists.filter { !$0.isEmpty }.map { $0 }) where 1 + b + tiers.reduce(0, +) <= maxWidth {
            if let f = try? NumberFormat(parsing: "ausn-b\(b)" + tiers.map { "t\($0)" }.joined()) { out.append(f) }
        }
    }
    return out
}

/// A value set brought to one common exponent so that brute force is plain integer arithmetic
/// (Int64 when everything fits, BigInt otherwise).
struct Grid {
    let codes: [UInt64]
    let exponent: Int
    let big: [BigInt]
    let small: [Int64]?

    init(_ values: [(UInt64, Exact)], lowestExponent: Int) {
        codes = values.map(\.0)
        exponent = min(lowestExponent, values.map { $0.1.isZero ? Int.max : $0.1.e }.min() ?? 0)
        let e = exponent
        big = values.map { $0.1.n << ($0.1.e - e) }
        small = big.allSatisfy { $0.magnitude.bitWidth <= 60 } ? big.map { Int64($0) } : nil
    }

    func scaled(_ x: Exact) -> BigInt { x.n << (x.e - exponent) }

    func nearest(_ x: Exact, ties: TieRule) -> UInt64 {
        let X = scaled(x)
        if let small, X.magnitude.bitWidth <= 60 {
            return Self.pick(Int64(X), small, codes, ties)
        }
        return Self.pick(X, big, codes, ties)
    }

    static func pick<T: BinaryInteger>(_ x: T, _ vals: [T], _ codes: [UInt64], _ ties: TieRule) -> UInt64 {
        var best: T? = nil
        var cands: [Int] = []
        for i in vals.indices {
            let d = x > vals[i] ? x - vals[i] : vals[i] - x
            if best == nil || d < best! { best = d; cands = [i] } else if d == best! { cands.append(i) }
        }
        if cands.count == 1 { return codes[cands[0]] }
        precondition(cands.count == 2, "more than two nearest codes")
        let m0 = vals[cands[0]].magnitude, m1 = vals[cands[1]].magnitude
        let (lo, hi) = m0 < m1 ? (codes[cands[0]], codes[cands[1]]) : (codes[cands[1]], codes[cands[0]])
        if ties == .smaller { return lo }
        return (hi & 1 == 0 && lo & 1 == 1) ? hi : lo
    }

    func floor(_ x: Exact, signBit: UInt64) -> UInt64 {
        let X = scaled(x)
        let ax = BigInt(X.magnitude)
        var best: (UInt64, BigInt)? = nil
        for (c, v) in zip(codes, big) where v.sign != .minus && v <= ax {
            if best == nil || best!.1 < v { best = (c, v) }
        }
        let c = best!.0
        return (X.sign == .minus && c != 0) ? c | signBit : c
    }
}
