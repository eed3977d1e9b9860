import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// Area against quantization error for the rows of a sweep that carry an error, with the Pareto
/// front (least area for a given error) drawn as a line. Area is LUTs on LUT-mapping targets and
/// cells on the generic one; error is on a log scale.
public enum SweepScatter {
    static let plotW = 520.0, plotH = 360.0, left = 80.0, top = 50.0

    /// nil when no row carries a quantization error.
    public static func svg(_ result: SweepResult) -> String? {
        let rows = result.rows.filter { ($0.quantizationError ?? -1) > 0 }
        guard !rows.isEmpty else { return nil }
        let unit = result.target.mapsToLUTs ? "LUTs" : "cells"
        let cost = rows.map { Double($0.cost(result.target)) }, err = rows.map { log10($0.quantizationError!) }
        let (c0, c1) = (0.0, (cost.max() ?? 1) * 1.05)
        let (e0, e1) = ((err.min() ?? 0).rounded(.down), (err.max() ?? 1).rounded(.up) + (err.min() == err.max() ? 1 : 0))
        func px(_ c: Double) -> Double { left + (c - c0) / max(c1 - c0, 1) * plotW }
        func py(_ e: Double) -> Double { top + plotH - (e - e0) / max(e1 - e0, 1e-9) * plotH }
        var svg = SVGCanvas(width: left + plotW + 40, height: top + plotH + 60)
        svg.text("\(unit) per PE vs weight quantization MSE, target \(result.target)", x: 10, y: 22, size: 14, anchor: "start")
        svg.text(result.yosysVersion, x: 10, y: 40, size: 10, anchor: "start")
        svg.line(x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH)
        svg.line(x1: left, y1: top, x2: left, y2: top + plotH)
        svg.text("\(unit) per PE", x: left + plotW / 2, y: top + plotH + 40)
        svg.text("MSE (log10)", x: 24, y: top + plotH / 2, rotate: true)
        for e in stride(from: e0, through: e1, by: 1) { svg.text(String(format: "%.0f", e), x: left - 8, y: py(e) + 4, size: 11, anchor: "end") }
        for k in 0...4 {
            let c = c0 + (c1 - c0) * Double(k) / 4
            svg.text(String(format: "%.0f", c), x: px(c), y: top + plotH + 18, size: 11)
        }
        let colors: [SweepPlan.Family: String] = [.afp: "#3b528b", .ausn: "#e67e22", .ausnTier: "#8e44ad", .pot: "#27ae60", .int: "#7f8c8d"]
        for (i, r) in rows.enumerated() {
            svg.circle(x: px(cost[i]), y: py(err[i]), r: 4, fill: colors[r.point.family] ?? "#777",
                       title: "\(r.point.weight.name): \(Int(cost[i])) \(unit), MSE \(String(format: "%.3g", r.quantizationError!))")
        }
        let front = ParetoFront.indices(rows.indices.map { (cost[$0], err[$0]) })
        svg.polyline(front.map { (px(cost[$0]), py(err[$0])) }, stroke: "#c0392b")
        for i in front { svg.text(rows[i].point.weight.name, x: px(cost[i]) + 6, y: py(err[i]) - 6, size: 10, anchor: "start") }
        svg.text("red line: Pareto front", x: left + plotW, y: top - 4, size: 11, anchor: "end", fill: "#c0392b")
        return svg.document
    }
}
