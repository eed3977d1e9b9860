import Foundation
import ShiftwrightFormats

/// The AUSN paper's Table 4 beside our per-PE LUTs from a sweep on one target: each row's design
/// against the int8 × int<W> MAC with the same accumulator (the sweep's baseline), and the
/// paper's per-PE figures (`PaperFigures`).
struct AtlasTable4 {
    struct Row {
        let bits: Int
        let architecture: String
        let weight: String
        /// nil when the sweep does not hold the format (e.g. a tier reading).
        let luts: Int?, baselineLUTs: Int?
        /// The baseline's module name (its accumulator width is in it).
        let baseline: String?
        let paperLUTs: Double, paperMultiplierLUTs: Double
        var ratio: Double? { luts.flatMap { l in baselineLUTs.map { Double($0) / Double(l) } } }
        var paperRatio: Double { paperMultiplierLUTs / paperLUTs }
    }

    static func rows(_ sweep: [AtlasSweepRow]) -> [Row] {
        // pot-bB is ausn-bBs0 spelled the paper's way (docs/arithmetic.md §1): match either spelling.
        func canonical(_ name: String) -> String { name.hasPrefix("pot-b") ? "ausn-b\(name.dropFirst(5))s0" : name }
        var out: [Row] = []
        for bits in PaperFigures.weightBits {
            let paperMultiplier = PaperFigures.perPE(.multiplier, weightBits: bits).luts
            let headline = PaperFigures.weights(.ausn, weightBits: bits).first.flatMap { w in sweep.first { canonical($0.weight) == canonical(w) } }
            for arch in PaperFigures.Architecture.allCases {
                let paper = PaperFigures.perPE(arch, weightBits: bits).luts
                for w in PaperFigures.weights(arch, weightBits: bits) {
                    if arch == .multiplier {
                        out.append(Row(bits: bits, architecture: arch.rawValue, weight: w, luts: headline?.baselineLUTs,
                                       baselineLUTs: headline?.baselineLUTs, baseline: headline?.baseline, paperLUTs: paper, paperMultiplierLUTs: paperMultiplier))
                        continue
                    }
                    let r = sweep.first { canonical($0.weight) == canonical(w) }
                    out.append(Row(bits: bits, architecture: arch.rawValue, weight: w, luts: r?.luts, baselineLUTs: r?.baselineLUTs,
                                   baseline: r?.baseline, paperLUTs: paper, paperMultiplierLUTs: paperMultiplier))
                }
            }
        }
        return out
    }
}
