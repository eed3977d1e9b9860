import Foundation
import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightTooling

/// One synthesized configuration of a sweep beside its integer baseline.
public struct SweepRow: Sendable {
    public let configuration: SweepPlan.Configuration
    public let top: String
    public let area: AreaFigures
    public let baselineTop: String
    public let baseline: AreaFigures
    /// Quantization error (MSE) of a weight tensor in this format, when one was given.
    public var quantizationError: Double?

    public init(configuration: SweepPlan.Configuration, top: String, area: AreaFigures, baselineTop: String, baseline: AreaFigures,
                quantizationError: Double? = nil) {
        (self.configuration, self.top, self.area, self.baselineTop, self.baseline) = (configuration, top, area, baselineTop, baseline)
        self.quantizationError = quantizationError
    }

    /// The weight format and its place on the heat map.
    public var point: SweepPlan.Point { configuration.point }
    public var activation: NumberFormat { configuration.activation }

    /// baseline LUTs / our LUTs.
    public var lutRatio: Double? { AreaComparison.ratio(baseline.luts, area.luts) }

    /// The area measure of the heat map: LUTs, or cells on a target without LUTs.
    public func cost(_ target: SynthTarget) -> Int { target.cost(area) }

    /// baseline / design for `cost`.
    public func costRatio(_ target: SynthTarget) -> Double? {
        AreaComparison.ratio(target.cost(baseline), cost(target))
    }
}

/// The finished sweep on one target: its rows in plan order, and the tool that produced them.
public struct SweepResult: Sendable {
    public let plan: SweepPlan
    public let target: SynthTarget
    public let yosysVersion: String
    public var rows: [SweepRow]

    public init(plan: SweepPlan, target: SynthTarget, yosysVersion: String, rows: [SweepRow]) {
        (self.plan, self.target, self.yosysVersion, self.rows) = (plan, target, yosysVersion, rows)
    }

    /// The plan's rows split by target, in the plan's target order (targets without rows left out).
    public static func byTarget(_ plan: SweepPlan, rows: [SweepRow], yosysVersion: String) -> [SweepResult] {
        plan.targets.compactMap { target in
            let mine = rows.filter { $0.configuration.target == target }
            return mine.isEmpty ? nil : SweepResult(plan: plan, target: target, yosysVersion: yosysVersion, rows: mine)
        }
    }
}

/// Runs configurations of a `SweepPlan`: every configuration's PE and every distinct baseline,
/// looked up in the content-keyed area cache (`PEAreaCache`) first, so a re-run or a resumed,
/// interrupted run synthesizes only what no earlier run finished; the rest is spread over the cores.
public enum DesignSweep {
    /// What a run produced and how much of it the cache already held.
    public struct Outcome: Sendable {
        /// One row per configuration run, in plan order.
        public let rows: [SweepRow]
        public let yosysVersion: String
        /// Distinct designs (PEs and baselines) found in the cache and synthesized now.
        public let counts: PEAreaCache.Counts
    }

    public static func run(_ plan: SweepPlan, configurations: [SweepPlan.Configuration], synthesis: ParallelSynthesis,
                           cacheDirectory: String = CacheDirectory.root + "/pe-area",
                           note: @escaping @Sendable (String) -> Void = { _ in }) throws -> Outcome {
        let pairs = try configurations.map { try plan.pair($0) }
        var lookups: [(PEAreaCache, PEAreaCache.Lookup)] = []
        for target in plan.targets {
            let configs = zip(configurations, pairs).filter { $0.0.target == target }.flatMap { [$0.1.design] + $0.1.baselines }
            guard !configs.isEmpty else { continue }
            let cache = PEAreaCache(synthesis: synthesis, target: target, directory: cacheDirectory)
            lookups.append((cache, try cache.lookup(configs)))
        }
        let hits = lookups.map(\.1.areas.count).reduce(0, +), missing = lookups.map(\.1.missing.count).reduce(0, +)
        note("sweep: \(configurations.count) configurations, \(hits + missing) distinct designs: \(hits) cached, \(missing) to synthesize")
        let version = try lookups.first?.1.yosysVersion ?? synthesis.yosys.version()
        var areas: [SynthTarget: [String: AreaFigures]] = [:]
        var offset = 0
        let start = Date()
        for (cache, found) in lookups {
            areas[cache.target] = try cache.measure(found, progress: synthesisProgress(note, offset: offset, overall: missing, start: start))
            offset += found.missing.count
        }
        let rows = zip(configurations, pairs).map { configuration, pair in
            let found = areas[configuration.target] ?? [:]
            let top = pair.design.moduleName, base = pair.bestBaseline(found, target: configuration.target).moduleName
            return SweepRow(configuration: configuration, top: top, area: found[top]!, baselineTop: base, baseline: found[base]!)
        }
        return Outcome(rows: rows, yosysVersion: version, counts: PEAreaCache.Counts(hits: hits, synthesized: missing))
    }
}
