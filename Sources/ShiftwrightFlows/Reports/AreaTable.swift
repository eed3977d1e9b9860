import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// Renders area comparisons as a fixed-width text table or as JSON, with the tool version and the
/// exact synthesis command on top. Output depends only on the results (no times, no dates).
public enum AreaTable {
    /// One row per comparison pair: the design, its baseline, and the baseline/design ratios.
    public static func text(_ comparisons: [AreaComparison], yosysVersion: String) -> String {
        guard let target = comparisons.first?.design.target else { return "" }
        var out = "target \(target) (\(target.synthCommand)), \(yosysVersion)\n"
        let header = ["design", "LUT", "FF", "carry", "mux", "DSP", "cells", "product LUT"]
        var rows: [[String]] = []
        for c in comparisons {
            rows.append(row(c.design))
            rows.append(row(c.baseline, label: "  baseline " + c.baseline.design.top))
            let product = productLUTs(c.design).flatMap { ours in productLUTs(c.baseline).map { AreaComparison.ratio($0, ours) } } ?? nil
            rows.append(["  ratio baseline/design", fmt(c.lutRatio), fmt(c.flipFlopRatio), "", "", "", fmt(c.cellRatio), fmt(product)])
        }
        out += ReportText.columns([header] + rows)
        return out
    }

    private static func row(_ r: SynthResult, label: String? = nil) -> [String] {
        let a = r.area
        return [label ?? r.design.top, "\(a.luts)", "\(a.flipFlops)", "\(a.carries)", "\(a.muxes)", "\(a.dsps)", "\(a.totalCells)",
                productLUTs(r).map(String.init) ?? "-"]
    }

    /// LUTs of the product alone: the PE's kept product module (`<top>_prod`), when it has one.
    static func productLUTs(_ r: SynthResult) -> Int? { r.modules["\(r.design.top)_prod"]?.luts }

    static func fmt(_ ratio: Double?) -> String { ratio.map { String(format: "%.2fx", $0) } ?? "-" }

    /// The same figures as sorted, pretty-printed JSON.
    public static func json(_ comparisons: [AreaComparison], yosysVersion: String, timing: [TimingResult] = []) throws -> Data {
        struct Entry: Codable {
            let top: String, luts: Int, flipFlops: Int, carries: Int, muxes: Int, dsps: Int, totalCells: Int
            let cellsByType: [String: Int]
            /// LUTs of the product alone (the kept product module), when the design has one.
            let productLUTs: Int?
            init(_ r: SynthResult) {
                let a = r.area
                top = r.design.top; luts = a.luts; flipFlops = a.flipFlops; carries = a.carries
                muxes = a.muxes; dsps = a.dsps; totalCells = a.totalCells; cellsByType = a.cellsByType
                productLUTs = AreaTable.productLUTs(r)
            }
        }
        struct Pair: Codable { let design: Entry, baseline: Entry, lutRatio: Double?, flipFlopRatio: Double?, cellRatio: Double? }
        struct Timing: Codable {
            let design: String, top: String, fmaxMHz: Double, periodNS: Double, device: String, seed: Int, registeredIO: Bool, nextpnr: String
        }
        struct Report: Codable { let yosys: String, target: String, synthCommand: String, comparisons: [Pair], timing: [Timing]? }
        let target = comparisons.first?.design.target
        let report = Report(yosys: yosysVersion, target: target?.description ?? "", synthCommand: target?.synthCommand ?? "",
                            comparisons: comparisons.map {
                                Pair(design: Entry($0.design), baseline: Entry($0.baseline),
                                     lutRatio: $0.lutRatio, flipFlopRatio: $0.flipFlopRatio, cellRatio: $0.cellRatio)
                            },
                            timing: timing.isEmpty ? nil : timing.map {
                                Timing(design: $0.design, top: $0.top, fmaxMHz: $0.fmaxMHz, periodNS: $0.periodNS, device: $0.device,
                                       seed: $0.seed, registeredIO: $0.registeredIO, nextpnr: $0.nextpnrVersion)
                            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(report)
    }
}
