import ArgumentParser
import Foundation
import ShiftwrightCosim
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling

/// `shiftwright bench cosim`: PE vectors per second through the co-simulation harness, split into
/// stimulus generation and the run (stimulus file, Verilator simulation with the golden model
/// computing concurrently, outputs, comparison).
struct BenchCosimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cosim", abstract: "PE vectors per second through co-simulation.")
    @Option(help: "Random PE vectors.") var vectors = 10_000_000
    @Option(help: "Activation format.") var act = "int8"
    @Option(help: "Weight format.") var weight = "ausn-b3s2"

    func run() throws {
        guard vectors >= 1 else { throw ValidationError("--vectors must be positive") }
        let config = try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight))
        let module = try PEGenerator.module(config)
        print("Tools: \(try ExternalTool.verilator.version())")
        let t0 = Date()
        let plan = PEVerification.plan(config, module: module, options: .init(randomProducts: vectors, accumulationCycles: 0, seed: 1, exhaustiveLimit: 0))
        let t1 = Date()
        let outcome = try BatchRunner.run([plan], waveOnMismatch: false)[0]
        let t2 = Date()
        let golden = t1.timeIntervalSince(t0), total = t2.timeIntervalSince(t0)
        let harness = t2.timeIntervalSince(t1) - outcome.buildSeconds
        print("\(outcome.passed ? "PASS" : "FAIL") \(config.moduleName): \(plan.cycles) cycles")
        print(String(format: "stimulus generation: %.2f s (%.1f M vectors/s)", golden, Double(plan.cycles) / golden / 1e6))
        print(String(format: "simulation ∥ golden model, then compare: %.2f s (%.1f M vectors/s), of which simulation and golden %.2f s",
                     harness, Double(plan.cycles) / harness / 1e6, outcome.simulationSeconds))
        print(String(format: "Verilator build: %.1f s (0 when cached)", outcome.buildSeconds))
        print(String(format: "end to end: %.2f s (%.1f M vectors/s)", total - outcome.buildSeconds,
                     Double(plan.cycles) / (total - outcome.buildSeconds) / 1e6))
        if let mismatch = outcome.mismatch { throw ToolError("mismatch: \(mismatch)") }
    }
}
