import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators

/// Reproduces the shape of the AUSN paper's Table 4 with our generators: for 8/8, 8/5 and 8/4,
/// LUT and FF per PE of the integer multiplier MAC, the power-of-two shifter and AUSN, with
/// ratios to the multiplier beside the paper's.
public struct PaperReport: Sendable {
    /// One synthesized entry of the table.
    public struct Row: Sendable {
        public let architecture: PaperFigures.Architecture
        public let weightBits: Int
        public let weight: String
        public let top: String
        public let accumulatorWidth: Int
        public let area: AreaFigures
        /// The multiplier of the same width, synthesized with this row's accumulator.
        public let multiplier: AreaFigures

        public var lutRatio: Double? { AreaComparison.ratio(multiplier.luts, area.luts) }
        public var ffRatio: Double? { AreaComparison.ratio(multiplier.flipFlops, area.flipFlops) }
    }

    public let target: SynthTarget
    public let yosysVersion: String
    public let rows: [Row]

    /// Synthesizes every entry (and each one's multiplier with the same accumulator) in parallel.
    public static func run(target: SynthTarget, synthesis: ParallelSynthesis, accumulationDepth: Int = 1024,
                           progress: ParallelSynthesis.Progress? = nil) throws -> PaperReport {
        let int8 = try NumberFormat(parsing: "int8")
        var entries: [(PaperFigures.Architecture, Int, String, BaselinePair)] = []
        for bits in PaperFigures.weightBits {
            for arch in PaperFigures.Architecture.allCases {
                for weight in PaperFigures.weights(arch, weightBits: bits) {
                    let config = try PEConfig(activation: int8, weight: NumberFormat(parsing: weight), accumulationDepth: accumulationDepth)
                    entries.append((arch, bits, weight, try BaselinePair(config)))
                }
            }
        }
        let designs = try entries.flatMap { e in try ([e.3.design] + e.3.baselines).map { try SynthDesign.pe($0) } }
        let areas = try synthesis.run(designs, target: target, progress: progress)
        let rows = entries.map { arch, bits, weight, pair in
            Row(architecture: arch, weightBits: bits, weight: weight, top: pair.design.moduleName,
                accumulatorWidth: pair.design.accumulatorWidth, area: areas[pair.design.moduleName]!,
                multiplier: areas[pair.bestBaseline(areas, target: target).moduleName]!)
        }
        return PaperReport(target: target, yosysVersion: try synthesis.yosys.version(), rows: rows)
    }
}
