import ArgumentParser

/// `shiftwright bench …`: the shipped benchmarks behind every performance figure.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a shipped benchmark and print its figures.",
        subcommands: [BenchQuantizeCommand.self, BenchElaborateCommand.self, BenchCosimCommand.self, BenchArrayCommand.self]
    )
}
