import Foundation

/// A heat map over an integer grid with a colour bar: the atlas's LUT maps and sweet-spot maps.
/// Colour is the value on a log10 scale (values span decades); every cell prints its value and
/// carries a `<title>` tooltip; one cell can be outlined as the minimum and others dotted.
struct AtlasHeatMap {
    struct Cell {
        let column: Int, row: Int
        let value: Double
        /// Printed in the cell.
        let text: String
        /// Hover text.
        let tooltip: String
    }

    let title: String
    let subtitle: String
    let xLabel: String, yLabel: String
    /// What the colour shows, with its unit, for the colour bar.
    let colorLabel: String
    let cells: [Cell]
    /// The cell outlined in red and labelled "min".
    var marked: (column: Int, row: Int)? = nil
    /// Cells with a small white-ringed dot (e.g. the best split of each width).
    var dotted: [(column: Int, row: Int)] = []
    /// A line under the chart saying what the marks mean.
    var footnote: String = ""

    static let cell = 44.0, left = 70.0, top = 58.0

    var svg: String {
        let columns = cells.map(\.column), rows = cells.map(\.row)
        let (c0, c1) = (columns.min() ?? 0, columns.max() ?? 0), (r0, r1) = (rows.min() ?? 0, rows.max() ?? 0)
        let w = Double(c1 - c0 + 1) * Self.cell, h = Double(r1 - r0 + 1) * Self.cell
        let logs = cells.map { log10(max($0.value, .leastNormalMagnitude)) }
        let lo = logs.min() ?? 0, hi = logs.max() ?? 1
        func t(_ v: Double) -> Double { hi > lo ? (v - lo) / (hi - lo) : 0.5 }
        let titleWidth = 7.2 * Double(max(title.count, subtitle.count))
        var svg = SVGCanvas(width: max(Self.left + w + 150, titleWidth + 20), height: Self.top + h + 70 + (footnote.isEmpty ? 0 : 16))
        svg.text(title, x: 10, y: 20, size: 13, anchor: "start")
        svg.text(subtitle, x: 10, y: 36, size: 10, anchor: "start", fill: "#444")
        func px(_ c: Int) -> Double { Self.left + Double(c - c0) * Self.cell }
        func py(_ r: Int) -> Double { Self.top + h - Double(r - r0 + 1) * Self.cell }
        for c in c0...c1 { svg.text("\(c)", x: px(c) + Self.cell / 2, y: Self.top + h + 15, size: 11) }
        for r in r0...r1 { svg.text("\(r)", x: Self.left - 8, y: py(r) + Self.cell / 2 + 4, size: 11, anchor: "end") }
        svg.text(xLabel, x: Self.left + w / 2, y: Self.top + h + 32, size: 12)
        svg.text(yLabel, x: 18, y: Self.top + h / 2, size: 12, rotate: true)
        for (cell, v) in zip(cells, logs) {
            let ct = t(v)
            svg.rect(x: px(cell.column), y: py(cell.row), w: Self.cell - 2, h: Self.cell - 2, fill: SVGCanvas.color(ct), title: cell.tooltip)
            svg.text(cell.text, x: px(cell.column) + Self.cell / 2 - 1, y: py(cell.row) + Self.cell / 2 + 4, size: 10,
                     fill: ct > 0.6 ? "#000" : "#fff")
        }
        for d in dotted { svg.circle(x: px(d.column) + 7, y: py(d.row) + 7, r: 3.5, fill: "#e74c3c") }
        if let m = marked {
            svg.rect(x: px(m.column) - 1, y: py(m.row) - 1, w: Self.cell, h: Self.cell, fill: "none", stroke: "#e31a1c", strokeWidth: 3)
            svg.text("min", x: px(m.column) + Self.cell / 2 - 1, y: py(m.row) + Self.cell - 5, size: 9, fill: "#e31a1c")
        }
        let ticks = (0...4).map { k -> (t: Double, text: String) in
            let v = lo + (hi - lo) * Double(k) / 4
            return (Double(k) / 4, Self.short(pow(10, v)))
        }
        svg.colorBar(x: Self.left + w + 16, y: Self.top, h: h, ticks: hi > lo ? ticks : [(0.5, Self.short(pow(10, lo)))], label: colorLabel)
        if !footnote.isEmpty { svg.text(footnote, x: 10, y: Self.top + h + 52, size: 10, anchor: "start", fill: "#444") }
        return svg.document
    }

    /// Three significant digits, exponent form outside 0.01…99999.
    static func short(_ v: Double) -> String {
        if v == 0 { return "0" }
        if abs(v) >= 0.01 && abs(v) < 1e5 { return String(format: "%.3g", v) }
        return String(format: "%.2e", v)
    }
}
