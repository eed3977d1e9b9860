import Foundation
import Testing
import ShiftwrightFormats
@testable import ShiftwrightFlows
@testable import ShiftwrightYosys
import ShiftwrightTooling

/// The design-space sweep: its plan, a real (generic, two-core) run, CSV, heat map and Pareto front.
@Suite struct SweepTests {
    @Test func planCoversEverySplitOnce() throws {
        let plan = try SweepPlan(activation: NumberFormat(parsing: "int8"), families: [.afp, .ausn], bits: 4...8, target: SynthTarget("xc7"))
        let points = plan.points
        #expect(points.filter { $0.family == .afp }.count == 4 + 5 + 6 + 7 + 8)
        #expect(points.filter { $0.family == .ausn }.count == 3 + 4 + 5 + 6 + 6) // B ≤ 6
        #expect(Set(points.map(\.weight)).count == points.count)
        #expect(points.allSatisfy { $0.weight.codeWidth == $0.bits && $0.x + $0.y == $0.bits - 1 })
        #expect(try SweepPlan.parseBits("4..8") == 4...8 && SweepPlan.parseBits("6") == 6...6)
        #expect(throws: (any Error).self) { try SweepPlan.parseBits("8..4") }
        #expect(throws: (any Error).self) { try SweepPlan.parseFamilies("afp,integer") }
        #expect(throws: (any Error).self) { try SweepPlan.parseFamilies("afp,") }
    }

    /// The widened plan: the tier reading, powers of two and the integers, every width 3…10,
    /// activation formats and targets as lists, in one fixed order with unique ids.
    @Test func widenedPlanHasEveryFamilyAndAStableOrder() throws {
        let families = try SweepPlan.parseFamilies("afp,ausn,ausn-tier,pot,int")
        let plan = try SweepPlan(activations: SweepPlan.parseActivations("int8,int4"), families: families, bits: 3...10,
                                 targets: SweepPlan.parseTargets("generic,ice40", useDSP: false))
        let points = plan.points
        // Widths the spec allows (docs/arithmetic.md §2): pot-bB for B ≤ 6, so widths 3…7.
        #expect(points.filter { $0.family == .pot }.map(\.weight.name) == (2...6).map { "pot-b\($0)" })
        #expect(points.filter { $0.family == .int }.map(\.weight.name) == (3...10).map { "int\($0)" })
        let tiers = points.filter { $0.family == .ausnTier }
        #expect(tiers.allSatisfy { $0.weight.codeWidth == $0.bits && $0.x + $0.y == $0.bits - 1 })
        #expect(tiers.contains { $0.weight.name == "ausn-b1t2t1" } && tiers.contains { $0.weight.name == "ausn-b2t2t2t2t1" })
        #expect(SweepPlan.tiers(3) == [2, 1] && SweepPlan.tiers(9) == [3, 2, 2, 2] && SweepPlan.tiers(1) == [1])
        // Targets outermost, then activations, then the points; indices are positions; ids unique.
        #expect(plan.configurations.count == 2 * 2 * points.count)
        #expect(plan.configurations.enumerated().allSatisfy { $0.offset == $0.element.index })
        #expect(Set(plan.configurations.map(\.id)).count == plan.configurations.count)
        #expect(plan.configurations[0].id == "generic/int8/afp-e0m2")
        #expect(plan.configurations[points.count].id == "generic/int4/afp-e0m2")
        #expect(plan.configurations.last?.id == "ice40/int4/int10")
        // The same options make the same plan; any change makes another fingerprint.
        let again = try SweepPlan(activations: SweepPlan.parseActivations("int8,int4"), families: families, bits: 3...10,
                                  targets: SweepPlan.parseTargets("generic,ice40", useDSP: false))
        #expect(again.fingerprint() == plan.fingerprint() && again.configurations == plan.configurations)
        let deeper = try SweepPlan(activations: plan.activations, families: families, bits: 3...10, targets: plan.targets, accumulationDepth: 2048)
        #expect(deeper.fingerprint() != plan.fingerprint() && plan.fingerprint(extra: "tensor") != plan.fingerprint())
        #expect(throws: (any Error).self) { try SweepPlan(activations: SweepPlan.parseActivations("int8,int8"), families: families, bits: 4...4, targets: plan.targets) }
        #expect(throws: (any Error).self) { try SweepPlan.parseTargets("xc7,", useDSP: false) }
        // No format at these widths: refused rather than an empty sweep.
        #expect(throws: ToolError.self) { try SweepPlan(activations: plan.activations, families: [.pot], bits: 8...10, targets: plan.targets) }
        #expect(throws: ToolError.self) { try SweepPlan(activations: plan.activations, families: [.ausnTier], bits: 2...2, targets: plan.targets) }
    }

