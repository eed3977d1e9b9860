import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightYosys

/// A weight format family `plan` may choose from.
public enum PlanFamily: String, Sendable, CaseIterable, Codable {
    case afp, ausn, int

    /// Parses a comma-separated list such as `afp,ausn,int`.
    public static func parseList(_ text: String) throws -> [PlanFamily] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { throw FormatError("--families is empty: expected a list of afp, ausn, int") }
        var out: [PlanFamily] = []
        for p in parts {
            guard let f = PlanFamily(rawValue: p) else { throw FormatError("unknown family '\(p)' in --families: expected afp, ausn or int") }
            if !out.contains(f) { out.append(f) }
        }
        return out
    }
}

/// One quantization of a layer's weights: a format at a scale and its error on the layer.
public struct WeightChoice: Sendable {
    public let family: PlanFamily
    public let quantizer: TensorQuantizer
    public let stats: ErrorStats
    public var format: NumberFormat { quantizer.format }
    public var width: Int { quantizer.format.codeWidth }
    /// log2 of the weight unit (docs/arithmetic.md §6.2 table).
    public var unitLog2: Int { quantizer.format.valueExponent(scale: quantizer.scale) }
}

/// Chooses a layer's weight format (docs/models.md): per width and family the family's own rule —
/// AFP by cost^λ · MSE over every split with cost = measured PE LUTs (docs/arithmetic.md §5.1), AUSN by
/// E_clip + E_round over every split and top (§5.2, the paper's Eq. 5), `intN` at its power-of-two
/// no-clip step — and across widths and families the least LUTs that meet the SQNR target, or
/// without a target the least LUTs^λ · MSE.
public struct LayerPlanner: Sendable {
    public let widths: [Int]
    public let families: [PlanFamily]
    public let activation: NumberFormat
    public let lambda: Double
    public let sqnrTarget: Double?
    public let ties: TieRule

    public init(widths: [Int], families: [PlanFamily], activation: NumberFormat, lambda: Double, sqnrTarget: Double?, ties: TieRule = .even) {
        (self.widths, self.families, self.activation, self.lambda, self.sqnrTarget, self.ties) = (widths, families, activation, lambda, sqnrTarget, ties)
    }

    /// The PE every weight format of a plan is measured in: this activation × the weight, one product.
    public func pe(_ weight: NumberFormat) throws -> PEConfig { try PEConfig(activation: activation, weight: weight, accumulationDepth: 1) }

    /// `intN` at the power-of-two step 2^s, the least s whose largest value (2^(N−1) − 1)·2^s covers max|x|
    /// (hardware scales are powers of two: §1.3).
    public static func integerChoice(_ values: [Double], bits: Int, ties: TieRule) throws -> WeightChoice {
        let range = try TensorRange(of: values)
        let format = try NumberFormat(.int(bits: bits))
        let levels = Double((1 << (bits - 1)) - 1)
        var s = range.maxMagnitude > 0 ? Int((range.maxMagnitude / levels).exponent) : 0
        while levels * Double(sign: .plus, exponent: s, significand: 1) < range.maxMagnitude { s += 1 }
        while s > -1000, levels * Double(sign: .plus, exponent: s - 1, significand: 1) >= range.maxMagnitude, range.maxMagnitude > 0 { s -= 1 }
        let q = TensorQuantizer(format: format, scale: s, ties: ties)
        return WeightChoice(family: .int, quantizer: q, stats: q.errorStats(values))
    }

    /// Every candidate whose PE area decides the choice: all AFP splits, the Eq. 5 AUSN split per width, intN per width.
    public func candidates(_ values: [Double]) throws -> [WeightChoice] {
        var out: [WeightChoice] = []
        for w in widths {
            for family in families {
                switch family {
                case .afp:
                    for f in SplitSearch.afpFormats(width: w) where (try? pe(f)) != nil {
                        let range = try TensorRange(of: values)
                        let q = TensorQuantizer(format: f, scale: ScaleChoice.noclip(format: f, max: range.maxMagnitude), ties: ties)
                        out.append(WeightChoice(family: .afp, quantizer: q, stats: q.errorStats(values)))
                    }
                case .ausn:
                    if let best = try SplitSearch.rankAUSN(values, width: w, scale: .search, ties: ties).first {
                        let q = TensorQuantizer(format: best.format, scale: best.scale, ties: ties)
                        out.append(WeightChoice(family: .ausn, quantizer: q, stats: best.stats))
                    }
                case .int:
                    out.append(try Self.integerChoice(values, bits: w, ties: ties))
                }
            }
        }
        return out
    }

    /// The choice among `candidates` given each PE's LUTs (by format name), and whether it met the target.
    public func choose(_ candidates: [WeightChoice], luts: (NumberFormat) -> Int) -> (choice: WeightChoice, meetsTarget: Bool) {
        func score(_ c: WeightChoice) -> Double { pow(Double(max(luts(c.format), 1)), lambda) * c.stats.mse }
        func better(_ a: WeightChoice, _ b: WeightChoice) -> Bool {
            let (sa, sb) = (score(a), score(b))
            return sa != sb ? sa < sb : a.format.name < b.format.name
        }
        // Within a width, AFP keeps its best split by cost^λ · MSE (§5.1); AUSN and int have one per width.
        var perGroup: [String: WeightChoice] = [:]
        for c in candidates {
            let key = "\(c.family.rawValue)\(c.width)"
            if let old = perGroup[key], !better(c, old) { continue }
            perGroup[key] = c
        }
        let finalists = perGroup.keys.sorted().map { perGroup[$0]! }
        if let target = sqnrTarget {
            let meeting = finalists.filter { $0.stats.sqnrDB >= target }
            if let best = meeting.min(by: { (luts($0.format), -$0.stats.sqnrDB, $0.format.name) < (luts($1.format), -$1.stats.sqnrDB, $1.format.name) }) {
                return (best, true)
            }
            let closest = finalists.max { ($0.stats.sqnrDB, -luts($0.format)) < ($1.stats.sqnrDB, -luts($1.format)) }!
            return (closest, false)
        }
        return (finalists.min(by: better)!, true)
    }
}
