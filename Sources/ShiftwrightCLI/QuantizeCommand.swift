import ArgumentParser

/// `shiftwright quantize`: quantize values or a .npy tensor to a format (golden model).
struct QuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quantize", abstract: "Quantize values to a number format.")
    func run() throws { throw ValidationError("quantize is not implemented yet") }
}