    /// Shards partition the plan: every configuration in exactly one shard, round robin.
    @Test func shardsPartitionThePlan() throws {
        let plan = try SweepPlan(activations: [NumberFormat(parsing: "int8")], families: [.afp, .ausn, .pot], bits: 3...6,
                                 targets: [SynthTarget("generic")])
        for count in [1, 2, 3, 4, 7, plan.configurations.count + 3] {
            let slices = try (0..<count).map { try SweepShard(index: $0, count: count).configurations(of: plan).map(\.index) }
            #expect(slices.flatMap { $0 }.sorted() == Array(plan.configurations.indices), "\(count) shards")
            #expect(slices.allSatisfy { $0 == $0.sorted() })
            #expect(slices.map(\.count).max()! - slices.map(\.count).min()! <= 1, "round robin keeps shards within one of each other")
        }
        #expect(try SweepShard(parsing: "3/4") == SweepShard(index: 3, count: 4))
        for bad in ["4/4", "5/4", "0/0", "x/y", "-1/4", "1/", "/4", "1/4/2", "", " 1/4", "1/99999999"] {
            #expect(throws: ToolError.self, "\(bad)") { try SweepShard(parsing: bad) }
        }
    }

    @Test func genericSweepOnTwoCoresWritesCSVAndHeatMapAndCachesEveryDesign() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("sw-sweep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let plan = try SweepPlan(activation: NumberFormat(parsing: "int8"), families: [.afp, .ausn], bits: 4...4, target: SynthTarget("generic"))
        let synthesis = ParallelSynthesis(workers: 2)
        let outcome = try DesignSweep.run(plan, configurations: plan.configurations, synthesis: synthesis, cacheDirectory: cache)
        #expect(outcome.rows.count == 7)
        // Every distinct design: 7 splits plus both int4 MACs (Booth and *) per accumulator
        // width, shared where accumulators agree; all synthesized now, all cached for the next run.
        let pairs = try plan.configurations.map { try plan.pair($0) }
        let distinct = Set(pairs.flatMap { [$0.design.moduleName] + $0.baselines.map(\.moduleName) }).count
        #expect(distinct < 21 && outcome.counts == PEAreaCache.Counts(hits: 0, synthesized: distinct))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).count == distinct)
        let again = try DesignSweep.run(plan, configurations: plan.configurations, synthesis: synthesis, cacheDirectory: cache)
        #expect(again.counts == PEAreaCache.Counts(hits: distinct, synthesized: 0))
        #expect(zip(again.rows, outcome.rows).allSatisfy { $0.area == $1.area && $0.baseline == $1.baseline })
        let result = SweepResult(plan: plan, target: try SynthTarget("generic"), yosysVersion: outcome.yosysVersion, rows: outcome.rows)
        // Each row's baseline is the smaller of its two candidates.
        for (row, pair) in zip(result.rows, pairs) {
            #expect(pair.baselines.map(\.moduleName).contains(row.baselineTop))
        }
        let pot = result.rows.filter { $0.point.weight.name == "ausn-b3s0" || $0.point.weight.name == "afp-e3m0" }
        #expect(pot.count == 2 && pot.allSatisfy { $0.area.totalCells > 0 })
        let csv = SweepCSV.text(result).split(separator: "\n")
        #expect(csv.count == 8 && csv[0].hasPrefix("family,bits,weight,x,y,luts") && csv[0].hasSuffix(",target,yosys,act,config"))
        #expect(csv[1].hasPrefix("afp,4,afp-e0m3,0,3,") && csv[1].hasSuffix(",int8,generic/int8/afp-e0m3"))
        let svg = SweepHeatMap.svg(result)
        #expect(svg.hasPrefix("<svg") && svg.contains("AUSN") && svg.contains("subdivision bits S"))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 7)
        #expect(SweepScatter.svg(result) == nil, "no tensor, no scatter")
    }

    @Test func paretoFrontKeepsOnlyUndominatedPoints() {
        let points: [(cost: Double, error: Double)] = [(10, 5), (20, 2), (15, 6), (30, 1), (25, 2), (10, 7)]
        #expect(ParetoFront.indices(points) == [0, 1, 3])
    }

    @Test func scatterMarksTheParetoFront() throws {
        let plan = try SweepPlan(activation: NumberFormat(parsing: "int8"), families: [.ausn], bits: 4...4, target: SynthTarget("xc7"))
        let rows = plan.configurations.enumerated().map { i, c in
            SweepRow(configuration: c, top: "t\(i)", area: AreaFigures(cellsByType: ["LUT6": 10 * (i + 1)]), baselineTop: "b",
                     baseline: AreaFigures(cellsByType: ["LUT6": 100]), quantizationError: [0.01, 0.001, 0.02][i])
        }
        let result = SweepResult(plan: plan, target: try SynthTarget("xc7"), yosysVersion: "Yosys test", rows: rows)
        let svg = try #require(SweepScatter.svg(result))
        #expect(svg.contains("<polyline"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        // ausn-b3s0 (30 LUT, worst error) is dominated and not labelled on the front.
        #expect(svg.contains(">ausn-b1s2</text>") && svg.contains(">ausn-b2s1</text>") && !svg.contains(">ausn-b3s0</text>"))
    }
}

