import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators

/// A PE and its equal-effort integer baselines with one shared accumulator width: the wider of
/// what each needs for K accumulations, so neither is starved and the accumulators cost the same.
/// The integer MAC is generated both ways, radix-4 Booth and the tool's `*`, and a comparison
/// keeps whichever is smaller on its target (`bestBaseline`).
public struct BaselinePair: Sendable, Hashable {
    public let design: PEConfig
    /// The Booth integer MAC (the smaller one on every target measured so far).
    public let baseline: PEConfig
    /// Every integer MAC the comparison synthesizes: Booth and `*`.
    public let baselines: [PEConfig]

    public init(_ config: PEConfig) throws {
        let plain = try PEConfig(activation: config.activation, weight: NumberFormat(.int(bits: max(2, config.weight.codeWidth))),
                                 accumulationDepth: config.accumulationDepth, pipelined: config.pipelined)
        let width = max(config.accumulatorWidth, plain.accumulatorWidth)
        let design = try PEConfig(activation: config.activation, weight: config.weight, accumulationDepth: config.accumulationDepth,
                                  pipelined: config.pipelined, accumulatorWidth: width)
        self.design = design
        baseline = try design.integerBaseline(.booth)
        baselines = try PEGenerator.IntegerProduct.allCases.map { try design.integerBaseline($0) }
    }

    /// The smallest baseline on `target` (LUTs, or cells where the target has none), by top name.
    public func bestBaseline(_ areas: [String: AreaFigures], target: SynthTarget) -> PEConfig {
        baselines.min { a, b in
            let x = areas[a.moduleName].map { target.mapsToLUTs ? $0.luts : $0.totalCells } ?? .max
            let y = areas[b.moduleName].map { target.mapsToLUTs ? $0.luts : $0.totalCells } ?? .max
            return x < y
        } ?? baseline
    }
}
