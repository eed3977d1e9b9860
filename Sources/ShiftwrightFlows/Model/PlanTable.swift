import Foundation

/// The table `plan` prints: one row per layer, the chosen format beside the int8 baseline.
enum PlanTable {
    static func text(_ plan: ModelPlan) -> String {
        func db(_ x: Double) -> String { x.isFinite ? String(format: "%.2f", x) : "inf" }
        let metric = plan.areaMetric
        var rows: [[String]] = [["#", "layer", "K x N", "format", "scale", "SQNR dB", "PE \(metric)", "int8 SQNR", "int8 \(metric)", "shift", "array"]]
        for l in plan.layers {
            rows.append(["\(l.index)", l.name, "\(l.k) x \(l.n)", l.chosen.format + (l.meetsTarget ? "" : " (*)"), l.chosen.scaleText,
                         db(l.chosen.sqnrDB), "\(l.chosen.peArea)", db(l.baseline.sqnrDB), "\(l.baseline.peArea)", "\(l.requantShift)",
                         "\(l.array.rows)x\(l.array.cols) t\(l.array.tiles) b\(l.array.columnBlocks)"])
        }
        var text = "plan for \(plan.model): \(plan.activation) activations, \(plan.output) outputs, widths \(plan.widths.map(String.init).joined(separator: ",")), "
            + "families \(plan.families.joined(separator: ",")), " + (plan.sqnrTarget.map { "SQNR target \($0) dB" } ?? "λ = \(plan.lambda)")
            + "; \(metric) on \(plan.synthTarget) by \(plan.yosys)\n"
        text += ReportText.columns(rows, leftColumns: 2)
        if plan.layers.contains(where: { !$0.meetsTarget }) { text += "(*) no candidate reaches the SQNR target: the closest is chosen\n" }
        let ours = plan.layers.reduce(0) { $0 + $1.chosen.peArea }, base = plan.layers.reduce(0) { $0 + $1.baseline.peArea }
        text += "sum over layers of one PE: \(ours) \(metric) (int8: \(base))"
        return text
    }
}
