import ArgumentParser

/// `shiftwright bench quantize`: values per second through the golden quantizer.
struct BenchQuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quantize", abstract: "Benchmark the quantizer.")
    func run() throws { throw ValidationError("bench quantize is not implemented yet") }
}
