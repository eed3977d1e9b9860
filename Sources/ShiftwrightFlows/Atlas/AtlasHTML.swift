import Foundation

/// The few HTML pieces the atlas page is made of, escaped and in a fixed order so the page's
/// bytes depend only on its content.
struct AtlasHTML {
    private(set) var body: [String] = []

    static func escape(_ s: String) -> String { SVGCanvas.escape(s) }

    mutating func heading(_ level: Int, _ text: String, id: String? = nil) {
        let a = id.map { " id=\"\(Self.escape($0))\"" } ?? ""
        body.append("<h\(level)\(a)>\(Self.escape(text))</h\(level)>")
    }

    mutating func paragraph(_ text: String, cssClass: String? = nil) {
        let c = cssClass.map { " class=\"\($0)\"" } ?? ""
        body.append("<p\(c)>\(Self.escape(text))</p>")
    }

    mutating func list(_ items: [String]) {
        body.append("<ul>" + items.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>")
    }

    /// A chart: its SVG inline in a figure named `id` (the Chromium test finds charts by `data-chart`).
    mutating func chart(_ svg: String, id: String, caption: String) {
        body.append("<figure class=\"chart\" data-chart=\"\(Self.escape(id))\">\(svg)<figcaption>\(Self.escape(caption))</figcaption></figure>")
    }

    mutating func beginCharts() { body.append("<div class=\"charts\">") }
    mutating func endCharts() { body.append("</div>") }

    /// A table named `id`: a header row of (column key, title) and rows of cells; every cell
    /// carries its column key in `data-col` so a reader can check the numbers by name.
    mutating func table(id: String, columns: [(key: String, title: String)], rows: [[String]]) {
        var t = "<table data-table=\"\(Self.escape(id))\"><thead><tr>"
        t += columns.map { "<th data-col=\"\(Self.escape($0.key))\">\(Self.escape($0.title))</th>" }.joined()
        t += "</tr></thead><tbody>"
        for r in rows {
            t += "<tr>" + zip(columns, r).map { column, cell in
                "<td data-col=\"\(Self.escape(column.key))\"\(Self.isNumber(cell) ? " class=\"n\"" : "")>\(Self.escape(cell))</td>"
            }.joined() + "</tr>"
        }
        body.append(t + "</tbody></table>")
    }

    /// Numbers (and ratios such as `1.53x`, `0.2%`) are right-aligned; text is left-aligned.
    static func isNumber(_ cell: String) -> Bool {
        let core = cell.hasSuffix("x") || cell.hasSuffix("%") ? String(cell.dropLast()) : cell
        return Double(core) != nil
    }

    func document(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(Self.escape(title))</title>
        <style>
        body { font-family: sans-serif; margin: 24px; color: #111; max-width: 1500px; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ccc; } h3 { font-size: 15px; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        figure.chart { margin: 0; border: 1px solid #ddd; padding: 4px; }
        figcaption { font-size: 11px; color: #444; max-width: 620px; }
        table { border-collapse: collapse; font-size: 12px; margin: 8px 0; }
        th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; }
        th { background: #f3f3f3; } td.n { text-align: right; }
        p.finding { background: #fff8e1; border-left: 4px solid #f39c12; padding: 6px 10px; }
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }
}
