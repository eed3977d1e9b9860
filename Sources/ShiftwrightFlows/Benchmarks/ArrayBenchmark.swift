import Foundation
import ShiftwrightBits
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilator
import ShiftwrightVerilog

/// The `bench array` benchmark: elaboration + emission time of a large array (64×64 by default,
/// and the larger sizes given with `--also`), then, for each simulated size, the Verilator build
/// of the array in its harness (wall and CPU seconds) and the speed of whole GEMMs through it:
/// the harness end to end (stimulus, simulator process, golden comparison) beside the raw
/// simulator (the same model's cycle loop over the same stimulus, in memory, nothing else), so
/// the harness's overhead is visible.
public struct ArrayBenchmark: Sendable {
    /// Activation format.
    public var act = "int8"
    /// Weight format.
    public var weight = "ausn-b3s2"
    /// Side of the square array to elaborate and emit.
    public var elaborate = 64
    /// Further square sizes to elaborate (comma-separated), e.g. 128.
    public var also = ""
    /// Sides of the square arrays to build and simulate (comma-separated), e.g. 8,16,32,64.
    public var simulate = "16"
    /// GEMMs to simulate per size (each M = 256, K = 4 x side).
    public var gemms = 64
    /// Reuse cached Verilator builds (default: build afresh so the build time is real).
    public var cached = false
    /// Also build the elaborated array with Verilator (slow for 64x64).
    public var verilateLarge = false
    /// Build flat, without hierarchical blocks (the array path's earlier build), for comparison.
    public var flat = false

    public init() {}

    /// The comma-separated sides of `list` (the option `name` in messages).
    static func sides(_ list: String, _ name: String) throws -> [Int] {
        try list.split(separator: ",").map { s -> Int in
            guard let n = Int(s.trimmingCharacters(in: .whitespaces)), n >= 1 else { throw ToolError("bad \(name) size '\(s)'") }
            return n
        }
    }

    public func run(log: (String) -> Void) throws {
        let simulated = try Self.sides(simulate, "--simulate")
        guard elaborate >= 1, !simulated.isEmpty, gemms >= 1 else { throw ToolError("sizes and --gemms must be positive") }
        let a = try NumberFormat(parsing: act), w = try NumberFormat(parsing: weight)
        log("Tools: \(try ExternalTool.verilator.version())")
        var large: Module?
        for side in [elaborate] + (try Self.sides(also, "--also")) {
            let c = try ArrayConfig(rows: side, cols: side, activation: a, weight: w)
            let t0 = Date()
            let module = try ArrayGenerator.module(c)
            let t1 = Date()
            let text = VerilogEmitter.emit(module).text
            let t2 = Date()
            if side == elaborate { large = module }
            log(String(format: "elaborate %dx%d %@ x %@: %.2f s, emit %.2f s, total %.2f s (%d graph nodes, %d PEs, %.1f MB Verilog)",
                         side, side, a.name, w.name, t1.timeIntervalSince(t0), t2.timeIntervalSince(t1), t2.timeIntervalSince(t0),
                         module.flatNodeCount, side * side, Double(text.utf8.count) / 1e6))
        }
        if !cached { setenv("SHIFTWRIGHT_CACHE", NSTemporaryDirectory() + "shiftwright-bench-\(UUID().uuidString)", 1) }
        defer { if !cached, let dir = ProcessInfo.processInfo.environment["SHIFTWRIGHT_CACHE"] { try? FileManager.default.removeItem(atPath: dir) } }
        if verilateLarge, let large {
            let emitted = VerilogEmitter.emit(large)
            let model = try VerilatorModel.build(verilog: [(emitted.fileName, emitted.text)], top: large.name, ports: large.portSpecs)
            log(String(format: "Verilator build of the %dx%d array: %.1f s", elaborate, elaborate, model.buildSeconds))
        }
        log("Verilator builds: \(flat ? "flat" : "hierarchical, one block per distinct column module")\(cached ? " (0 s when cached)" : ", cold cache")")
        var rows: [String] = []
        for side in simulated { rows.append(try simulate(side: side, a, w, log: log)) }
        log("size | build wall s | build CPU s | simulator process M PE-ops/s | k cycles/s | end to end M PE-ops/s | raw M PE-ops/s | raw k cycles/s | end to end / raw")
        for row in rows { log(row) }
    }

    /// Builds and simulates one size; logs its lines and returns its summary row.
    private func simulate(side: Int, _ a: NumberFormat, _ w: NumberFormat, log: (String) -> Void) throws -> String {
        let c = try ArrayConfig(rows: side, cols: side, activation: a, weight: w, maxRows: 256, maxTiles: 4)
        var rng = SplitMix64(seed: 1)
        let t0 = Date()
        let problems = try (0..<gemms).map { _ in
            try GemmProblem.random(activation: a, weight: w, target: c.target, shift: -8, m: 256, k: 4 * side, n: side, using: &rng)
        }
        let scenario = try ArrayScenario(config: c, segments: [.init(problems)], stalls: .none, seed: 1)
        let array = try ArrayGenerator.module(c)
        let plan = ArrayStimulus(scenario)
        let tuning = flat ? VerilatorTuning.standard : ArrayHarness.tuning(c)
        let cpu0 = CPUTime.children
        let model = try ArrayHarness.model(c, array: array, depths: plan.depths, tuning: tuning).model
        let buildCPU = CPUTime.children - cpu0
        // The harness run below finds this build in the cache: its figures are simulation only.
        let result = try ArrayVerification.run(scenario, module: array, waveOnMismatch: false, tuning: tuning)
        let total = Date().timeIntervalSince(t0)
        let o = result.outcome
        if let mismatch = o.mismatch { throw ToolError.checkFailed("\(side)x\(side): mismatch: \(mismatch)") }
        let raw = try model.runRaw(stimulus: plan.words(scenario, layout: model.layout), cycles: plan.cycles)
        let ops = Double(result.peOperations), cycles = Double(o.cycles), endToEnd = total - model.buildSeconds
        log(String(format: "%dx%d array: Verilator build (array + harness) %.1f s wall, %.1f s CPU", side, side, model.buildSeconds, buildCPU))
        log(String(format: "  harness: %d GEMMs (M = 256, K = %d, N = %d), %d cycles, %d PE operations, simulator process %.3f s = %.2f M PE-ops/s (%.1f k cycles/s); "
                     + "end to end without the build (golden GEMM, stimulus, simulation, compare) %.2f s",
                     gemms, 4 * side, side, o.cycles, result.peOperations, o.simulationSeconds, ops / o.simulationSeconds / 1e6,
                     cycles / o.simulationSeconds / 1e3, endToEnd))
        log(String(format: "  raw simulator (same model and stimulus, cycle loop only): %.3f s wall, %.3f s CPU = %.2f M PE-ops/s (%.1f k cycles/s); "
                     + "speed of the harness end to end / raw %.2f, of the simulator process / raw %.2f",
                     raw.wallSeconds, raw.cpuSeconds, ops / raw.wallSeconds / 1e6, cycles / raw.wallSeconds / 1e3,
                     raw.wallSeconds / endToEnd, raw.wallSeconds / o.simulationSeconds))
        return String(format: "%dx%d | %.1f | %.1f | %.2f | %.1f | %.2f | %.2f | %.1f | %.2f", side, side, model.buildSeconds, buildCPU,
                      ops / o.simulationSeconds / 1e6, cycles / o.simulationSeconds / 1e3, ops / endToEnd / 1e6,
                      ops / raw.wallSeconds / 1e6, cycles / raw.wallSeconds / 1e3, raw.wallSeconds / endToEnd)
    }
}
