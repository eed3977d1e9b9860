import ArgumentParser

/// The `shiftwright` command: designs, verifies and sizes hardware for low-bit NN arithmetic.
@main
struct Shiftwright: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shiftwright",
        abstract: "Generate, verify and size AFP / AUSN neural-network arithmetic hardware.",
        subcommands: [
            QuantizeCommand.self, AnalyzeCommand.self, BenchCommand.self,
        ]
    )
}
