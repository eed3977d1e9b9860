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

    /// One Table 4 cell at the paper's scale: a whole side×side array of that architecture
    /// (PEs, stationary weights, column adder trees, accumulator buffers, requantizers, controller),
    /// synthesized hierarchically (each distinct module once, counted per instance).
    public struct ArrayRow: Sendable {
        public let architecture: PaperFigures.Architecture
        public let weightBits: Int
        public let weight: String
        public let side: Int
        public let area: AreaFigures
        /// Why this cell has no array (a configuration the generators cannot build), else nil.
        public var unavailable: String? = nil
        public var processingElements: Int { side * side }
        public var lutsPerPE: Double { Double(area.luts) / Double(processingElements) }
        public var flipFlopsPerPE: Double { Double(area.flipFlops) / Double(processingElements) }
    }

    /// The check behind counting an array hierarchically: one array synthesized both ways.
    public struct FlatCheck: Sendable {
        public let weight: String
        public let side: Int
        /// The whole array flattened before mapping (the target's own script).
        public let flat: AreaFigures
        /// Each distinct module mapped once, counted per instance.
        public let hierarchical: AreaFigures
        /// hierarchical / flat − 1, in LUTs.
        public var lutDifference: Double { Double(hierarchical.luts) / Double(max(flat.luts, 1)) - 1 }
    }

    public let target: SynthTarget
    public let yosysVersion: String
    public let rows: [Row]
    /// The arrays, one per architecture and width (the first weight format of each cell).
    public let arrayRows: [ArrayRow]
    /// Flat against hierarchical synthesis of the 8/4 arrays at small sides.
    public var flatChecks: [FlatCheck] = []

    /// The sides at which `flatChecks` synthesizes the 8/4 arrays flat (bigger ones take too long flat).
    public static let flatCheckSides = [8, 16]

    /// Synthesizes every entry (and each one's multiplier with the same accumulator) in parallel.
    public static func run(target: SynthTarget, synthesis: ParallelSynthesis, accumulationDepth: Int = 1024, arraySide: Int? = 64,
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
            let best = pair.bestBaseline(areas, target: target)
            // The multiplier column is itself the equal-effort integer MAC: the better of Booth and `*`.
            let own = arch == .multiplier ? best : pair.design
            return Row(architecture: arch, weightBits: bits, weight: weight, top: own.moduleName,
                       accumulatorWidth: own.accumulatorWidth, area: areas[own.moduleName]!, multiplier: areas[best.moduleName]!)
        }
        var arrayRows: [ArrayRow] = []
        if let side = arraySide {
            let hierarchical = try SynthTarget(target.name, useDSP: target.useDSP, hierarchical: true)
            var cells: [(PaperFigures.Architecture, Int, String, Result<SynthDesign, GeneratorError>)] = []
            for bits in PaperFigures.weightBits {
                for arch in PaperFigures.Architecture.allCases {
                    guard let weight = PaperFigures.weights(arch, weightBits: bits).first else { continue }
                    do {
                        let config = try ArrayConfig(rows: side, cols: side, activation: int8, weight: NumberFormat(parsing: weight),
                                                     target: int8)
                        cells.append((arch, bits, weight, .success(SynthDesign(module: try ArrayGenerator.module(config)))))
                    } catch let error as GeneratorError {
                        cells.append((arch, bits, weight, .failure(error)))
                    }
                }
            }
            let designs = cells.compactMap { try? $0.3.get() }
            let arrayAreas = try synthesis.run(designs, target: hierarchical, progress: progress)
            arrayRows = cells.map { cell in
                switch cell.3 {
                case let .success(d): ArrayRow(architecture: cell.0, weightBits: cell.1, weight: cell.2, side: side, area: arrayAreas[d.top]!)
                case let .failure(e): ArrayRow(architecture: cell.0, weightBits: cell.1, weight: cell.2, side: side,
                                               area: AreaFigures(cellsByType: [:]), unavailable: e.message)
                }
            }
        }
        var report = PaperReport(target: target, yosysVersion: try synthesis.yosys.version(), rows: rows, arrayRows: arrayRows)
        if arraySide != nil { report.flatChecks = try flatChecks(target: target, synthesis: synthesis, progress: progress) }
        return report
    }

    /// The 8/4 multiplier and AUSN arrays (int8 × int4, int8 × ausn-b2s1) at `flatCheckSides`,
    /// synthesized flat and hierarchically by the same Yosys.
    static func flatChecks(target: SynthTarget, synthesis: ParallelSynthesis,
                           progress: ParallelSynthesis.Progress?) throws -> [FlatCheck] {
        let int8 = try NumberFormat(parsing: "int8")
        let weights = [PaperFigures.Architecture.multiplier, .ausn].compactMap { PaperFigures.weights($0, weightBits: 4).first }
        let arrays = try Self.flatCheckSides.flatMap { side in
            try weights.map { w in
                (w, side, SynthDesign(module: try ArrayGenerator.module(
                    ArrayConfig(rows: side, cols: side, activation: int8, weight: NumberFormat(parsing: w), target: int8))))
            }
        }
        let flatTarget = try SynthTarget(target.name, useDSP: target.useDSP, hierarchical: false)
        let hierarchical = try SynthTarget(target.name, useDSP: target.useDSP, hierarchical: true)
        let flat = try synthesis.run(arrays.map(\.2), target: flatTarget, progress: progress)
        let counted = try synthesis.run(arrays.map(\.2), target: hierarchical, progress: progress)
        return arrays.map { w, side, d in FlatCheck(weight: w, side: side, flat: flat[d.top]!, hierarchical: counted[d.top]!) }
    }
}
