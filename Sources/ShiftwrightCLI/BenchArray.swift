import ArgumentParser
import Foundation
import ShiftwrightCosim
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilog

/// `shiftwright bench array`: elaboration + emission time of a large array (64×64 by default,
/// and the larger sizes given with `--also`), then Verilator build time and simulated PE
/// operations per second of whole GEMMs on a 16×16 array (golden comparison included).
struct BenchArrayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "array", abstract: "Array elaboration, Verilator build and GEMM simulation speed.")
    @Option(help: "Activation format.") var act = "int8"
    @Option(help: "Weight format.") var weight = "ausn-b3s2"
    @Option(help: "Side of the square array to elaborate and emit.") var elaborate = 64
    @Option(help: "Further square sizes to elaborate (comma-separated), e.g. 128.") var also = ""
    @Option(help: "Side of the square array to simulate.") var simulate = 16
    @Option(help: "GEMMs to simulate (each M = 256, K = 4 x side).") var gemms = 64
    @Flag(help: "Reuse cached Verilator builds (default: build afresh so the build time is real).") var cached = false
    @Flag(help: "Also build the elaborated array with Verilator (slow for 64x64).") var verilateLarge = false

    func run() throws {
        guard elaborate >= 1, simulate >= 1, gemms >= 1 else { throw ValidationError("sizes and --gemms must be positive") }
        let a = try NumberFormat(parsing: act), w = try NumberFormat(parsing: weight)
        print("Tools: \(try ExternalTool.verilator.version())")
        let extra = try also.split(separator: ",").map { s -> Int in
            guard let n = Int(s.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("bad --also size '\(s)'") }
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
            print(String(format: "elaborate %dx%d %@ x %@: %.2f s, emit %.2f s, total %.2f s (%d graph nodes, %d PEs, %.1f MB Verilog)",
                         side, side, a.name, w.name, t1.timeIntervalSince(t0), t2.timeIntervalSince(t1), t2.timeIntervalSince(t0),
                         module.flatNodeCount, side * side, Double(text.utf8.count) / 1e6))
        }
        if !cached { setenv("SHIFTWRIGHT_CACHE", NSTemporaryDirectory() + "shiftwright-bench-\(UUID().uuidString)", 1) }
        defer { if !cached, let dir = ProcessInfo.processInfo.environment["SHIFTWRIGHT_CACHE"] { try? FileManager.default.removeItem(atPath: dir) } }
        if verilateLarge, let large {
            let emitted = VerilogEmitter.emit(large)
            let model = try VerilatorModel.build(verilog: [(emitted.fileName, emitted.text)], top: large.name, ports: PortSpec.of(large))
            print(String(format: "Verilator build of the %dx%d array: %.1f s", elaborate, elaborate, model.buildSeconds))
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
        print(String(format: "%dx%d array: Verilator build (array + harness) %.1f s%@", simulate, simulate, o.buildSeconds, cached ? " (0 when cached)" : ""))
        print(String(format: "simulated %d GEMMs (M = 256, K = %d, N = %d): %d cycles, %d PE operations in %.3f s = %.1f M PE-ops/s (%.2f M cycles/s)",
                     gemms, 4 * simulate, simulate, o.cycles, result.peOperations, o.simulationSeconds,
                     Double(result.peOperations) / o.simulationSeconds / 1e6, Double(o.cycles) / o.simulationSeconds / 1e6))
        print(String(format: "end to end without the build (golden GEMM, stimulus, simulation, compare): %.2f s", total - o.buildSeconds))
        if let mismatch = o.mismatch { throw ToolError("mismatch: \(mismatch)") }
    }
}
