import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators

/// The result of co-simulating an array scenario.
public struct ArrayOutcome: Sendable {
    public let outcome: VerificationOutcome
    public let gemms: Int
    /// Output elements compared with the golden model.
    public let elements: Int
    /// PE operations (positions × activation beats) simulated.
    public let peOperations: Int
    /// Resets that hit the array while it was busy (mid-run).
    public let resetsWhileBusy: Int
    /// `start` pulses the array saw while busy (and had to ignore).
    public let startsWhileBusy: Int
    public var passed: Bool { outcome.passed }
}

/// Co-simulates whole GEMMs on a generated array, cycle-accurately, in Verilator: one build
/// (cached by content) runs every GEMM of an `ArrayScenario` through the DSL harness
/// (`ArrayHarness`) with random stalls on both sides of every stream, resets mid-run and `start`
/// pulses while busy; every transferred result row is compared, in order, with `GoldenGEMM`.
/// On the first mismatch the message names the GEMM, (m, n), expected and actual codes, and a
/// waveform of the cycles before it is written.
public enum ArrayVerification {
    /// `transform` rewrites the emitted Verilog before simulation (mutation tests). `wave`: write
    /// a waveform there on mismatch (default `<waveDirectory>/<array>-mismatch.fst`, the cache's
    /// `waves/` unless given), with a GTKWave save file beside it. `tuning`: how the simulator is
    /// compiled (default `ArrayHarness.tuning`); the mismatch waveform's build is always flat.
    public static func run(_ s: ArrayScenario, module: Module? = nil, transform: (@Sendable (String) -> String)? = nil,
                           wave: String? = nil, waveOnMismatch: Bool = true, waveDirectory: String? = nil,
                           tuning: VerilatorTuning? = nil) throws -> ArrayOutcome {
        let array = try module ?? ArrayGenerator.module(s.config)
        let plan = ArrayStimulus(s)
        let (harness, verilog, model) = try ArrayHarness.model(s.config, array: array, depths: plan.depths, transform: transform, tuning: tuning)
        let ports = harness.portSpecs
        let stimulus = plan.words(s, layout: model.layout)
        let t0 = Date()
        let outputs = try model.run(stimulus: stimulus, cycles: plan.cycles)
        let simulated = Date().timeIntervalSince(t0)
        let failure = check(s, plan: plan, layout: model.layout, stimulus: stimulus, outputs: outputs)
        let events = exercised(plan, layout: model.layout, stimulus: stimulus, outputs: outputs)
        var waveform: String?
        if let failure, waveOnMismatch || wave != nil {
            let path = try wave ?? Waveforms.mismatchPath(top: array.name, directory: waveDirectory)
            let traced = try VerilatorModel.build(verilog: [verilog], top: harness.name, ports: ports,
                                                  trace: try TraceFormat(path: path))
            let window = (max(0, failure.cycle - 64), min(plan.cycles - 1, failure.cycle + 4))
            _ = try traced.run(stimulus: stimulus, cycles: plan.cycles, wave: (path, window.0, window.1))
            let saveFile = try Waveforms.writeSaveFile(dump: path, top: harness.name, ports: ports, fromCycle: window.0)
            waveform = "\(path) (cycles \(window.0)...\(window.1); GTKWave: \(saveFile))"
        }
        let elements = plan.segments.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.codes.count } }
        let resets = s.segments.filter { $0.resetAfter != nil }.count
        let coverage = "\(plan.gemms.count) GEMMs (seed \(s.seed)), \(elements) output elements, \(resets) reset(s) "
            + "(\(events.busyResets) while busy), \(events.startsWhileBusy) start pulses while busy, "
            + String(format: "stalls: source %.0f%%, sink %.0f%%, start-while-busy %.0f%%",
                     s.stalls.source * 100, s.stalls.sink * 100, s.stalls.startWhileBusy * 100)
        let outcome = VerificationOutcome(design: array.name, cycles: plan.cycles, coverage: coverage, mismatch: failure?.message,
                                          mismatchCycle: failure?.cycle, waveform: waveform,
                                          buildSeconds: model.buildSeconds, simulationSeconds: simulated)
        return ArrayOutcome(outcome: outcome, gemms: plan.gemms.count, elements: elements, peOperations: plan.peOperations,
                            resetsWhileBusy: events.busyResets, startsWhileBusy: events.startsWhileBusy)
    }

    /// How often the run really reset a busy array and pulsed `start` while busy (the random
    /// stimulus asks for both; this counts what happened).
    static func exercised(_ plan: ArrayStimulus, layout: PortLayout, stimulus: [UInt64],
                          outputs: [UInt64]) -> (busyResets: Int, startsWhileBusy: Int) {
        let busy = layout.outputIndex("busy")!.offset, glitch = layout.inputOffset("glitch")!
        let busyResets = plan.segments.filter { !$0.complete && outputs[($0.end - 1) * layout.outputWords + busy] == 1 }.count
        let starts = (0..<plan.cycles).filter {
            stimulus[$0 * layout.inputWords + glitch] == 1 && outputs[$0 * layout.outputWords + busy] == 1
        }.count
        return (busyResets, starts)
    }

    /// Scans the outputs segment by segment; returns the first problem.
    static func check(_ s: ArrayScenario, plan: ArrayStimulus, layout: PortLayout, stimulus: [UInt64],
                      outputs: [UInt64]) -> (message: String, cycle: Int)? {
        let c = s.config
        let yValid = layout.outputIndex("y_valid")!.offset, busy = layout.outputIndex("busy")!.offset
        let done = layout.outputIndex("done")!.offset, yData = layout.outputIndex("y_data")!
        let yReady = layout.inputOffset("y_ready")!
        for (index, seg) in plan.segments.enumerated() {
            var next = 0, dones = 0
            if seg.end - seg.start > 1, outputs[(seg.start + 1) * layout.outputWords + busy] != 0 {
                return ("segment \(index): busy = 1 right after reset (cycle \(seg.start + 1))", seg.start + 1)
            }
            for cycle in (seg.start + 1)..<seg.end {
                let base = cycle * layout.outputWords
                if outputs[base + done] & 1 == 1 { dones += 1 }
                guard outputs[base + yValid] & 1 == 1, stimulus[cycle * layout.inputWords + yReady] == 1 else { continue }
                guard next < seg.rows.count else {
                    return ("cycle \(cycle): an extra result beat after all \(seg.rows.count) expected rows of segment \(index)", cycle)
                }
                let expected = seg.rows[next]
                let words = outputs[(base + yData.offset)..<(base + yData.offset + yData.port.words)]
                let actual = ArrayStimulus.unpack(words, count: c.cols, bits: c.target.codeWidth)
                let want = Array(expected.codes)
                if let n = actual.indices.first(where: { actual[$0] != want[$0] }) {
                    return (describe(plan.gemms[expected.gemm], gemm: expected.gemm, m: expected.row, n: n,
                                     expected: want[n], actual: actual[n], cycle: cycle), cycle)
                }
                next += 1
            }
            guard seg.complete else { continue }
            if next < seg.rows.count {
                let missing = seg.rows[next]
                return ("timed out: segment \(index) transferred \(next) of \(seg.rows.count) result rows in \(seg.end - seg.start) cycles "
                        + "(first missing: GEMM \(missing.gemm) row m = \(missing.row))", seg.end - 1)
            }
            if dones != seg.gemms {
                return ("segment \(index): done pulsed \(dones) times for \(seg.gemms) GEMMs", seg.end - 1)
            }
        }
        return nil
    }

    static func describe(_ g: GemmProblem, gemm: Int, m: Int, n: Int, expected: UInt64, actual: UInt64, cycle: Int) -> String {
        let acc = GoldenGEMM.accumulators(g)[m * g.n + n]
        return "GEMM \(gemm) (M=\(g.m) K=\(g.k) N=\(g.n), shift \(g.shift)): first mismatch at (m, n) = (\(m), \(n)), cycle \(cycle): "
            + "expected \(g.target.binaryFields(of: expected)) (\(g.target.name) unit value \(g.target.unitValue(ofCode: expected))) "
            + "but the array gave \(g.target.binaryFields(of: actual)) (unit value \(g.target.unitValue(ofCode: actual))); "
            + "golden accumulator \(acc)"
    }
}
