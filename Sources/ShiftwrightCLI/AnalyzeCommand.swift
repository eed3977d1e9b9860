import ArgumentParser

/// `shiftwright analyze`: rank AFP / AUSN bit-splits for a tensor.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Rank bit-splits for a tensor.")
    func run() throws { throw ValidationError("analyze is not implemented yet") }
}
