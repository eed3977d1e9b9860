import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright bench elaborate`: time to elaborate and emit a design of N graph nodes.
struct BenchElaborateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "elaborate",
                                                    abstract: "Time elaborating and emitting a design of N cells.")
    @Option(help: "Approximate number of cells (graph nodes).") var cells = 10_000
    @Option(help: "Repetitions (the median is reported).") var repeats = 5

    func run() throws {
        var flow = ElaborateBenchmark()
        flow.cells = cells
        flow.repeats = repeats
        try flow.run { print($0) }
    }
}
