import Foundation
import Testing
import ShiftwrightFormats
@testable import ShiftwrightFlows
@testable import ShiftwrightYosys

/// The design-space sweep: its plan, a real (generic, two-core) run, CSV, heat map and Pareto front.
@Suite struct SweepTests {
    @Test func planCoversEverySplitOnce() throws {
        let plan = try SweepPlan(activation: NumberFormat(parsing: "int8"), families: [.afp, .ausn], bits: 4...8)
        let points = plan.points
        #expect(points.filter { $0.family == .afp }.count == 4 + 5 + 6 + 7 + 8)
        #expect(points.filter { $0.family == .ausn }.count == 3 + 4 + 5 + 6 + 6) // B ≤ 6
        #expect(Set(points.map(\.weight)).count == points.count)
        #expect(points.allSatisfy { $0.weight.codeWidth == $0.bits && $0.x + $0.y == $0.bits - 1 })
        #expect(try SweepPlan.parseBits("4..8") == 4...8 && SweepPlan.parseBits("6") == 6...6)
        #expect(throws: (any Error).self) { try SweepPlan.parseBits("8..4") }
        #expect(throws: (any Error).self) { try SweepPlan.parseFamilies("afp,int") }
    }

    @Test func genericSweepOnTwoCoresWritesCSVAndHeatMap() throws {
        let plan = try SweepPlan(activation: NumberFormat(parsing: "int8"), families: [.afp, .ausn], bits: 4...4)
        let counter = ProgressCounter()
        let result = try DesignSweep.run(plan, target: try SynthTarget("generic"),
                                         synthesis: ParallelSynthesis(workers: 2)) { done, total, _, _ in counter.record(done, total) }
        #expect(result.rows.count == 7)
        // One progress call per distinct design: 7 splits plus both int4 MACs (Booth and *) per
        // accumulator width, shared where accumulators agree.
        let pairs = try plan.points.map { try plan.pair($0) }
        let distinct = Set(pairs.flatMap { [$0.design.moduleName] + $0.baselines.map(\.moduleName) }).count
        #expect(distinct < 21 && counter.finalCount == (distinct: distinct, total: distinct))
        // Each row's baseline is the smaller of its two candidates.
        for (row, pair) in zip(result.rows, pairs) {
            #expect(pair.baselines.map(\.moduleName).contains(row.baselineTop))
        }
        let pot = result.rows.filter { $0.point.weight.name == "ausn-b3s0" || $0.point.weight.name == "afp-e3m0" }
        #expect(pot.count == 2 && pot.allSatisfy { $0.area.totalCells > 0 })
        let csv = SweepCSV.text(result).split(separator: "\n")
        #expect(csv.count == 8 && csv[0].hasPrefix("family,bits,weight,x,y,luts"))
        #expect(csv[1].hasPrefix("afp,4,afp-e0m3,0,3,"))
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
        let plan = try SweepPlan(activation: NumberFormat(parsing: "int8"), families: [.ausn], bits: 4...4)
        let rows = plan.points.enumerated().map { i, p in
            SweepRow(point: p, top: "t\(i)", area: AreaFigures(cellsByType: ["LUT6": 10 * (i + 1)]), baselineTop: "b",
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

/// Collects progress callbacks from the worker threads.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(Int, Int)] = []
    func record(_ done: Int, _ total: Int) { lock.withLock { calls.append((done, total)) } }
    var finalCount: (distinct: Int, total: Int) {
        lock.withLock { (Set(calls.map(\.0)).count, calls.map(\.1).max() ?? 0) }
    }
}
