import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright bench elaborate`: time to elaborate and emit a design of N graph nodes.
struct BenchElaborateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "elaborate",
                                                    abstract: "Time elaborating and emitting a design of N cells.")
    @Option(parsing: .unconditional, help: "Approximate number of cells (graph nodes, 100...10000000).") var cells = 10_000
    @Option(parsing: .unconditional, help: "Repetitions (the median is reported, 1...1000).") var repeats = 5

    func validate() throws {
        try OptionLimits.check(cells, in: OptionLimits.cells, "--cells")
        try OptionLimits.check(repeats, in: OptionLimits.repeats, "--repeats")
    }

    func run() throws {
        var flow = ElaborateBenchmark()
        flow.cells = cells
        flow.repeats = repeats
        try flow.run { print($0) }
    }
}
