import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright bench cosim`: PE vectors per second through the co-simulation harness, beside the
/// raw simulator (a pure C++ loop over the same model) and the ratio of the two.
struct BenchCosimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cosim", abstract: "PE vectors per second through co-simulation.")
    @Option(parsing: .unconditional, help: "Random PE vectors (1...10000000000; streamed, so memory stays flat).") var vectors = 100_000_000
    @Option(help: "Activation format.") var act = "int8"
    @Option(help: "Weight format.") var weight = "ausn-b3s2"

    func validate() throws { try OptionLimits.check(vectors, in: OptionLimits.streamedVectors, "--vectors") }

    func run() throws {
        var flow = CosimBenchmark()
        flow.vectors = vectors
        flow.act = act
        flow.weight = weight
        try flow.run { print($0) }
    }
}
