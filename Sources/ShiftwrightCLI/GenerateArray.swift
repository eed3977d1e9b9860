import ArgumentParser
import ShiftwrightFlows

/// Options that select a PE array, shared by `generate array`, `verify array` and `bench array`.
struct ArrayOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "PE rows R (the K of one weight tile).") var rows = 8
    @Option(parsing: .unconditional, help: "PE columns C (output columns N per run).") var cols = 8
    @Option(help: "Activation format (int8, uint8, afp-e3m2, ausn-b3s2, …).") var act = "int8"
    @Option(help: "Weight format (ausn-b3s2, ausn-b3t2, pot-b4, afp-e3m2, int4, …).") var weight = "ausn-b3s2"
    @Option(help: "Output format of the requantizers.") var target = "int8"
    @Option(name: .customLong("max-rows"), parsing: .unconditional, help: "Largest M per run (depth of the accumulator buffer).") var maxRows = 256
    @Option(name: .customLong("max-tiles"), parsing: .unconditional, help: "Largest number of weight tiles per run (K <= rows x max-tiles).") var maxTiles = 16
    @Option(name: .customLong("shift-bits"), parsing: .unconditional, help: "Width of the signed run-time shift input.") var shiftBits = 8
    @Option(help: "Tie rule of the requantizers: even or smaller.") var ties = "even"

    func config() throws -> ArrayConfig {
        try ArrayConfig(rows: rows, cols: cols, activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight),
                        target: NumberFormat(parsing: target), maxRows: maxRows, maxTiles: maxTiles, shiftBits: shiftBits,
                        ties: TieRule.parse(ties))
    }
}

/// `shiftwright generate array`: the PE array with its controller, as Verilog plus a JSON
/// sidecar documenting the interface.
struct GenerateArray: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "array", abstract: "Generate a PE array with its controller.")
    @OptionGroup var array: ArrayOptions
    @Option(help: "Output directory.") var out = "rtl-out"

    func run() throws {
        try writeDesign(DesignArtifacts.array(array.config()), into: out)
    }
}
