import Foundation
import Synchronization
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightTooling

/// Runs several `VectorPlan`s through one Verilator build: the designs are wrapped into one top
/// module (ports `d<i>_<port>`), their stimuli interleaved cycle by cycle, and each design's
/// outputs handed to its own checker. Designs with external Verilog run on their own.
public enum BatchRunner {
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
            let top = try DesignBatch.wrap(generated.map(\.module), name: name)
            let verilog = VerilogEmitter.emit(top)
            let model = try VerilatorModel.build(verilog: [(verilog.fileName, verilog.text)], top: top.name, ports: top.portSpecs)
            outcomes += try execute(generated, model: model)
        }
        return outcomes
    }

    static func runSingle(_ plan: VectorPlan, wave: String?, waveOnMismatch: Bool, waveDirectory: String?) throws -> VerificationOutcome {
        let text: String, top: String
        if let external = plan.externalVerilog {
            (text, top) = external
        } else {
            let verilog = VerilogEmitter.emit(plan.module)
            (text, top) = (verilog.text, verilog.top)
        }
        let ports = plan.module.portSpecs
        let model = try VerilatorModel.build(verilog: [("\(top).v", text)], top: top, ports: ports, library: plan.library)
        var outcome = try execute([plan], model: model)[0]
        if let cycle = (waveOnMismatch || wave != nil ? outcome.mismatchCycle : nil) ?? (wave != nil ? 0 : nil) {
            let path = try wave ?? Waveforms.mismatchPath(top: top, directory: waveDirectory)
            let window = (max(0, cycle - 16), min(plan.cycles - 1, cycle + 4))
            let dumped = try traceWindow(plan, text: text, top: top, path: path, window: window.0...window.1)
            let saveFile = try Waveforms.writeSaveFile(dump: path, top: dumped.top, ports: dumped.ports, fromCycle: window.0)
            outcome.waveform = "\(path) (cycles \(window.0)...\(window.1)\(dumped.withExpected ? ", with tb_expected_*/tb_mismatch" : ""); GTKWave: \(saveFile))"
        }
        return outcome
    }

    /// Re-runs `plan` with tracing, dumping `window` to `path`. When the plan names its expected
    /// values (and an external RTL's top has the generated design's name, so the wrapper can
    /// instantiate it), the design runs inside a `WaveHarness`, so the dump also holds the golden
    /// values and the mismatch flag; returns the dumped top and its ports.
    static func traceWindow(_ plan: VectorPlan, text: String, top: String, path: String,
                            window: ClosedRange<Int>) throws -> (top: String, ports: [PortSpec], withExpected: Bool) {
        let trace = try TraceFormat(path: path)
        let wave = (path, window.lowerBound, window.upperBound)
        guard let expectations = plan.waveExpectations?(), top == plan.module.name else {
            let traced = try VerilatorModel.build(verilog: [("\(top).v", text)], top: top, ports: plan.module.portSpecs,
                                                  trace: trace, library: plan.library)
            _ = try traced.run(stimulus: fullStimulus([plan], layout: traced.layout), cycles: plan.cycles, wave: wave)
            return (top, plan.module.portSpecs, false)
        }
        let harness = try WaveHarness.module(plan.module, expectations: expectations)
        let wrapper = plan.externalVerilog == nil ? VerilogEmitter.emit(harness) : VerilogEmitter.emitTopOnly(harness)
        let sources = [(wrapper.fileName, wrapper.text)] + (plan.externalVerilog == nil ? [] : [("\(top).v", text)])
        let traced = try VerilatorModel.build(verilog: sources, top: harness.name, ports: harness.portSpecs,
                                              trace: trace, library: plan.library)
        var stimulus = fullStimulus([plan], layout: traced.layout)
        WaveHarness.addExpectations(expectations, window: window, layout: traced.layout, to: &stimulus)
        _ = try traced.run(stimulus: stimulus, cycles: plan.cycles, wave: wave)
        return (harness.name, harness.portSpecs, true)
    }

    /// Interleaves the plans' stimuli into the model's layout: `rst` high in cycle 0, each
    /// design's input words at its ports' offsets; designs whose plan is shorter idle at zero.
    static func fullStimulus(_ plans: [VectorPlan], layout: PortLayout) -> [UInt64] {
        let cycles = plans.map(\.cycles).max() ?? 0
        var words = [UInt64](repeating: 0, count: cycles * layout.inputWords)
        let resetOffset = layout.inputOffset("rst")
        var portIndex = 0
        let dataInputs = layout.inputs.filter { $0.port.name != "rst" }
        for plan in plans {
            let ports = plan.module.inputs.filter { !$0.isImplicit }.count
            defer { portIndex += ports }
            guard ports > 0 else { continue }
            let first = dataInputs[portIndex].offset
            let n = plan.inputWordsPerCycle
            let stride = layout.inputWords
            words.withUnsafeMutableBufferPointer { target in
                plan.stimulus.withUnsafeBufferPointer { source in
                    guard var to = target.baseAddress.map({ $0 + first }), var from = source.baseAddress else { return }
                    for _ in 0..<plan.cycles {
                        to.update(from: from, count: n)
                        to += stride
                        from += n
                    }
                }
            }
        }
        if let resetOffset, cycles > 0 { words[resetOffset] = 1 }
        return words
    }

    static func execute(_ plans: [VectorPlan], model: VerilatorModel) throws -> [VerificationOutcome] {
        let layout = model.layout
        let cycles = plans.map(\.cycles).max() ?? 0
        let start = Date()
        let run = try SplitRun(plans: plans, stimulus: fullStimulus(plans, layout: layout), cycles: cycles, model: model)
        // The golden model works while Verilator simulates: both take seconds on large runs.
        let checkers = Checkers(count: plans.count)
        DispatchQueue.concurrentPerform(iterations: plans.count) { i in checkers.set(i, plans[i].golden()) }
        let outputs = try run.finish()
        let simulated = Date().timeIntervalSince(start)
        var outcomes: [VerificationOutcome] = []
        var outputOffset = 0
        for (index, plan) in plans.enumerated() {
            let width = plan.module.outputs.reduce(0) { $0 + ($1.type.width + 63) / 64 }
            let found = outputs.withUnsafeBufferPointer { all in
                checkers.get(index)(OutputView(words: all, stride: layout.outputWords, offset: outputOffset, cycles: plan.cycles))
            }
            let (mismatch, mismatchCycle) = (found?.message, found?.cycle)
            outputOffset += width
            outcomes.append(VerificationOutcome(design: plan.module.name, cycles: plan.cycles, coverage: plan.coverage,
                                                mismatch: mismatch, mismatchCycle: mismatchCycle, waveform: nil,
                                                buildSeconds: model.buildSeconds, simulationSeconds: simulated))
        }
        return outcomes
    }
}

/// Checkers produced concurrently, one slot per plan.
final class Checkers: Sendable {
    private let slots: Mutex<[VectorPlan.Checker?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ i: Int, _ checker: @escaping VectorPlan.Checker) { slots.withLock { $0[i] = checker } }
    func get(_ i: Int) -> VectorPlan.Checker {
        let checker: VectorPlan.Checker? = slots.withLock { $0[i] }
        if let checker { return checker }
        return { _ in (cycle: 0, message: "no golden values were computed") }
    }
}
