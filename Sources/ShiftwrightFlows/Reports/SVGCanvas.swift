import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// A minimal SVG writer: shapes and text with fixed number formatting, so the same chart always
/// gives the same bytes.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func n(_ v: Double) -> String { String(format: "%.1f", v) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, fill: String, stroke: String = "none",
                       strokeWidth: Double = 1, title: String? = nil) {
        let t = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
        let sw = strokeWidth == 1 ? "" : " stroke-width=\"\(Self.n(strokeWidth))\""
        body.append("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(w))\" height=\"\(Self.n(h))\" fill=\"\(fill)\" stroke=\"\(stroke)\"\(sw)>\(t)</rect>")
    }

    mutating func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "middle",
                       fill: String = "#000", rotate: Bool = false) {
        let transform = rotate ? " transform=\"rotate(-90 \(Self.n(x)) \(Self.n(y)))\"" : ""
        body.append("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(transform)>\(Self.escape(s))</text>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#000", dash: Bool = false) {
        let d = dash ? " stroke-dasharray=\"4 3\"" : ""
        body.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\"\(d)/>")
    }

    mutating func circle(x: Double, y: Double, r: Double, fill: String, title: String? = nil) {
        let t = title.map { "<title>\(Self.escape($0))</title>" } ?? ""
        body.append("<circle cx=\"\(Self.n(x))\" cy=\"\(Self.n(y))\" r=\"\(Self.n(r))\" fill=\"\(fill)\">\(t)</circle>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String) {
        let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        body.append("<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"1.5\"/>")
    }

    /// A vertical colour bar at (x, y), `h` tall: `color(0)` at the bottom, `color(1)` at the top,
    /// `ticks` labels (value, text) placed by their position t in 0…1, and the quantity with its unit
    /// written along it.
    mutating func colorBar(x: Double, y: Double, h: Double, ticks: [(t: Double, text: String)], label: String) {
        let steps = 32, w = 14.0
        for k in 0..<steps {
            let t = (Double(k) + 0.5) / Double(steps)
            rect(x: x, y: y + h - Double(k + 1) * h / Double(steps), w: w, h: h / Double(steps) + 0.5, fill: Self.color(t))
        }
        rect(x: x, y: y, w: w, h: h, fill: "none", stroke: "#333")
        for tick in ticks {
            let ty = y + h - tick.t * h
            line(x1: x + w, y1: ty, x2: x + w + 4, y2: ty, stroke: "#333")
            text(tick.text, x: x + w + 6, y: ty + 4, size: 10, anchor: "start")
        }
        text(label, x: x + w + 58, y: y + h / 2, size: 11, rotate: true)
    }

    /// One legend entry per (swatch colour, marker, text) in a column from (x, y); marker is
    /// "circle" or "square".
    mutating func legend(x: Double, y: Double, entries: [(color: String, marker: String, text: String)]) {
        let rowH = 16.0
        let width = 24 + 6.5 * Double(entries.map(\.text.count).max() ?? 0)
        rect(x: x - 6, y: y - 12, w: width, h: Double(entries.count) * rowH + 6, fill: "#fff", stroke: "#bbb")
        for (k, e) in entries.enumerated() {
            let cy = y + Double(k) * rowH - 4
            if e.marker == "square" {
                rect(x: x - 4, y: cy - 4, w: 8, h: 8, fill: e.color)
            } else if e.marker == "line" {
                line(x1: x - 5, y1: cy, x2: x + 5, y2: cy, stroke: e.color)
            } else {
                circle(x: x, y: cy, r: 4, fill: e.color)
            }
            text(e.text, x: x + 10, y: cy + 4, size: 11, anchor: "start")
        }
    }

    /// The SVG element alone (no XML declaration needed), for inlining into an HTML page.
    var document: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" font-family=\"sans-serif\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n" + body.joined(separator: "\n") + "\n</svg>\n"
    }

    /// A viridis-like colour for t in 0…1.
    static func color(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
        let u = min(max(t, 0), 1) * Double(stops.count - 1)
        let i = min(Int(u), stops.count - 2), f = u - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}
