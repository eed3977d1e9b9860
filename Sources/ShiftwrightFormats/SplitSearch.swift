import Foundation

/// One scored candidate of a split search: a format at a scale and its errors on the tensor.
public struct SplitCandidate: Sendable, Equatable {
    public let format: NumberFormat
    /// Bias / top; for integer baselines 0 (see `integerStep`).
    public let scale: Int
    /// Integer baselines: the real per-tensor step.
    public let integerStep: Double?
    public let stats: ErrorStats
    /// AFP hardware cost proxy (§5.1); nil for other families.
    public let cost: Double?
    /// The ranking objective: AFP cost^λ · MSE (§5.1); AUSN E_clip + E_round (§5.2); baselines MSE.
    public let score: Double
}

/// Bit-split choice for a tensor and a total width: AFP (§5.1) and AUSN (§5.2), with integer and
/// power-of-two baselines at the same width.
public enum SplitSearch {
    /// The §5.1 hardware proxy 2^E + M + E + (M + [E>0])².
    public static func afpCost(exponentBits e: Int, mantissaBits m: Int) -> Double {
        let mm = Double(m + (e > 0 ? 1 : 0))
        return Double(1 << e) + Double(m) + Double(e) + mm * mm
    }

    /// Every valid `afp-eEmM` with 1 + E + M = width.
    public static func afpFormats(width: Int) -> [NumberFormat] {
        (0 ... 8).compactMap { e in try? NumberFormat(.afp(exponentBits: e, mantissaBits: width - 1 - e, signed: true)) }
    }

    /// Every valid `ausn-bBsS` with 1 + B + S = width (S = 0 is power of two).
    public static func ausnFormats(width: Int) -> [NumberFormat] {
        (1 ... 6).compactMap { b in try? NumberFormat(.ausn(basicBits: b, subdivisionBits: width - 1 - b)) }
    }

    static func checkWidth(_ width: Int) throws {
        guard (2 ... 16).contains(width) else { throw FormatError("bit width \(width) is out of range 2..16") }
    }

    /// AFP candidates ranked by cost^λ · MSE (bias from §3.2), best first.
    public static func rankAFP(_ values: [Double], width: Int, lambda: Double = 0, ties: TieRule = .even) throws -> [SplitCandidate] {
        try checkWidth(width)
        let range = try TensorRange(of: values)
        var out: [SplitCandidate] = []
        for f in afpFormats(width: width) {
            guard case .afp(let e, let m, _) = f.kind else { continue }
            let bias = ScaleChoice.noclip(format: f, max: range.maxMagnitude)
            let stats = TensorQuantizer(format: f, scale: bias, ties: ties).errorStats(values)
            let cost = afpCost(exponentBits: e, mantissaBits: m)
            out.append(SplitCandidate(format: f, scale: bias, integerStep: nil, stats: stats, cost: cost,
                                      score: pow(cost, lambda) * stats.mse))
        }
        return out.sorted { $0.score < $1.score }
    }

    /// AUSN candidates ranked by E_clip + E_round, best first: every split, and for `search`
    /// every top candidate (paper − 1, paper, paper + 1); `paper` / `noclip` one top each.
    public static func rankAUSN(_ values: [Double], width: Int, scale: ScaleRule = .search, ties: TieRule = .even) throws -> [SplitCandidate] {
        try checkWidth(width)
        let range = try TensorRange(of: values)
        var out: [SplitCandidate] = []
        for f in ausnFormats(width: width) {
            let tops: [Int]
            switch scale {
            case .paper: tops = [ScaleChoice.paper(format: f, max: range.maxMagnitude)]
            case .noclip: tops = [ScaleChoice.noclip(format: f, max: range.maxMagnitude)]
            case .explicit(let t): tops = [t]
            case .search:
                let p = ScaleChoice.paper(format: f, max: range.maxMagnitude)
                tops = [p - 1, p, p + 1]
            }
            for top in tops {
                let stats = TensorQuantizer(format: f, scale: top, ties: ties).errorStats(values)
                out.append(SplitCandidate(format: f, scale: top, integerStep: nil, stats: stats, cost: nil, score: stats.clipPlusRound))
            }
        }
        return out.sorted { $0.score < $1.score }
    }

    /// Baselines at the same width: intN (symmetric real scale, §1) and pot-b(N−1) (paper top)
    /// when B = N − 1 is within 1..6.
    public static func baselines(_ values: [Double], width: Int, ties: TieRule = .even) throws -> [SplitCandidate] {
        try checkWidth(width)
        let range = try TensorRange(of: values)
        var out: [SplitCandidate] = []
        let int = try NumberFormat(.int(bits: width))
        let step = TensorQuantizer.integerStep(format: int, range: range)
        let iq = TensorQuantizer(format: int, integerStep: step, ties: ties)
        let istats = iq.errorStats(values)
        out.append(SplitCandidate(format: int, scale: 0, integerStep: step, stats: istats, cost: nil, score: istats.mse))
        if let pot = try? NumberFormat(parsing: "pot-b\(width - 1)") {
            let top = ScaleChoice.paper(format: pot, max: range.maxMagnitude)
            let stats = TensorQuantizer(format: pot, scale: top, ties: ties).errorStats(values)
            out.append(SplitCandidate(format: pot, scale: top, integerStep: nil, stats: stats, cost: nil, score: stats.mse))
        }
        return out
    }
}
