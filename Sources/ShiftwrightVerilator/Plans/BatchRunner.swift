import Foundation
import Synchronization
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightTooling

/// Runs `VectorPlan`s in process, streamed in fixed-size chunks, on both cores. The plans are
/// wrapped into one top module (ports `d<i>_<port>`, inputs registered) and built once (Verilator
/// build time, not simulation, dominates short runs). A long plan is cut at rows it can restart
/// from into shares, which run side by side as lanes (copies of its design) of that one model, on
/// one instance of it per core (`CampaignLayout`). Designs with external Verilog run on their
/// own, one lane per core. Waveforms come from the traced simulator executable
/// (`VerilatorModel`), replaying only the rows around the cycle of interest.
public enum BatchRunner {
    /// Workers, one per core of the machines this project targets.
    static let workers = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))

    /// With one plan, a waveform is written to `wave` (or, on a mismatch when `waveOnMismatch`,
    /// to `<waveDirectory>/<top>-mismatch.fst`, by default in the cache: `Waveforms`) covering
    /// the cycles around the first mismatch, with a GTKWave save file beside it. Outcomes come
    /// in the order of `plans`.
    public static func run(_ plans: [VectorPlan], name: String = "sw_batch", wave: String? = nil,
                           waveOnMismatch: Bool = true, waveDirectory: String? = nil) throws -> [VerificationOutcome] {
        guard !plans.isEmpty else { return [] }
        if plans.count == 1 {
            return [try runSingle(plans[0], wave: wave, waveOnMismatch: waveOnMismatch, waveDirectory: waveDirectory)]
        }
        var outcomes = [VerificationOutcome?](repeating: nil, count: plans.count)
        for (index, plan) in plans.enumerated() where plan.externalVerilog != nil {
            outcomes[index] = try runSingle(plan, wave: nil, waveOnMismatch: waveOnMismatch, waveDirectory: waveDirectory)
        }
        let generated = plans.indices.filter { plans[$0].externalVerilog == nil }
        if !generated.isEmpty {
            // One Verilator build for the whole batch, its lanes shared among the cores.
            let results = try Campaign(generated.map { plans[$0] }, name: name).execute()
            for (index, outcome) in zip(generated, results) { outcomes[index] = outcome }
        }
        return outcomes.map { $0! }
    }

    static func runSingle(_ plan: VectorPlan, wave: String?, waveOnMismatch: Bool, waveDirectory: String?) throws -> VerificationOutcome {
        var outcome = try Campaign([plan], name: "\(plan.module.name)_lanes").execute()[0]
        if let cycle = (waveOnMismatch || wave != nil ? outcome.mismatchCycle : nil) ?? (wave != nil ? 0 : nil) {
            let (text, top) = verilog(of: plan)
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
