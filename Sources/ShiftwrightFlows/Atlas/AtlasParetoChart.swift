import Foundation

/// A cost-against-SQNR scatter with its Pareto front (least cost for a given SQNR, `ParetoFront`),
/// the integer baselines marked as black squares, every point with a `<title>` and the front's
/// points and the baselines labelled on the chart.
struct AtlasParetoChart {
    struct Point {
        let label: String
        /// Legend group (family), which sets the colour.
        let group: String
        let cost: Double
        let sqnrDB: Double
    }

    let title: String
    let subtitle: String
    /// The cost axis with its unit, e.g. "LUTs per PE".
    let costLabel: String
    let points: [Point]
    let baselines: [Point]

    static let plotW = 560.0, plotH = 340.0, left = 70.0, top = 58.0
    static let colors = ["afp": "#3b528b", "ausn": "#e67e22"]

    /// 1, 2 and 5 times the powers of ten inside lo…hi: ticks people read at a glance on a log axis.
    static func logTicks(_ lo: Double, _ hi: Double) -> [Double] {
        var out: [Double] = []
        var p = pow(10, log10(lo).rounded(.down))
        while p <= hi {
            out += [1.0, 2, 5].map { $0 * p }.filter { $0 >= lo && $0 <= hi }
            p *= 10
        }
        return out
    }

    var svg: String {
        let all = points + baselines
        let costs = all.map(\.cost), sqnrs = all.map(\.sqnrDB)
        // Cost on a log scale: a few very large splits (afp-e7m0) would otherwise squeeze the front into a corner.
        let cLo = max((costs.min() ?? 1) * 0.85, 1e-9), cHi = max((costs.max() ?? 1) * 1.1, cLo * 2)
        let s0 = ((sqnrs.min() ?? 0) / 5).rounded(.down) * 5, s1 = ((sqnrs.max() ?? 5) / 5).rounded(.up) * 5 + (sqnrs.min() == sqnrs.max() ? 5 : 0)
        func px(_ c: Double) -> Double { Self.left + (log(c) - log(cLo)) / (log(cHi) - log(cLo)) * Self.plotW }
        func py(_ s: Double) -> Double { Self.top + Self.plotH - (s - s0) / max(s1 - s0, 1e-9) * Self.plotH }
        var svg = SVGCanvas(width: Self.left + Self.plotW + 190, height: Self.top + Self.plotH + 56)
        svg.text(title, x: 10, y: 20, size: 13, anchor: "start")
        svg.text(subtitle, x: 10, y: 36, size: 10, anchor: "start", fill: "#444")
        svg.line(x1: Self.left, y1: Self.top + Self.plotH, x2: Self.left + Self.plotW, y2: Self.top + Self.plotH)
        svg.line(x1: Self.left, y1: Self.top, x2: Self.left, y2: Self.top + Self.plotH)
        for c in Self.logTicks(cLo, cHi) {
            svg.line(x1: px(c), y1: Self.top + Self.plotH, x2: px(c), y2: Self.top + Self.plotH + 4)
            svg.text(AtlasHeatMap.short(c), x: px(c), y: Self.top + Self.plotH + 16, size: 10)
        }
        for s in stride(from: s0, through: s1, by: 5) {
            svg.line(x1: Self.left, y1: py(s), x2: Self.left + Self.plotW, y2: py(s), stroke: "#eee")
            svg.text(String(format: "%.0f", s), x: Self.left - 6, y: py(s) + 4, size: 10, anchor: "end")
        }
        svg.text(costLabel + " (log scale)", x: Self.left + Self.plotW / 2, y: Self.top + Self.plotH + 36, size: 12)
        svg.text("SQNR (dB)", x: 22, y: Self.top + Self.plotH / 2, size: 12, rotate: true)
        for p in points {
            svg.circle(x: px(p.cost), y: py(p.sqnrDB), r: 4, fill: Self.colors[p.group] ?? "#777",
                       title: "\(p.label): \(AtlasHeatMap.short(p.cost)) \(costLabel), SQNR \(String(format: "%.2f", p.sqnrDB)) dB")
        }
        let front = ParetoFront.indices(points.map { (cost: $0.cost, error: -$0.sqnrDB) })
        svg.polyline(front.map { (px(points[$0].cost), py(points[$0].sqnrDB)) }, stroke: "#c0392b")
        for (k, i) in front.enumerated() {
            // Alternate the label side along the front so neighbours do not overwrite each other.
            let above = k % 2 == 0
            svg.text(points[i].label, x: px(points[i].cost) + (above ? -6 : 6), y: py(points[i].sqnrDB) + (above ? -7 : 13),
                     size: 9, anchor: above ? "end" : "start", fill: "#7b241c")
        }
        for b in baselines {
            svg.rect(x: px(b.cost) - 4, y: py(b.sqnrDB) - 4, w: 8, h: 8, fill: "#000",
                     title: "\(b.label) (integer baseline): \(AtlasHeatMap.short(b.cost)) \(costLabel), SQNR \(String(format: "%.2f", b.sqnrDB)) dB")
            svg.text(b.label, x: px(b.cost) + 7, y: py(b.sqnrDB) + 4, size: 9, anchor: "start")
        }
        let groups = Set(points.map(\.group)).sorted()
        svg.legend(x: Self.left + Self.plotW + 24, y: Self.top + 8,
                   entries: groups.map { (Self.colors[$0] ?? "#777", "circle", $0.uppercased() + " split") }
                       + [("#000", "square", "integer baseline"), ("#c0392b", "line", "Pareto front")])
        return svg.document
    }
}
