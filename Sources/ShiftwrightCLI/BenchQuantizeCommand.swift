import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright bench quantize`: values per second through the golden quantizer.
struct BenchQuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Benchmark the quantizer.",
        discussion: """
        Quantizes N float32 values (Laplace-distributed, seeded) to afp-e3m2 and ausn-b3s2 on one
        core and prints values per second (best of --repeat runs). When python3 with NumPy is
        available it times the same nearest-value rounding in NumPy (np.searchsorted over the
        midpoints of the value set) on the same data. Build with -c release for meaningful figures.
        """)

    @Option(parsing: .unconditional, help: "Number of values (1...500000000).")
    var count: Int = 10_000_000
    @Option(name: .customLong("repeat"), parsing: .unconditional, help: "Timed runs per format (the best is reported, 1...1000).")
    var repeats: Int = 3
    @Option(parsing: .unconditional, help: "Seed of the generated data.")
    var seed: UInt64 = 1
    @Flag(name: .customLong("no-numpy"), help: "Skip the NumPy comparison.")
    var noNumpy = false

    func validate() throws {
        try OptionLimits.check(count, in: 1...500_000_000, "--count")
        try OptionLimits.check(repeats, in: OptionLimits.repeats, "--repeat")
    }

    func run() throws {
        var flow = QuantizeBenchmark()
        flow.count = count
        flow.repeats = repeats
        flow.seed = seed
        flow.noNumpy = noNumpy
        try flow.run { print($0) }
    }
}
