import Foundation
import Synchronization
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightTooling

/// Runs `VectorPlan`s in process, streamed in fixed-size chunks, on both cores. Several plans
/// are wrapped into one top module (ports `d<i>_<port>`) and built once (Verilator build time,
/// not simulation, dominates short runs); a long run is cut at a row every plan can restart from
/// and its halves simulated by two instances of that one model at once. Designs with external
/// Verilog run on their own. Waveforms come from the traced simulator executable (`VerilatorModel`), replaying only
/// the rows around the cycle of interest.
public enum BatchRunner {
    /// Workers, one per core of the machines this project targets.
    static let workers = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))
    /// Runs shorter than this stay on one worker (a second instance is not worth it).
    static let minimumSplitCycles = 1 << 20

    /// With one plan, a waveform is written to `wave` (or, on a mismatch when `waveOnMismatch`,
    /// to `<waveDirectory>/<top>-mismatch.fst`, by default in the cache: `Waveforms`) covering
    /// the cycles around the first mismatch, with a GTKWave save file beside it.
    public static func run(_ plans: [VectorPlan], name: String = "sw_batch", wave: String? = nil,
                           waveOnMismatch: Bool = true, waveDirectory: String? = nil) throws -> [VerificationOutcome] {
        guard !plans.isEmpty else { return [] }
        if plans.count == 1 {
            return [try runSingle(plans[0], wave: wave, waveOnMismatch: waveOnMismatch, waveDirectory: waveDirectory)]
        }
        let external = plans.filter { $0.externalVerilog != nil }
        let generated = plans.filter { $0.externalVerilog == nil }
        var outcomes = try external.map { try runSingle($0, wave: nil, waveOnMismatch: waveOnMismatch, waveDirectory: waveDirectory) }
        if !generated.isEmpty {
            // One Verilator build for the whole batch; its rows are shared among the cores (`execute`).
            let top = try DesignBatch.wrap(generated.map(\.module), name: name)
            let verilog = VerilogEmitter.emit(top)
            let model = try SharedLibraryModel.build(verilog: [(verilog.fileName, verilog.text)], top: top.name, ports: top.portSpecs)
            outcomes += try execute(RowComposer(plans: generated, layout: model.layout), model: model)
        }
        return outcomes
    }

    static func runSingle(_ plan: VectorPlan, wave: String?, waveOnMismatch: Bool, waveDirectory: String?) throws -> VerificationOutcome {
        let (text, top) = verilog(of: plan)
        let model = try SharedLibraryModel.build(verilog: [("\(top).v", text)], top: top, ports: plan.module.portSpecs, library: plan.library)
        var outcome = try execute(RowComposer(plans: [plan], layout: model.layout), model: model)[0]
        if let cycle = (waveOnMismatch || wave != nil ? outcome.mismatchCycle : nil) ?? (wave != nil ? 0 : nil) {
            outcome.waveform = try writeWaveform(plan, text: text, top: top, around: cycle,
                                                 to: wave ?? Waveforms.mismatchPath(top: top, directory: waveDirectory))
        }
        return outcome
    }

    static func verilog(of plan: VectorPlan) -> (text: String, top: String) {
        if let external = plan.externalVerilog { return external }
        let verilog = VerilogEmitter.emit(plan.module)
        return (verilog.text, verilog.top)
    }

    /// Traces cycles `cycle - 16 ... cycle + 4` with the simulator executable, replaying from the
    /// latest restart point before them (so a failure at cycle 10^9 does not replay 10^9 rows;
    /// the dump's times are still the run's, 10 per cycle), and writes a GTKWave save file beside
    /// the dump. When the plan names its expected values (and an external RTL's top has the
    /// generated design's name, so the wrapper can instantiate it), the design runs inside a
    /// `WaveHarness`, so the dump also holds the golden values and the mismatch flag.
    static func writeWaveform(_ plan: VectorPlan, text: String, top: String, around cycle: Int, to path: String) throws -> String {
        let trace = try TraceFormat(path: path)
        let window = max(0, cycle - 16)...min(plan.cycles - 1, cycle + 4)
        var start = 0
        if let range = plan.independentCycles {
            let latest = min(window.lowerBound - plan.warmup, range.upperBound - 1)
            if latest >= range.lowerBound, latest > 0 { start = latest }
        }
        // A replay from `start` > 0 begins with a reset row, one cycle before `start`.
        let lead = start > 0 ? 1 : 0, origin = start - lead
        let expectations = top == plan.module.name ? plan.waveExpectations?(window) : nil
        let traced: VerilatorModel, dumped: (top: String, ports: [PortSpec])
        if let expectations {
            let harness = try WaveHarness.module(plan.module, expectations: expectations)
            let wrapper = plan.externalVerilog == nil ? VerilogEmitter.emit(harness) : VerilogEmitter.emitTopOnly(harness)
            let sources = [(wrapper.fileName, wrapper.text)] + (plan.externalVerilog == nil ? [] : [("\(top).v", text)])
            traced = try VerilatorModel.build(verilog: sources, top: harness.name, ports: harness.portSpecs, trace: trace, library: plan.library)
            dumped = (harness.name, harness.portSpecs)
        } else {
            traced = try VerilatorModel.build(verilog: [("\(top).v", text)], top: top, ports: plan.module.portSpecs,
                                              trace: trace, library: plan.library)
            dumped = (top, plan.module.portSpecs)
        }
        var rows = RowComposer(plans: [plan], layout: traced.layout).materialise(start..<(window.upperBound + 1))
        if let expectations {
            WaveHarness.addExpectations(expectations, window: window, layout: traced.layout, firstRowCycle: origin, to: &rows)
        }
        _ = try traced.run(stimulus: rows, cycles: rows.count / max(1, traced.layout.inputWords),
                           wave: (path, window.lowerBound - origin, window.upperBound - origin), cycleOrigin: origin)
        let saveFile = try Waveforms.writeSaveFile(dump: path, top: dumped.top, ports: dumped.ports, fromCycle: window.lowerBound)
        let replay = start == 0 ? "" : ", replayed from cycle \(start) after a reset"
        let golden = expectations == nil ? "" : ", with tb_expected_*/tb_mismatch"
        return "\(path) (cycles \(window.lowerBound)...\(window.upperBound)\(replay)\(golden); GTKWave: \(saveFile))"
    }

    /// Where to cut a model's run into two shares, or nil to keep it whole: long enough, with a
    /// row near the middle from which every plan still running can restart (its warm-up rows
    /// independent). Plans that end before the second share starts are checked by the first only.
    static func cut(_ composer: RowComposer) -> (cut: Int, warmup: Int)? {
        let cycles = composer.plans.map(\.cycles).max() ?? 0
        guard cycles >= minimumSplitCycles else { return nil }
        let warmup = composer.plans.map(\.warmup).max() ?? 0
        var cut = cycles / 2
        // The longest plan decides where a cut can go; the others must accept it too.
        let longest = composer.plans.max { $0.cycles < $1.cycles }!
        if let range = longest.independentCycles { cut = min(max(cut, range.lowerBound + warmup), range.upperBound) }
        guard cut >= cycles / 4, cut <= cycles - cycles / 4 else { return nil }
        for plan in composer.plans where plan.cycles > cut - warmup {
            // Every replayed row (or, without warm-up, the first row) must be a safe restart point.
            guard let range = plan.independentCycles, cut - warmup >= range.lowerBound, cut - warmup < range.upperBound,
                  warmup >= plan.warmup else { return nil }
        }
        return (cut, warmup)
    }

    /// Runs the composer's plans on one model, its rows shared between the workers (one model
    /// instance each) when a cut exists, and returns one outcome per plan in composer order.
    static func execute(_ composer: RowComposer, model: SharedLibraryModel) throws -> [VerificationOutcome] {
        let cycles = composer.plans.map(\.cycles).max() ?? 0
        var shares: [ChunkedRun] = []
        if workers > 1, let (cut, warmup) = cut(composer) {
            shares.append(ChunkedRun(composer: composer, model: model, rows: 0..<cut, checkFrom: 0))
            shares.append(ChunkedRun(composer: composer, model: model, rows: (cut - warmup)..<cycles, checkFrom: cut))
        } else {
            shares.append(ChunkedRun(composer: composer, model: model, rows: 0..<cycles, checkFrom: 0))
        }
        let progress = CampaignProgress(total: shares.reduce(0) { $0 + $1.rows.count })
        let start = Date()
        let runs = shares
        let results = try runConcurrently(runs.count) { try runs[$0].run(progress: progress) }
        let seconds = Date().timeIntervalSince(start)
        return composer.plans.indices.map { p in
            let plan = composer.plans[p]
            // The earliest mismatch over the shares.
            let found = results.compactMap { $0[p] }.min { $0.cycle < $1.cycle }
            return VerificationOutcome(design: plan.module.name, cycles: plan.cycles, coverage: plan.coverage,
                                       mismatch: found?.message, mismatchCycle: found?.cycle, waveform: nil,
                                       buildSeconds: model.buildSeconds, simulationSeconds: seconds, exhaustive: plan.exhaustive)
        }
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
