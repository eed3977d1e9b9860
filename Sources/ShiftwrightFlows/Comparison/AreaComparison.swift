import ShiftwrightGenerators
import ShiftwrightYosys
import Foundation
import ShiftwrightTooling

/// A design's area beside its integer-multiplier baseline (same activation width, weight bit count
/// and accumulator), both synthesized by the same Yosys with the same script, in parallel.
public struct AreaComparison: Sendable {
    public let design: SynthResult
    public let baseline: SynthResult

    /// baseline / design: above 1 means the design is smaller.
    public var lutRatio: Double? { Self.ratio(baseline.area.luts, design.area.luts) }
    public var flipFlopRatio: Double? { Self.ratio(baseline.area.flipFlops, design.area.flipFlops) }
    public var cellRatio: Double? { Self.ratio(baseline.area.totalCells, design.area.totalCells) }

    static func ratio(_ base: Int, _ ours: Int) -> Double? { ours > 0 && base > 0 ? Double(base) / Double(ours) : nil }
}

extension SynthDesign {
    /// The processing element for `config` (docs/arithmetic.md §6.1).
    public static func pe(_ config: PEConfig) throws -> SynthDesign {
        SynthDesign(module: try PEGenerator.module(config))
    }
}

extension Yosys {
    /// Synthesizes the PE of `config` and its integer baseline together for `target`, both with the
    /// accumulator of `BaselinePair` (the design's own unless the baseline needs a wider one).
    public func comparePE(_ config: PEConfig, target: SynthTarget, netlists: [NetlistFormat] = []) throws -> AreaComparison {
        let pair = try BaselinePair(config)
        return try compare(try .pe(pair.design), baselines: try pair.baselines.map { try SynthDesign.pe($0) },
                           target: target, netlists: netlists)
    }

    /// Synthesizes any design and a baseline together for `target`.
    public func compare(_ design: SynthDesign, baseline: SynthDesign, target: SynthTarget,
                        netlists: [NetlistFormat] = []) throws -> AreaComparison {
        try compare(design, baselines: [baseline], target: target, netlists: netlists)
    }

    /// Synthesizes a design and every candidate baseline together for `target` and compares the
    /// design with the smallest candidate (`SynthTarget.cost`): the equal-effort baseline.
    public func compare(_ design: SynthDesign, baselines: [SynthDesign], target: SynthTarget,
                        netlists: [NetlistFormat] = []) throws -> AreaComparison {
        // Two Yosys processes side by side: same tool, same settings, one core each.
        let results = try ParallelSynthesis(yosys: self, workers: 2).results([design] + baselines, target: target, netlists: netlists)
        // A baseline may be the design itself (an integer PE): candidates are chosen by name.
        let tops = Set(baselines.map(\.top))
        let best = results.filter { tops.contains($0.design.top) }.min { target.cost($0.area) < target.cost($1.area) } ?? results[0]
        return AreaComparison(design: results[0], baseline: best)
    }
}
