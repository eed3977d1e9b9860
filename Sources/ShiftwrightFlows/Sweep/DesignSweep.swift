import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightTooling

/// One synthesized split of a sweep beside its integer baseline.
public struct SweepRow: Sendable {
    public let point: SweepPlan.Point
    public let top: String
    public let area: AreaFigures
    public let baselineTop: String
    public let baseline: AreaFigures
    /// Quantization error (MSE) of a weight tensor in this format, when one was given.
    public var quantizationError: Double?

    /// baseline LUTs / our LUTs.
    public var lutRatio: Double? { AreaComparison.ratio(baseline.luts, area.luts) }

    /// The area measure of the heat map: LUTs, or cells on a target without LUTs.
    public func cost(_ target: SynthTarget) -> Int { target.mapsToLUTs ? area.luts : area.totalCells }

    /// baseline / design for `cost`.
    public func costRatio(_ target: SynthTarget) -> Double? {
        AreaComparison.ratio(target.mapsToLUTs ? baseline.luts : baseline.totalCells, cost(target))
    }
}

/// The finished sweep: rows in plan order, and the tool that produced them.
public struct SweepResult: Sendable {
    public let plan: SweepPlan
    public let target: SynthTarget
    public let yosysVersion: String
    public var rows: [SweepRow]
}

/// Runs a `SweepPlan`: every split's PE and every distinct baseline, spread over the cores.
public enum DesignSweep {
    public static func run(_ plan: SweepPlan, target: SynthTarget, synthesis: ParallelSynthesis,
                           progress: ParallelSynthesis.Progress? = nil) throws -> SweepResult {
        let points = plan.points
        var designs: [SynthDesign] = []
        var pairs: [(SweepPlan.Point, BaselinePair)] = []
        for point in points {
            let pair = try plan.pair(point)
            designs += try ([pair.design] + pair.baselines).map { try SynthDesign.pe($0) }
            pairs.append((point, pair))
        }
        let version = try synthesis.yosys.version()
        let areas = try synthesis.run(designs, target: target, progress: progress)
        let rows = pairs.map { point, pair in
            let top = pair.design.moduleName, base = pair.bestBaseline(areas, target: target).moduleName
            return SweepRow(point: point, top: top, area: areas[top]!, baselineTop: base, baseline: areas[base]!)
        }
        return SweepResult(plan: plan, target: target, yosysVersion: version, rows: rows)
    }
}
