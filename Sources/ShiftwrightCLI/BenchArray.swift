import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright bench array`: elaboration + emission time of a large array (64×64 by default,
/// and the larger sizes given with `--also`), then for each `--simulate` size the Verilator build
/// time (wall and CPU) and the speed of whole GEMMs, the harness end to end beside the raw simulator.
struct BenchArrayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "array", abstract: "Array elaboration, Verilator build and GEMM simulation speed.")
    @Option(help: "Activation format.") var act = "int8"
    @Option(help: "Weight format.") var weight = "ausn-b3s2"
    @Option(parsing: .unconditional, help: "Side of the square array to elaborate and emit (1...256).") var elaborate = 64
    @Option(help: "Further square sizes to elaborate (comma-separated), e.g. 128.") var also = ""
    @Option(parsing: .unconditional, help: "Sides of the square arrays to build and simulate, comma-separated (each 1...64), e.g. 8,16,32,64.") var simulate = "16"
    @Option(parsing: .unconditional, help: "GEMMs to simulate (each M = 256, K = 4 x side; 1...10000).") var gemms = 64
    @Flag(help: "Reuse cached Verilator builds (default: build afresh so the build time is real).") var cached = false
    @Flag(help: "Also build the elaborated array with Verilator (slow for 64x64).") var verilateLarge = false
    @Flag(help: "Build the simulated arrays flat, without hierarchical blocks (for comparison).") var flat = false

    func validate() throws {
        try OptionLimits.check(elaborate, in: OptionLimits.elaborateSide, "--elaborate")
        for size in also.split(separator: ",") {
            guard let n = Int(size.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("--also: '\(size)' is not a whole number") }
            try OptionLimits.check(n, in: OptionLimits.elaborateSide, "--also")
        }
        let sides = simulate.split(separator: ",", omittingEmptySubsequences: false)
        for size in sides {
            guard let n = Int(size.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("--simulate: '\(size)' is not a whole number") }
            try OptionLimits.check(n, in: OptionLimits.simulateSide, "--simulate")
        }
        try OptionLimits.check(gemms, in: OptionLimits.gemms, "--gemms")
    }

    func run() throws {
        var flow = ArrayBenchmark()
        flow.act = act
        flow.weight = weight
        flow.elaborate = elaborate
        flow.also = also
        flow.simulate = simulate
        flow.gemms = gemms
        flow.cached = cached
        flow.verilateLarge = verilateLarge
        flow.flat = flat
        try flow.run { print($0) }
    }
}
