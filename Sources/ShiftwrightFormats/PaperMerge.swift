import BigInt

/// The AUSN paper's four-scenario rounding of a sum of power-of-two terms (its §5.1; docs/arithmetic.md §6.2,
/// §8), kept for comparison with the §6.2 requantizer. It is not round-to-nearest and can
/// leave the target grid (39 → 40 with one subdivision term). The paper leaves `rest` and the
/// step conditions undefined; the reading implemented here:
///  1. equal terms merge, 2^i + 2^i = 2^(i+1), until all terms are distinct;
///  2. at most 1 + B_sub terms: the sum is kept as it is;
///  3. otherwise the 1 + B_sub − 1 = B_sub largest terms are kept (for B_sub = 1 just the largest)
///     and `rest`, the sum of the other terms, lies in [2^j, 2^(j+1)): it becomes 2^j when
///     rest ≤ 1.5·2^j (scenario 3, truncation; an exact half goes down)…
///  4. …and 2^(j+1) when rest > 1.5·2^j (scenario 4, the nearer option), after which equal terms
///     merge again (16 + 15 → 16 + 16 → 32).
/// Example: 412 = 2²+2³+2⁴+2⁶+2⁶+2⁸ → 2⁸+2⁷+2⁴+2³+2² → 2⁸ + round(156) = 2⁸ + 2⁷ = 384.
public enum PaperMerge {
    /// Which steps a merge went through.
    public enum Scenario: String, Sendable, Hashable {
        case mergedEqualTerms, fitsAlready, restTruncated, restRoundedUp
    }

    /// The outcome: the merged terms (exponents, largest first), their exact sum, the scenarios.
    public struct Result: Sendable, Hashable {
        public let terms: [Int]
        public let value: Dyadic
        public let scenarios: [Scenario]
    }

    /// Merges a list of power-of-two terms, given by their exponents, keeping at most
    /// 1 + `subdivisionTerms` terms.
    public static func merge(terms: [Int], subdivisionTerms: Int) -> Result {
        var scenarios: [Scenario] = []
        var current = distinct(terms, scenarios: &scenarios)
        let keep = 1 + max(0, subdivisionTerms)
        if current.count <= keep {
            scenarios.append(.fitsAlready)
        } else {
            let kept = Array(current.prefix(max(1, keep - 1)))
            let restTerms = Array(current.dropFirst(kept.count))
            let j = restTerms[0]
            let restValue = restTerms.reduce(Dyadic.zero) { $0 + Dyadic(1, exponent: $1) }
            let threshold = Dyadic(3, exponent: j - 1)
            let rounded: Int
            if restValue <= threshold {
                rounded = j
                scenarios.append(.restTruncated)
            } else {
                rounded = j + 1
                scenarios.append(.restRoundedUp)
            }
            current = distinct(kept + [rounded], scenarios: &scenarios)
        }
        let value = current.reduce(Dyadic.zero) { $0 + Dyadic(1, exponent: $1) }
        return Result(terms: current, value: value, scenarios: scenarios)
    }

    /// Merges an integer accumulator (its set bits are the terms); the sign is kept aside.
    public static func merge(_ value: BigInt, subdivisionTerms: Int) -> BigInt {
        let magnitude = value.magnitude
        var terms: [Int] = []
        for i in stride(from: magnitude.bitWidth - 1, through: 0, by: -1) where (magnitude >> i) & 1 == 1 {
            terms.append(i)
        }
        let merged = merge(terms: terms, subdivisionTerms: subdivisionTerms).value
        let result = merged.significand << merged.exponent // terms ≥ 0, so exponent ≥ 0
        return value.sign == .minus ? -result : result
    }

    /// Carries equal terms upward until all are distinct; returns them largest first.
    private static func distinct(_ terms: [Int], scenarios: inout [Scenario]) -> [Int] {
        var counts: [Int: Int] = [:]
        for t in terms { counts[t, default: 0] += 1 }
        var merged = false
        var exponent = counts.keys.min() ?? 0
        let top = (counts.keys.max() ?? 0) + terms.count.bitWidth
        while exponent <= top {
            let n = counts[exponent, default: 0]
            if n > 1 {
                merged = true
                counts[exponent + 1, default: 0] += n / 2
                counts[exponent] = n % 2
            }
            exponent += 1
        }
        if merged && scenarios.last != .mergedEqualTerms { scenarios.append(.mergedEqualTerms) }
        return counts.filter { $0.value == 1 }.keys.sorted(by: >)
    }
}

/// The AUSN paper's merge (see `PaperMerge`): 412 → 384 with one subdivision term.
public func paperMerge(_ value: BigInt, subdivisionTerms: Int) -> BigInt {
    PaperMerge.merge(value, subdivisionTerms: subdivisionTerms)
}
