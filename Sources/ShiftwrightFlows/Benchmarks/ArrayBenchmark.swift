import Foundation
import ShiftwrightBits
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilator
import ShiftwrightVerilog

/// The `bench array` benchmark: elaboration + emission time of a large array (64×64 by default,
/// and the larger sizes given with `--also`), then Verilator build time and simulated PE
/// operations per second of whole GEMMs on a 16×16 array (golden comparison included).
public struct ArrayBenchmark: Sendable {
    /// Activation format.
    public var act = "int8"
    /// Weight format.
    public var weight = "ausn-b3s2"
    /// Side of the square array to elaborate and emit.
    public var elaborate = 64
    /// Further square sizes to elaborate (comma-separated), e.g. 128.
    public var also = ""
    /// Side of the square array to simulate.
    public var simulate = 16
    /// GEMMs to simulate (each M = 256, K = 4 x side).
    public var gemms = 64
    /// Reuse cached Verilator builds (default: build afresh so the build time is real).
    public var cached = false
    /// Also build the elaborated array with Verilator (slow for 64x64).
    public var verilateLarge = false

    public init() {}

    public func run(log: (String) -> Void) throws {
        guard elaborate >= 1, simulate >= 1, gemms >= 1 else { throw ToolError("sizes and --gemms must be positive") }
        let a = try NumberFormat(parsing: act), w = try NumberFormat(parsing: weight)
        log("Tools: \(try ExternalTool.verilator.version())")
        let extra = try also.split(separator: ",").map { s -> Int in
            guard let n = Int(s.trimmingCharacters(in: .whitespaces)) else { throw ToolError("bad --also size '\(s)'") }
            return n
        }
        var large: Module?
        for side in [elaborate] + extra {
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
        let c = try ArrayConfig(rows: simulate, cols: simulate, activation: a, weight: w, maxRows: 256, maxTiles: 4)
        var rng = SplitMix64(seed: 1)
        let t0 = Date()
        let problems = try (0..<gemms).map { _ in
            try GemmProblem.random(activation: a, weight: w, target: c.target, shift: -8, m: 256, k: 4 * simulate, n: simulate, using: &rng)
        }
        let scenario = try ArrayScenario(config: c, segments: [.init(problems)], stalls: .none, seed: 1)
        let result = try ArrayVerification.run(scenario, waveOnMismatch: false)
        let total = Date().timeIntervalSince(t0)
        let o = result.outcome
        log(String(format: "%dx%d array: Verilator build (array + harness) %.1f s%@", simulate, simulate, o.buildSeconds, cached ? " (0 when cached)" : ""))
        log(String(format: "simulated %d GEMMs (M = 256, K = %d, N = %d): %d cycles, %d PE operations in %.3f s = %.1f M PE-ops/s (%.2f M cycles/s)",
                     gemms, 4 * simulate, simulate, o.cycles, result.peOperations, o.simulationSeconds,
                     Double(result.peOperations) / o.simulationSeconds / 1e6, Double(o.cycles) / o.simulationSeconds / 1e6))
        log(String(format: "end to end without the build (golden GEMM, stimulus, simulation, compare): %.2f s", total - o.buildSeconds))
        if let mismatch = o.mismatch { throw ToolError.checkFailed("mismatch: \(mismatch)") }
    }
}
