import BigInt

/// A matrix product in codes: X (M×K activation codes, row-major), W (K×N weight codes,
/// row-major), the requantization `shift` and the output format (docs/arithmetic.md §6.4).
public struct GemmProblem: Sendable, Equatable {
    public let activation: NumberFormat
    public let weight: NumberFormat
    public let target: NumberFormat
    public let ties: TieRule
    public let shift: Int
    public let m: Int, k: Int, n: Int
    /// M×K activation codes, row-major.
    public let x: [UInt64]
    /// K×N weight codes, row-major.
    public let w: [UInt64]

    public init(activation: NumberFormat, weight: NumberFormat, target: NumberFormat, ties: TieRule = .even,
                shift: Int, m: Int, k: Int, n: Int, x: [UInt64], w: [UInt64]) throws {
        guard m >= 1, k >= 1, n >= 1 else { throw FormatError("GEMM sizes must be positive, got M=\(m) K=\(k) N=\(n)") }
        guard x.count == m * k else { throw FormatError("X holds \(x.count) codes, expected M×K = \(m * k)") }
        guard w.count == k * n else { throw FormatError("W holds \(w.count) codes, expected K×N = \(k * n)") }
        (self.activation, self.weight, self.target, self.ties, self.shift) = (activation, weight, target, ties, shift)
        (self.m, self.k, self.n, self.x, self.w) = (m, k, n, x.map { $0 & activation.codeMask }, w.map { $0 & weight.codeMask })
    }

    /// Random codes for every element (seeded), for tests and `verify array` without tensors.
    public static func random(activation: NumberFormat, weight: NumberFormat, target: NumberFormat, ties: TieRule = .even,
                              shift: Int, m: Int, k: Int, n: Int, using rng: inout some RandomNumberGenerator) throws -> GemmProblem {
        let x = (0..<(m * k)).map { _ in rng.next() & activation.codeMask }
        let w = (0..<(k * n)).map { _ in rng.next() & weight.codeMask }
        return try GemmProblem(activation: activation, weight: weight, target: target, ties: ties, shift: shift,
                               m: m, k: k, n: n, x: x, w: w)
    }
}

/// docs/arithmetic.md §6.4 golden model: `Y[m][n] = requant(Σ_k X[m][k]·W[k][n])` with the exact products of
/// `ReferencePE.product` (units of activation unit × weight unit) and `Requantizer.requantize`.
/// It never looks at generated hardware.
public enum GoldenGEMM {
    /// The exact accumulator values (M×N, row-major) before requantization.
    public static func accumulators(_ p: GemmProblem) -> [BigInt] {
        if let fast = accumulators64(p) { return fast.map { BigInt($0) } }
        var out = [BigInt](repeating: 0, count: p.m * p.n)
        for i in 0..<p.m {
            for j in 0..<p.n {
                var sum = BigInt(0)
                for t in 0..<p.k {
                    sum += ReferencePE.product(p.x[i * p.k + t], p.w[t * p.n + j], activation: p.activation, weight: p.weight)
                }
                out[i * p.n + j] = sum
            }
        }
        return out
    }

    /// Output codes Y (M×N, row-major).
    public static func run(_ p: GemmProblem) -> [UInt64] {
        if let fast = accumulators64(p) {
            return fast.map { Requantizer.requantize($0, shift: p.shift, to: p.target, ties: p.ties) }
        }
        return accumulators(p).map { Requantizer.requantize($0, shift: p.shift, to: p.target, ties: p.ties) }
    }

    /// The Int64 path: unit values of both operands tabulated per code, every sum overflow-checked;
    /// nil when anything does not fit (then the BigInt path runs).
    static func accumulators64(_ p: GemmProblem) -> [Int64]? {
        guard let xs = unitValues(p.x, p.activation), let ws = unitValues(p.w, p.weight) else { return nil }
        var out = [Int64](repeating: 0, count: p.m * p.n)
        for i in 0..<p.m {
            for j in 0..<p.n {
                var sum: Int64 = 0
                for t in 0..<p.k {
                    let (prod, o1) = xs[i * p.k + t].multipliedReportingOverflow(by: ws[t * p.n + j])
                    let (s, o2) = sum.addingReportingOverflow(prod)
                    if o1 || o2 { return nil }
                    sum = s
                }
                out[i * p.n + j] = sum
            }
        }
        return out
    }

    static func unitValues(_ codes: [UInt64], _ format: NumberFormat) -> [Int64]? {
        var table: [UInt64: Int64] = [:]
        var values = [Int64]()
        values.reserveCapacity(codes.count)
        for c in codes {
            if let v = table[c] { values.append(v); continue }
            guard let v = format.unitValueIfSmall(ofCode: c) else { return nil }
            table[c] = v
            values.append(v)
        }
        return values
    }

    /// A shift that maps the largest |accumulator| just inside the target's range (so outputs use
    /// the whole grid), the way a deployment folds input and output scales into one exponent.
    public static func fittingShift(_ p: GemmProblem, shiftRange: ClosedRange<Int>) -> Int {
        let largest = accumulators(p).map { $0.magnitude }.max() ?? 0
        let targetMax = p.target.maxUnitMagnitude
        guard largest > 0, targetMax > 0 else { return 0 }
        let shift = targetMax.bitWidth - BigInt(largest).bitWidth
        return min(max(shift, shiftRange.lowerBound), shiftRange.upperBound)
    }
}
