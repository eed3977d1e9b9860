import Foundation
import Synchronization
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightTooling

/// Runs `VectorPlan`s in process, streamed in fixed-size chunks, on both cores. Several plans
/// are wrapped into one top module per core (ports `d<i>_<port>`; Verilator build time, not
/// simulation, dominates short runs), a single long plan is cut at an independent cycle and its
/// halves simulated by two model instances at once. Designs with external Verilog run on their
/// own. Waveforms come from the traced simulator executable (`VerilatorModel`), replaying only
/// the rows around the cycle of interest.
public enum BatchRunner {
    /// Workers, one per core of the machines this project targets.
    static let workers = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))
    /// Runs shorter than this stay on one worker (a second instance is not worth it).
    static let minimumSplitCycles = 1 << 20

    /// With one plan, a waveform is written to `wave` (or, on a mismatch when `waveOnMismatch`,
    /// to `shiftwright-mismatch-<top>.fst`) covering the cycles around the first mismatch.
    public static func run(_ plans: [VectorPlan], name: String = "sw_batch", wave: String? = nil,
                           waveOnMismatch: Bool = true) throws -> [VerificationOutcome] {
        guard !plans.isEmpty else { return [] }
        if plans.count == 1 { return [try runSingle(plans[0], wave: wave, waveOnMismatch: waveOnMismatch)] }
        let external = plans.filter { $0.externalVerilog != nil }
        let generated = plans.filter { $0.externalVerilog == nil }
        var outcomes = try external.map { try runSingle($0, wave: nil, waveOnMismatch: waveOnMismatch) }
        let groups = balancedGroups(generated, count: workers)
        let models = try buildConcurrently(groups.count) { i in
            let top = try DesignBatch.wrap(groups[i].map(\.module), name: groups.count == 1 ? name : "\(name)_\(i)")
            let verilog = VerilogEmitter.emit(top)
            return try SharedLibraryModel.build(verilog: [(verilog.fileName, verilog.text)], top: top.name, ports: top.portSpecs)
        }
        outcomes += try execute(zip(groups, models).map { RowComposer(plans: $0, layout: $1.layout) }, models: models)
        return outcomes
    }

    static func runSingle(_ plan: VectorPlan, wave: String?, waveOnMismatch: Bool) throws -> VerificationOutcome {
        let (text, top) = verilog(of: plan)
        let model = try SharedLibraryModel.build(verilog: [("\(top).v", text)], top: top, ports: plan.module.portSpecs)
        var outcome = try execute([RowComposer(plans: [plan], layout: model.layout)], models: [model])[0]
        if let cycle = (waveOnMismatch || wave != nil ? outcome.mismatchCycle : nil) ?? (wave != nil ? 0 : nil) {
            outcome.waveform = try writeWaveform(plan, text: text, top: top, around: cycle,
                                                 to: wave ?? "shiftwright-mismatch-\(top).fst")
        }
        return outcome
    }

    static func verilog(of plan: VectorPlan) -> (text: String, top: String) {
        if let external = plan.externalVerilog { return external }
        let verilog = VerilogEmitter.emit(plan.module)
        return (verilog.text, verilog.top)
    }

    /// Traces cycles `cycle - 16 ... cycle + 4` with the simulator executable, replaying from the
    /// latest restart point before them (so a failure at cycle 10^9 does not replay 10^9 rows).
    static func writeWaveform(_ plan: VectorPlan, text: String, top: String, around cycle: Int, to path: String) throws -> String {
        let traced = try VerilatorModel.build(verilog: [("\(top).v", text)], top: top, ports: plan.module.portSpecs,
                                              trace: try TraceFormat(path: path))
        let window = (max(0, cycle - 16), min(plan.cycles - 1, cycle + 4))
        var start = 0
        if let range = plan.independentCycles {
            let latest = min(window.0 - plan.warmup, range.upperBound - 1)
            if latest >= range.lowerBound, latest > 0 { start = latest }
        }
        let rows = RowComposer(plans: [plan], layout: traced.layout).materialise(start..<(window.1 + 1))
        let lead = start > 0 ? 1 : 0, local = (window.0 - start + lead, window.1 - start + lead)
        _ = try traced.run(stimulus: rows, cycles: rows.count / max(1, traced.layout.inputWords), wave: (path, local.0, local.1))
        return start == 0 ? "\(path) (cycles \(window.0)...\(window.1))"
            : "\(path) (cycles \(window.0)...\(window.1), traced as \(local.0)...\(local.1) after a reset and a replay from cycle \(start))"
    }

    /// Where to cut a single plan's run, or nil to keep it whole: long enough, with a cut near
    /// the middle whose warm-up rows are all independent.
    static func cut(_ plan: VectorPlan) -> Int? {
        let cycles = plan.cycles
        guard cycles >= minimumSplitCycles, let range = plan.independentCycles else { return nil }
        let warmup = plan.warmup
        let cut = min(max(cycles / 2, range.lowerBound + warmup), range.upperBound)
        // Every replayed row (or, without warm-up, the first row) must be a safe restart point.
        guard cut - warmup >= range.lowerBound, cut - warmup < range.upperBound,
              cut >= cycles / 4, cut <= cycles - cycles / 4 else { return nil }
        return cut
    }

    /// Splits plans into at most `count` groups of similar total cycles (longest first).
    static func balancedGroups(_ plans: [VectorPlan], count: Int) -> [[VectorPlan]] {
        guard plans.count > 1, count > 1 else { return plans.isEmpty ? [] : [plans] }
        var groups = Array(repeating: [VectorPlan](), count: min(count, plans.count))
        var load = Array(repeating: 0, count: groups.count)
        for plan in plans.sorted(by: { $0.cycles > $1.cycles }) {
            let lightest = load.indices.min { load[$0] < load[$1] }!
            groups[lightest].append(plan)
            load[lightest] += plan.cycles
        }
        return groups
    }

    /// Runs every composer's plans, each model's rows shared among the workers, and returns one
    /// outcome per plan in composer order.
    static func execute(_ composers: [RowComposer], models: [SharedLibraryModel]) throws -> [VerificationOutcome] {
        var shares: [(model: Int, run: ChunkedRun)] = []
        for (index, (composer, model)) in zip(composers, models).enumerated() {
            let cycles = composer.plans.map(\.cycles).max() ?? 0
            if composers.count == 1, composer.plans.count == 1, workers > 1, let cut = cut(composer.plans[0]) {
                let warmup = composer.plans[0].warmup
                shares.append((index, ChunkedRun(composer: composer, model: model, rows: 0..<cut, checkFrom: 0)))
                shares.append((index, ChunkedRun(composer: composer, model: model, rows: (cut - warmup)..<cycles, checkFrom: cut)))
            } else {
                shares.append((index, ChunkedRun(composer: composer, model: model, rows: 0..<cycles, checkFrom: 0)))
            }
        }
        let progress = CampaignProgress(total: shares.reduce(0) { $0 + $1.run.rows.count })
        let start = Date()
        let runs = shares.map(\.run)
        let results = try runConcurrently(runs.count) { try runs[$0].run(progress: progress) }
        let seconds = Date().timeIntervalSince(start)
        var outcomes: [VerificationOutcome] = []
        for (index, (composer, model)) in zip(composers, models).enumerated() {
            for (p, plan) in composer.plans.enumerated() {
                // The earliest mismatch over the shares of this model.
                let found = shares.indices.filter { shares[$0].model == index }.compactMap { results[$0][p] }.min { $0.cycle < $1.cycle }
                outcomes.append(VerificationOutcome(design: plan.module.name, cycles: plan.cycles, coverage: plan.coverage,
                                                    mismatch: found?.message, mismatchCycle: found?.cycle, waveform: nil,
                                                    buildSeconds: model.buildSeconds, simulationSeconds: seconds,
                                                    exhaustive: plan.exhaustive))
            }
        }
        return outcomes
    }

    static func buildConcurrently(_ count: Int, _ build: @Sendable (Int) throws -> SharedLibraryModel) throws -> [SharedLibraryModel] {
        try runConcurrently(count, build)
    }

    /// `body(0..<count)` on up to `count` threads; the first error (in index order) is rethrown
    /// after every call has returned.
    static func runConcurrently<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = Mutex<[Result<T, Error>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let result = Result { try body(i) }
            slots.withLock { $0[i] = result }
        }
        return try slots.withLock { $0 }.map { try $0!.get() }
    }
}
