import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation
import ShiftwrightFormats

/// The sweep's heat map on one target: LUTs per PE over (exponent/basic bits × mantissa/subdivision
/// bits), one panel per activation format and family, like the AFP paper's sweet-spot map. Cells
/// of equal total width lie on one anti-diagonal; colour is log-scaled LUTs, shared by all panels; hovering shows the figures.
public enum SweepHeatMap {
    static let cell = 46.0, margin = 60.0, gap = 50.0

    public static func svg(_ result: SweepResult) -> String {
        let panels = result.plan.activations.flatMap { a in result.plan.families.map { (activation: a, family: $0) } }
            .filter { p in result.rows.contains { $0.activation == p.activation && $0.point.family == p.family } }
        let several = result.plan.activations.count > 1
        let luts = result.rows.map { Double(max(1, $0.cost(result.target))) }
        let unit = result.target.mapsToLUTs ? "LUTs" : "cells"
        let lo = log(luts.min() ?? 1), hi = log(luts.max() ?? 1)
        func rows(_ p: (activation: NumberFormat, family: SweepPlan.Family)) -> [SweepRow] {
            result.rows.filter { $0.activation == p.activation && $0.point.family == p.family }
        }
        let spans = panels.map { p in
            let rows = rows(p)
            return (x: rows.map(\.point.x).max() ?? 0, y: rows.map(\.point.y).max() ?? 0)
        }
        let panelW = spans.map { Double($0.x + 1) * cell }, panelH = spans.map { Double($0.y + 1) * cell }
        var svg = SVGCanvas(width: panelW.reduce(0, +) + Double(panels.count) * (margin + gap) + 20,
                            height: (panelH.max() ?? 0) + 2 * margin + 30)
        svg.text("\(unit) per PE: \(result.plan.activations.map(\.name).joined(separator: ", ")) activations, target \(result.target), \(result.yosysVersion)",
                 x: 10, y: 22, size: 14, anchor: "start")
        var left = margin
        for (k, panel) in panels.enumerated() {
            let top = margin + 10, h = panelH[k]
            let (xLabel, yLabel) = panel.family.axes
            let title = panel.family.rawValue.uppercased() + (several ? ", \(panel.activation.name)" : "")
            svg.text(title, x: left + panelW[k] / 2, y: top - 12, size: 13)
            for x in 0...spans[k].x { svg.text("\(x)", x: left + (Double(x) + 0.5) * cell, y: top + h + 16, size: 11) }
            for y in 0...spans[k].y { svg.text("\(y)", x: left - 8, y: top + h - (Double(y) + 0.5) * cell + 4, size: 11, anchor: "end") }
            svg.text(xLabel, x: left + panelW[k] / 2, y: top + h + 34, size: 12)
            svg.text(yLabel, x: left - 30, y: top + h / 2, size: 12, rotate: true)
            for r in rows(panel) {
                let t = hi > lo ? (log(Double(max(1, r.cost(result.target)))) - lo) / (hi - lo) : 0.5
                let x = left + Double(r.point.x) * cell, y = top + h - Double(r.point.y + 1) * cell
                let ratio = r.costRatio(result.target).map { String(format: "%.2fx", $0) } ?? "-"
                svg.rect(x: x, y: y, w: cell - 2, h: cell - 2, fill: SVGCanvas.color(t),
                         title: "\(r.point.weight.name): \(r.area.luts) LUT, \(r.area.totalCells) cells, \(r.area.flipFlops) FF; baseline \(r.baselineTop) \(r.baseline.luts) LUT, \(r.baseline.totalCells) cells (\(ratio))")
                svg.text("\(r.cost(result.target))", x: x + cell / 2 - 1, y: y + cell / 2 + 4, size: 12, fill: t > 0.6 ? "#000" : "#fff")
            }
            left += panelW[k] + margin + gap
        }
        return svg.document
    }
}
