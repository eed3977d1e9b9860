import Foundation

/// The per-layer chart of a plan: SQNR (top) and PE area (bottom) of each layer's chosen format,
/// with the int8 baseline's bar beside it. Deterministic SVG (`SVGCanvas`).
enum PlanChart {
    static func svg(_ plan: ModelPlan) -> String {
        let layers = plan.layers
        let left = 70.0, slot = 44.0, panelH = 180.0, gap = 50.0, top = 40.0, labelH = 110.0
        let width = left + Double(max(layers.count, 1)) * slot + 160
        let height = top + 2 * panelH + gap + labelH
        var svg = SVGCanvas(width: width, height: height)
        svg.text("plan: \(plan.model) (\(plan.activation) activations, \(plan.synthTarget))", x: left, y: 20, size: 13, anchor: "start")
        let chosenColor = "#3b528b", baseColor = "#bbbbbb"
        func finite(_ x: Double, cap: Double) -> Double { x.isFinite ? x : cap }
        let maxSQNR = max(1, layers.flatMap { [$0.chosen.sqnrDB, $0.baseline.sqnrDB] }.filter(\.isFinite).max() ?? 1) * 1.1
        let maxArea = Double(max(1, layers.flatMap { [$0.chosen.peArea, $0.baseline.peArea] }.max() ?? 1)) * 1.1
        let panels: [(title: String, y0: Double, max: Double, value: (ModelPlan.Quantization) -> Double)] = [
            ("SQNR (dB)", top, maxSQNR, { finite($0.sqnrDB, cap: maxSQNR) }),
            ("PE area (\(plan.areaMetric))", top + panelH + gap, maxArea, { Double($0.peArea) }),
        ]
        for panel in panels {
            let base = panel.y0 + panelH
            svg.line(x1: left, y1: base, x2: left + Double(layers.count) * slot, y2: base)
            svg.line(x1: left, y1: panel.y0, x2: left, y2: base)
            svg.text(panel.title, x: 14, y: panel.y0 + panelH / 2, size: 11, rotate: true)
            for t in 0...4 {
                let v = panel.max * Double(t) / 4, y = base - panelH * Double(t) / 4
                svg.line(x1: left - 4, y1: y, x2: left, y2: y)
                svg.text(String(format: "%.0f", v), x: left - 6, y: y + 4, size: 9, anchor: "end")
            }
            for (i, l) in layers.enumerated() {
                let x = left + Double(i) * slot + 6
                for (j, q, color) in [(0, l.chosen, chosenColor), (1, l.baseline, baseColor)] {
                    let h = panelH * min(panel.value(q) / panel.max, 1)
                    svg.rect(x: x + Double(j) * 16, y: base - h, w: 15, h: h, fill: color, title: "\(l.name): \(q.format) \(String(format: "%.2f", panel.value(q)))")
                }
            }
        }
        if let target = plan.sqnrTarget, target > 0, target < maxSQNR {
            let y = top + panelH - panelH * target / maxSQNR
            svg.line(x1: left, y1: y, x2: left + Double(layers.count) * slot, y2: y, stroke: "#c0392b", dash: true)
            svg.text("target \(String(format: "%.1f", target)) dB", x: left + Double(layers.count) * slot + 4, y: y + 4, size: 9, anchor: "start", fill: "#c0392b")
        }
        let labelY = top + 2 * panelH + gap + 8
        for (i, l) in layers.enumerated() {
            let x = left + Double(i) * slot + 20
            svg.text("\(i) \(l.chosen.format)", x: x, y: labelY, size: 9, anchor: "end", rotate: true)
        }
        let legendX = left + Double(layers.count) * slot + 16
        svg.rect(x: legendX, y: top + panelH + gap, w: 12, h: 12, fill: chosenColor)
        svg.text("plan", x: legendX + 16, y: top + panelH + gap + 10, size: 11, anchor: "start")
        svg.rect(x: legendX, y: top + panelH + gap + 18, w: 12, h: 12, fill: baseColor)
        svg.text("int8 baseline", x: legendX + 16, y: top + panelH + gap + 28, size: 11, anchor: "start")
        return svg.document
    }
}
