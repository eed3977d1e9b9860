import ArgumentParser
import ShiftwrightFlows

/// Options that select a processing element, shared by `generate pe`, `verify pe` and friends.
struct PEOptions: ParsableArguments {
    @Option(help: "Activation format (int8, uint8, afp-e3m2, uafp-e3m2, ausn-b3s2, …).")
    var act: String

    @Option(help: "Weight format (ausn-b3s2, ausn-b3t2, pot-b4, afp-e3m2, int4, …).")
    var weight: String

    @Option(name: .customLong("acc-depth"), parsing: .unconditional, help: "Maximum number of accumulations K (sets the accumulator width).")
    var accumulationDepth: Int = DefaultDesigns.accumulationDepth

    @Flag(help: "Register the product before the accumulator (latency 2).")
    var pipeline = false

    @Option(help: IntegerProductOption.help) var integerProduct = PEGenerator.IntegerProduct.booth.rawValue

    func config() throws -> PEConfig {
        try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight),
                     accumulationDepth: accumulationDepth, pipelined: pipeline,
                     integerProduct: IntegerProductOption.parse(integerProduct))
    }
}

/// `--integer-product`: how an integer × integer PE forms its product.
enum IntegerProductOption {
    static let help = ArgumentHelp("Integer x integer product: "
        + PEGenerator.IntegerProduct.allCases.map(\.rawValue).joined(separator: ", ")
        + " (comparisons synthesize all and keep the smallest).")

    static func parse(_ text: String) throws -> PEGenerator.IntegerProduct {
        guard let product = PEGenerator.IntegerProduct(rawValue: text) else {
            throw ValidationError("unknown --integer-product '\(text)': use "
                + PEGenerator.IntegerProduct.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return product
    }
}

/// Options that select a requantizer, shared by `generate requant` and `verify requant`.
struct RequantOptions: ParsableArguments {
    @Option(name: .customLong("acc-width"), parsing: .unconditional, help: "Accumulator width in bits (signed).")
    var accumulatorWidth: Int
    @Option(name: .customLong("shift-bits"), parsing: .unconditional, help: "Width of the signed run-time shift input.")
    var shiftBits = 6
    @Option(help: "Target format (int8, afp-e3m2, ausn-b3s2, …).")
    var to: String
    @Option(help: "Tie rule: even or smaller.")
    var ties = "even"
    @Flag(help: "Register the output code (latency 1).")
    var pipeline = false

    func config() throws -> RequantizerConfig {
        try RequantizerConfig(accumulatorWidth: accumulatorWidth, shiftBits: shiftBits, target: NumberFormat(parsing: to),
                              ties: TieRule.parse(ties), pipelined: pipeline)
    }
}
