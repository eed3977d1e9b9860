/// How a tensor's power-of-two scale (AFP bias, AUSN top) is chosen (docs/arithmetic.md §3.2, §4.4).
public enum ScaleRule: Sendable, Hashable, CustomStringConvertible {
    /// AUSN: the paper's Eq. 1, top = ceil(log2 max|x|) − 1. AFP: §3.2 (same as `noclip`).
    case paper
    /// The scale whose largest value just covers max|x| (AFP §3.2; AUSN §4.4 `noclip`).
    case noclip
    /// The least-MSE scale among {rule − 1, rule, rule + 1} around `paper` (AUSN §4.4); for AFP
    /// around the §3.2 bias (a decision of this model: the spec defines `search` for AUSN only).
    case search
    /// A given bias / top; values beyond the largest saturate.
    case explicit(Int)

    /// Parses `paper`, `noclip`, `search` or an integer.
    public init(parsing text: String) throws {
        switch text {
        case "paper": self = .paper
        case "noclip": self = .noclip
        case "search": self = .search
        default:
            guard let n = Int(text), n.magnitude <= 100_000 else {
                throw FormatError("bad scale '\(text)': expected paper, noclip, search or an integer bias/top")
            }
            self = .explicit(n)
        }
    }

    public var description: String {
        switch self {
        case .paper: return "paper"
        case .noclip: return "noclip"
        case .search: return "search"
        case .explicit(let n): return String(n)
        }
    }
}

/// The scale choices of docs/arithmetic.md §3.2 and §4.4, computed exactly from max|x|.
public enum ScaleChoice {
    /// AFP §3.2 / AUSN `noclip`: the scale s with the smallest unit such that maxValue(s) ≥ m
    /// (AFP: the largest bias; AUSN: the smallest top). m = 0 gives 0.
    public static func noclip(format: NumberFormat, max m: Double) -> Int {
        guard m > 0, !format.isInteger, let target = Dyadic(exactly: m) else { return 0 }
        let unitLog = format.maxUnitMagnitude.bitWidth - 1
        // unitExponent is affine in the scale with slope ±1; start where 2^(unitLog + unitExp) ≈ m.
        let slope = format.unitExponent(scale: 1) - format.unitExponent(scale: 0)
        let wantedUnitExp = Int(m.exponent) - unitLog
        var s = (wantedUnitExp - format.unitExponent(scale: 0)) * slope
        // Move to the finest unit that still covers m (a couple of steps at most).
        while format.maxValue(scale: s) < target { s += slope }
        while format.maxValue(scale: s - slope) >= target { s -= slope }
        return s
    }

    /// AUSN §4.4 `paper`: top = ceil(log2 m) − 1 (0 for m = 0). For AFP this is `noclip` (§3.2).
    public static func paper(format: NumberFormat, max m: Double) -> Int {
        guard format.isAUSN else { return noclip(format: format, max: m) }
        guard m > 0 else { return 0 }
        let e = Int(m.exponent)
        let ceilLog2 = m.significand == 1 ? e : e + 1
        return ceilLog2 - 1
    }

    /// The scale for a tensor under a rule; `search` quantizes the tensor at each candidate and
    /// keeps the least MSE (on a tie the earlier of paper, paper − 1, paper + 1).
    public static func choose(_ rule: ScaleRule, format: NumberFormat, values: [Double], range: TensorRange,
                              ties: TieRule = .even, greedy: Bool = false) -> Int {
        let m = format.isSigned ? range.maxMagnitude : range.maxPositive
        switch rule {
        case .explicit(let s): return s
        case .noclip: return noclip(format: format, max: m)
        case .paper: return paper(format: format, max: m)
        case .search:
            let center = paper(format: format, max: m)
            var best = center, bestMSE = Double.infinity
            for s in [center, center - 1, center + 1] {
                let q = TensorQuantizer(format: format, scale: s, ties: ties, greedy: greedy)
                let mse = q.errorStats(values).mse
                if mse < bestMSE { best = s; bestMSE = mse }
            }
            return best
        }
    }
}
