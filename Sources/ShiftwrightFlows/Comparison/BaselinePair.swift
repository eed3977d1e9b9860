import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators

/// A PE and its integer-multiplier baseline with one shared accumulator width: the wider of what
/// each needs for K accumulations, so neither is starved and the accumulators cost the same.
public struct BaselinePair: Sendable, Hashable {
    public let design: PEConfig
    public let baseline: PEConfig

    public init(_ config: PEConfig) throws {
        let plain = try PEConfig(activation: config.activation, weight: NumberFormat(.int(bits: max(2, config.weight.codeWidth))),
                                 accumulationDepth: config.accumulationDepth, pipelined: config.pipelined)
        let width = max(config.accumulatorWidth, plain.accumulatorWidth)
        design = try PEConfig(activation: config.activation, weight: config.weight, accumulationDepth: config.accumulationDepth,
                              pipelined: config.pipelined, accumulatorWidth: width)
        baseline = try design.integerBaseline()
    }
}
