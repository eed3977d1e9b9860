import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright bench cosim`: PE vectors per second through the co-simulation harness, split into
/// stimulus generation and the run (stimulus file, Verilator simulation with the golden model
/// computing concurrently, outputs, comparison).
struct BenchCosimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cosim", abstract: "PE vectors per second through co-simulation.")
    @Option(parsing: .unconditional, help: "Random PE vectors (1...20000000).") var vectors = 10_000_000
    @Option(help: "Activation format.") var act = "int8"
    @Option(help: "Weight format.") var weight = "ausn-b3s2"

    func validate() throws { try OptionLimits.check(vectors, in: OptionLimits.vectors, "--vectors") }

    func run() throws {
        var flow = CosimBenchmark()
        flow.vectors = vectors
        flow.act = act
        flow.weight = weight
        try flow.run { print($0) }
    }
}
