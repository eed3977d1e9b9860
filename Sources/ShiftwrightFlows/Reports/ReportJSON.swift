import Foundation
import ShiftwrightHDL
import ShiftwrightYosys

/// The `report paper|floor|timing` results as JSON (`report … --json`): the same figures as the text,
/// with the versions of Shiftwright and Yosys, for scripts and dashboards. Deterministic (no
/// times): the same synthesis results give the same bytes.
extension PaperReport {
    public func json() throws -> String {
        struct Entry: Encodable {
            let architecture: String, weightBits: Int, weight: String, top: String, accumulatorWidth: Int
            let area: AreaFigures, multiplier: AreaFigures, lutRatio: Double?, ffRatio: Double?
            let paperLUTsPerPE: Double, paperFFsPerPE: Double
        }
        struct ArrayEntry: Encodable {
            let architecture: String, weightBits: Int, weight: String, side: Int, area: AreaFigures?
            let lutsPerPE: Double?, flipFlopsPerPE: Double?, unavailable: String?
        }
        struct FlatCheckEntry: Encodable {
            let weight: String, side: Int, flat: AreaFigures, hierarchical: AreaFigures, lutDifference: Double
        }
        struct Document: Encodable {
            let shiftwright: String, yosys: String, target: String, synthCommand: String
            let rows: [Entry], arrays: [ArrayEntry], flatChecks: [FlatCheckEntry]
        }
        let rows = rows.map { r in
            let paper = PaperFigures.perPE(r.architecture, weightBits: r.weightBits)
            return Entry(architecture: r.architecture.rawValue, weightBits: r.weightBits, weight: r.weight, top: r.top,
                         accumulatorWidth: r.accumulatorWidth, area: r.area, multiplier: r.multiplier, lutRatio: r.lutRatio,
                         ffRatio: r.ffRatio, paperLUTsPerPE: paper.luts, paperFFsPerPE: paper.ffs)
        }
        let arrays = arrayRows.map { a in
            ArrayEntry(architecture: a.architecture.rawValue, weightBits: a.weightBits, weight: a.weight, side: a.side,
                       area: a.unavailable == nil ? a.area : nil, lutsPerPE: a.unavailable == nil ? a.lutsPerPE : nil,
                       flipFlopsPerPE: a.unavailable == nil ? a.flipFlopsPerPE : nil, unavailable: a.unavailable)
        }
        return try ReportText.json(Document(shiftwright: ShiftwrightVersion.current, yosys: yosysVersion, target: target.description,
                                            synthCommand: target.synthCommand, rows: rows, arrays: arrays,
                                            flatChecks: flatChecks.map { FlatCheckEntry(weight: $0.weight, side: $0.side, flat: $0.flat,
                                                                                        hierarchical: $0.hierarchical,
                                                                                        lutDifference: $0.lutDifference) })) + "\n"
    }
}

extension FloorReport {
    public func json() throws -> String {
        struct Measurement: Encodable { let yosys: String, generated: AreaFigures, hand: AreaFigures, layout: String? }
        struct Entry: Encodable {
            let design: String, activation: String, weight: String, handFile: String, technique: String, proven: Bool
            let areas: [Measurement]
        }
        struct Document: Encodable { let shiftwright: String, target: String, goal: Double, rows: [Entry] }
        let entries = rows.map { r in
            Entry(design: r.config.moduleName, activation: r.config.activation.name, weight: r.config.weight.name,
                  handFile: r.handFile, technique: r.technique, proven: r.proven,
                  areas: r.areas.map { Measurement(yosys: $0.yosys, generated: $0.generated, hand: $0.hand, layout: $0.layout) })
        }
        return try ReportText.json(Document(shiftwright: ShiftwrightVersion.current, target: target.description,
                                            goal: Self.goal, rows: entries)) + "\n"
    }
}

extension TimingReport {
    /// The rows as JSON with the versions of Shiftwright, Yosys and nextpnr, the placer seed and
    /// what each mode means (the placed Verilog is written with `--out`, not printed).
    public func json() throws -> String {
        struct Document: Encodable {
            let shiftwright: String, yosys: String, nextpnr: String, seed: Int, modes: String, rows: [Row]
        }
        return try ReportText.json(Document(shiftwright: ShiftwrightVersion.current, yosys: yosys, nextpnr: nextpnr, seed: seed,
                                            modes: Self.modeLegend, rows: rows)) + "\n"
    }
}
