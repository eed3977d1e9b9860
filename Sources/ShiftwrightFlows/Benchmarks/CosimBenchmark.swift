import Foundation
import ShiftwrightBits
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilator
import ShiftwrightVerilog

/// The `bench cosim` benchmark: PE vectors per second through the co-simulation harness, split into
/// stimulus generation and the run (stimulus file, Verilator simulation with the golden model
/// computing concurrently, outputs, comparison).
public struct CosimBenchmark: Sendable {
    /// Random PE vectors.
    public var vectors = 10_000_000
    /// Activation format.
    public var act = "int8"
    /// Weight format.
    public var weight = "ausn-b3s2"

    public init() {}

    public func run(log: (String) -> Void) throws {
        guard vectors >= 1 else { throw ToolError("--vectors must be positive") }
        let config = try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight))
        let module = try PEGenerator.module(config)
        log("Tools: \(try ExternalTool.verilator.version())")
        let t0 = Date()
        let plan = PEVerification.plan(config, module: module, options: .init(randomProducts: vectors, accumulationCycles: 0, seed: 1, exhaustiveLimit: 0))
        let t1 = Date()
        let outcome = try BatchRunner.run([plan], waveOnMismatch: false)[0]
        let t2 = Date()
        let golden = t1.timeIntervalSince(t0), total = t2.timeIntervalSince(t0)
        let harness = t2.timeIntervalSince(t1) - outcome.buildSeconds
        log("\(outcome.passed ? "PASS" : "FAIL") \(config.moduleName): \(plan.cycles) cycles")
        log(String(format: "stimulus generation: %.2f s (%.1f M vectors/s)", golden, Double(plan.cycles) / golden / 1e6))
        log(String(format: "simulation ∥ golden model, then compare: %.2f s (%.1f M vectors/s), of which simulation and golden %.2f s",
                     harness, Double(plan.cycles) / harness / 1e6, outcome.simulationSeconds))
        log(String(format: "Verilator build: %.1f s (0 when cached)", outcome.buildSeconds))
        log(String(format: "end to end: %.2f s (%.1f M vectors/s)", total - outcome.buildSeconds,
                     Double(plan.cycles) / (total - outcome.buildSeconds) / 1e6))
        if let mismatch = outcome.mismatch { throw ToolError.checkFailed("mismatch: \(mismatch)") }
    }
}
