import BigInt

/// Exact rounding of a non-negative dyadic magnitude `acc · 2^shift` (in a format's units) onto a
/// value set: the nearest member (§3.3, §4.5 ties, saturation at the top) or, for AUSN `greedy`,
/// the largest member not above it (Algorithm 1 truncates toward zero). Shared by the quantizer
/// and the requantizer so both round identically.
enum Rounding {
    /// Index into `table` of the member chosen for `acc · 2^shift`, acc ≥ 0.
    static func index(_ acc: BigInt, shift: Int, table: MagnitudeTable, ties: TieRule, greedy: Bool) -> Int {
        let n = table.units.count
        if acc.isZero || n == 1 { return 0 }
        let maxWidth = table.units[n - 1].bitWidth
        // Far outside the table: nothing to compare (also keeps shifts bounded).
        if shift + acc.bitWidth > maxWidth + 2 { return n - 1 }
        if shift + acc.bitWidth < -2 { return 0 } // value < 1/4 and every non-zero member ≥ 1
        // compare(x, y): sign of acc·2^shift·2^k − y·2^j for the chosen pair, exactly.
        func compare(twice: Bool, _ y: BigInt) -> Int {
            let t = shift + (twice ? 1 : 0)
            let lhs = t >= 0 ? acc << t : acc
            let rhs = t >= 0 ? y : y << -t
            return lhs < rhs ? -1 : (lhs == rhs ? 0 : 1)
        }
        if greedy {
            // Largest i with units[i] ≤ value.
            var lo = 0, hi = n - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if compare(twice: false, table.units[mid]) >= 0 { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        // First i in 0..<n-1 with 2·value ≤ units[i] + units[i+1]; n-1 when none (saturation).
        var lo = 0, hi = n - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(twice: true, table.units[mid] + table.units[mid + 1]) <= 0 { hi = mid } else { lo = mid + 1 }
        }
        if lo < n - 1, compare(twice: true, table.units[lo] + table.units[lo + 1]) == 0, table.tieGoesUp(lo, ties: ties) {
            return lo + 1
        }
        return lo
    }

    /// Allocation-free variant for Int64 accumulators; nil when the table is not small or acc's
    /// magnitude does not fit (the caller then takes the BigInt path, which gives the same answer).
    static func index(_ acc: Int64, shift: Int, table: MagnitudeTable, ties: TieRule, greedy: Bool) -> Int? {
        guard let units = table.smallUnits, acc != Int64.min else { return nil }
        let a = acc.magnitude
        let n = units.count
        if a == 0 || n == 1 { return 0 }
        let accWidth = 64 - a.leadingZeroBitCount
        let maxWidth = 64 - UInt64(units[n - 1]).leadingZeroBitCount
        if shift + accWidth > maxWidth + 2 { return n - 1 }
        if shift + accWidth < -2 { return 0 }
        // sign of a·2^t − y for y ≥ 0, exactly, without overflow (|t| is bounded by the checks above).
        func compare(_ t: Int, _ y: UInt64) -> Int {
            if t >= 0 {
                let lhs = a << UInt64(t) // fits: accWidth + t ≤ maxWidth + 3 ≤ 65 → guarded below
                return lhs < y ? -1 : (lhs == y ? 0 : 1)
            }
            let k = UInt64(-t)
            let q = k >= 64 ? 0 : a >> k
            let r = k >= 64 ? a : a & ((1 << k) - 1)
            if q != y { return q < y ? -1 : 1 }
            return r == 0 ? 0 : 1
        }
        // accWidth + shift + 1 ≤ maxWidth + 3 ≤ 65 could overflow a << t: fall back for that corner.
        if shift + 1 >= 0 && accWidth + shift + 1 > 63 { return nil }
        if greedy {
            var lo = 0, hi = n - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if compare(shift, UInt64(units[mid])) >= 0 { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        var lo = 0, hi = n - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(shift + 1, UInt64(units[mid] + units[mid + 1])) <= 0 { hi = mid } else { lo = mid + 1 }
        }
        if lo < n - 1, compare(shift + 1, UInt64(units[lo] + units[lo + 1])) == 0, table.tieGoesUp(lo, ties: ties) {
            return lo + 1
        }
        return lo
    }

    /// Integer rounding of `acc · 2^shift` (any sign) with the tie rule, before clamping: the
    /// result's magnitude is rounded, so `even` is round half to even and `smaller` half toward 0.
    static func roundToInteger(_ acc: BigInt, shift: Int, ties: TieRule, limit: Int) -> BigInt {
        if acc.isZero { return 0 }
        let negative = acc.sign == .minus
        let a = BigInt(acc.magnitude)
        var r: BigInt
        if shift >= 0 {
            r = shift + a.bitWidth > limit + 2 ? BigInt(1) << (limit + 2) : a << shift
        } else if -shift > a.bitWidth + 1 {
            r = 0
        } else {
            let k = -shift
            let q = a >> k
            let rem = a - (q << k)
            let half = BigInt(1) << (k - 1)
            r = q
            if rem > half || (rem == half && ties == .even && q.magnitude.trailingZeroBitCount == 0 && !q.isZero) {
                r = q + 1
            }
        }
        return negative ? -r : r
    }
}
