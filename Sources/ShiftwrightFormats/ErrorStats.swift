import Foundation

/// Quantization error of a tensor under one format and scale (docs/arithmetic.md §5.2): clipping and rounding
/// terms, mean squared error and signal-to-quantization-noise ratio.
public struct ErrorStats: Sendable, Equatable {
    public let count: Int
    /// Σ_{|x|>R} |x|·(|x| − R).
    public let clipError: Double
    /// Σ_{|x|≤R} |x|·|x − Q(x)|.
    public let roundError: Double
    /// Mean of (x − Q(x))².
    public let mse: Double
    /// 10·log10(Σx² / Σ(x − Q(x))²); +∞ when the error is zero.
    public let sqnrDB: Double

    /// E_clip + E_round, the AUSN split objective (Eq. 5).
    public var clipPlusRound: Double { clipError + roundError }

    /// Running sums over (x, Q(x)) pairs.
    public struct Accumulator {
        let largest: Double
        var count = 0, clip = 0.0, round = 0.0, sqErr = 0.0, sqSig = 0.0

        public init(largest: Double) { self.largest = largest }

        @inline(__always)
        public mutating func add(_ x: Double, _ q: Double) {
            let a = abs(x), d = x - q
            count += 1
            if a > largest { clip += a * (a - largest) } else { round += a * abs(d) }
            sqErr += d * d
            sqSig += x * x
        }

        public var result: ErrorStats {
            let sqnr = sqErr == 0 ? Double.infinity : (sqSig == 0 ? -Double.infinity : 10 * log10(sqSig / sqErr))
            return ErrorStats(count: count, clipError: clip, roundError: round,
                              mse: count == 0 ? 0 : sqErr / Double(count), sqnrDB: sqnr)
        }
    }
}
