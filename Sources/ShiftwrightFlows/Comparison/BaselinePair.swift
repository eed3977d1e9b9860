import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators

/// A PE and its equal-effort integer baselines with one shared accumulator width: the wider of
/// what each needs for K accumulations, so neither is starved and the accumulators cost the same.
/// The integer MAC is generated every way (`PEGenerator.IntegerProduct`: radix-4 Booth staged or
/// flat, and the tool's `*`), and a comparison
/// keeps whichever is smaller on its target (`bestBaseline`).
public struct BaselinePair: Sendable, Hashable {
    public let design: PEConfig
    /// The Booth integer MAC (the smaller one on every target measured so far).
    public let baseline: PEConfig
    /// Every integer MAC the comparison synthesizes: Booth in kept stages, Booth flat and `*`.
    public let baselines: [PEConfig]

    public init(_ config: PEConfig) throws {
        let plain = try PEConfig(activation: config.activation, weight: NumberFormat(.int(bits: max(2, config.weight.codeWidth))),
                                 accumulationDepth: config.accumulationDepth, pipelined: config.pipelined)
        let width = max(config.accumulatorWidth, plain.accumulatorWidth)
        let design = try PEConfig(activation: config.activation, weight: config.weight, accumulationDepth: config.accumulationDepth,
                                  pipelined: config.pipelined, accumulatorWidth: width,
                                  integerProduct: config.integerProduct)
        self.design = design
        baseline = try design.integerBaseline(.booth)
        baselines = try PEGenerator.IntegerProduct.allCases.map { try design.integerBaseline($0) }
    }

    /// The smallest baseline on `target` (LUTs, or cells where the target has none), by top name.
    public func bestBaseline(_ areas: [String: AreaFigures], target: SynthTarget) -> PEConfig {
        baselines.min { a, b in
            let x = areas[a.moduleName].map(target.cost) ?? .max
            let y = areas[b.moduleName].map(target.cost) ?? .max
            return x < y
        } ?? baseline
    }
}
