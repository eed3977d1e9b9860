import Foundation
import Testing
import ShiftwrightTooling
import ShiftwrightFormats
@testable import ShiftwrightFlows

/// `report atlas` rendered in headless Chromium (Debian `chromium`, installed by scripts/setup.sh):
/// the page renders, every chart draws, and its tables hold the sweep CSV's numbers; a page with
/// an emptied chart and one with a wrong number must both fail the same check.
@Suite(.serialized) struct AtlasPageTests {
    /// The committed xc7 sweep (real synthesis), cut to widths 4 and 5 so the test stays fast.
    static func sweepSubset(into dir: String) throws -> String {
        let source = SynthTestSupport.repoRoot.appendingPathComponent("synth-scripts/reports/atlas/sweep.xc7.csv").path
        let csv = try AtlasCSV(path: source)
        let bits = try csv.column("bits")
        let text = try String(contentsOfFile: source, encoding: .utf8).split(separator: "\n")
        let kept = [text[0]] + zip(csv.rows, text.dropFirst()).filter { ["4", "5"].contains($0.0[bits]) }.map(\.1)
        let path = "\(dir)/sweep.xc7.csv"
        try (kept.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The atlas of `sweep` on the first 100 digits test images (the accuracy measure is the slow part).
    static func atlas(_ sweep: String, out: String) -> AtlasRun {
        var run = AtlasRun(sweep: [sweep], out: out)
        run.images = 100
        return run
    }

    static var chromium: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let p = "\(dir)/chromium"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Chromium's DOM after loading the page (scripts could not change it: the page has none).
    static func dumpDOM(_ html: String, chromium: String) throws -> String {
        let r = try ProcessRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", URL(fileURLWithPath: html).absoluteString])
        guard r.status == 0 else { throw ToolError("chromium --dump-dom failed (\(r.status)): \(r.stderr.suffix(400))") }
        return r.stdout
    }

    /// Every problem the rendered DOM shows against the CSV it was made from: a missing or
    /// sparse chart (fewer than `minimumShapes` drawn elements), a missing table, or a table
    /// cell that differs from the CSV's number.
    static func problems(dom: String, csv: AtlasCSV, target: String, charts: [String], minimumShapes: Int = 20) throws -> [String] {
        var out: [String] = []
        guard dom.contains("</html>"), dom.contains("<h1>") else { return ["the DOM was not rendered"] }
        for id in charts {
            guard let start = dom.range(of: "data-chart=\"\(id)\"") else { out.append("chart \(id) is missing"); continue }
            let rest = dom[start.upperBound...]
            let end = rest.range(of: "</figure>")?.lowerBound ?? rest.endIndex
            let figure = rest[..<end]
            let shapes = ["<rect", "<circle", "<polyline", "<line", "<text"].map { figure.components(separatedBy: $0).count - 1 }.reduce(0, +)
            if shapes < minimumShapes { out.append("chart \(id) draws \(shapes) elements (< \(minimumShapes))") }
        }
        guard let tableStart = dom.range(of: "data-table=\"sweep-\(target)\"") else { return out + ["table sweep-\(target) is missing"] }
        let table = dom[tableStart.upperBound...].prefix { _ in true }
        let body = table[..<(table.range(of: "</table>")?.lowerBound ?? table.endIndex)]
        // Each row's cells by their data-col key.
        var cells: [String: [String: String]] = [:]
        for row in body.components(separatedBy: "<tr>").dropFirst(2) {
            var byKey: [String: String] = [:]
            for td in row.components(separatedBy: "<td data-col=\"").dropFirst() {
                guard let q = td.firstIndex(of: "\""), let gt = td.firstIndex(of: ">"), let lt = td.range(of: "</td>") else { continue }
                byKey[String(td[..<q])] = String(td[td.index(after: gt)..<lt.lowerBound])
            }
            if let w = byKey["weight"] { cells[w] = byKey }
        }
        for r in csv.rows.indices {
            let weight = try csv.text(r, "weight")
            guard let row = cells[weight] else { out.append("table sweep-\(target) has no row \(weight)"); continue }
            for key in ["luts", "ffs", "cells", "baseline_luts", "bits"] where row[key] != (try csv.text(r, key)) {
                out.append("\(weight) \(key): table \(row[key] ?? "nothing"), CSV \(try csv.text(r, key))")
            }
        }
        if cells.count != csv.rows.count { out.append("table sweep-\(target) has \(cells.count) rows, the CSV \(csv.rows.count)") }
        return out
    }

    @Test func atlasRendersInChromiumWithTheCSVsNumbers() throws {
        let chromium = try #require(Self.chromium, "chromium is not on PATH: run scripts/setup.sh (it installs Debian's chromium)")
        let dir = try SynthTestSupport.scratch("atlas")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sweep = try Self.sweepSubset(into: dir)
        let out = "\(dir)/out"
        let started = Date()
        let summary = try Self.atlas(sweep, out: out).run()
        print("atlas: \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n\(summary)")
        let html = "\(out)/atlas.html"
        let page = try String(contentsOfFile: html, encoding: .utf8)
        // Self-contained: no scripts, no external URLs (the SVG namespace is a name, not a fetch).
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="))
        #expect(!page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        let csv = try AtlasCSV(path: sweep)
        let charts = ["sweetspot-xc7-afp-mse", "sweetspot-xc7-afp-accuracy", "sweetspot-xc7-ausn-mse", "sweetspot-xc7-ausn-accuracy",
                      "luts-xc7-afp", "luts-xc7-ausn", "pareto-area-xc7-silero-encoder2", "pareto-area-xc7-digits-fc1"]
        let dom = try Self.dumpDOM(html, chromium: chromium)
        let found = try Self.problems(dom: dom, csv: csv, target: "xc7", charts: charts)
        #expect(found.isEmpty, "\(found)")
        // Colour bars, units, legends.
        #expect(dom.contains("LUTs^λ × MSE (weight units²)") && dom.contains("SQNR (dB)") && dom.contains("integer baseline") && dom.contains("Pareto front"))

        // Planted bug 1: one chart emptied (its shapes removed, the figure kept).
        let chartStart = try #require(page.range(of: "data-chart=\"pareto-area-xc7-silero-encoder2\">"))
        let svgEnd = try #require(page[chartStart.upperBound...].range(of: "</svg>"))
        let emptied = String(page[..<chartStart.upperBound]) + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">" + String(page[svgEnd.lowerBound...])
        try emptied.write(toFile: "\(dir)/emptied.html", atomically: true, encoding: .utf8)
        let emptiedProblems = try Self.problems(dom: Self.dumpDOM("\(dir)/emptied.html", chromium: chromium), csv: csv, target: "xc7", charts: charts)
        #expect(emptiedProblems.count == 1 && emptiedProblems[0].contains("pareto-area-xc7-silero-encoder2"), "\(emptiedProblems)")

        // Planted bug 2: one LUT count in the sweep table off by one.
        let w = try csv.text(0, "weight"), luts = try csv.int(0, "luts")
        let cell = "<td data-col=\"weight\">\(w)</td>"
        let rowStart = try #require(page.range(of: cell))
        let lutCell = try #require(page[rowStart.upperBound...].range(of: "<td data-col=\"luts\" class=\"n\">\(luts)</td>"))
        let wrong = page.replacingCharacters(in: lutCell, with: "<td data-col=\"luts\" class=\"n\">\(luts + 1)</td>")
        try wrong.write(toFile: "\(dir)/wrong.html", atomically: true, encoding: .utf8)
        let wrongProblems = try Self.problems(dom: Self.dumpDOM("\(dir)/wrong.html", chromium: chromium), csv: csv, target: "xc7", charts: charts)
        #expect(wrongProblems == ["\(w) luts: table \(luts + 1), CSV \(luts)"], "\(wrongProblems)")

        // A screenshot renders to a real PNG.
        let png = "\(dir)/atlas.png"
        let shot = try ProcessRunner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,2000",
                                                   "--screenshot=\(png)", URL(fileURLWithPath: html).absoluteString])
        #expect(shot.status == 0, "\(shot.stderr.suffix(400))")
        let bytes = try #require(FileManager.default.contents(atPath: png))
        #expect(bytes.count > 20_000 && bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func atlasIsDeterministicAndAllOrNothing() throws {
        let dir = try SynthTestSupport.scratch("atlas-det")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let sweep = try Self.sweepSubset(into: dir)
        try Self.atlas(sweep, out: "\(dir)/a").run()
        try Self.atlas(sweep, out: "\(dir)/b").run()
        for name in ["atlas.html", "atlas.errors.csv", "atlas.sweetspot.csv", "sweep.xc7.csv"] {
            let a = FileManager.default.contents(atPath: "\(dir)/a/\(name)"), b = FileManager.default.contents(atPath: "\(dir)/b/\(name)")
            #expect(a != nil && a == b, "\(name) differs between two runs")
        }
        // A sweep CSV without the luts column: one clear error naming it, nothing written.
        let text = try String(contentsOfFile: sweep, encoding: .utf8).replacingOccurrences(of: ",luts,", with: ",lut_count,")
        try text.write(toFile: "\(dir)/bad.csv", atomically: true, encoding: .utf8)
        #expect(throws: ToolError.self) { try Self.atlas("\(dir)/bad.csv", out: "\(dir)/c").run() }
        do { try Self.atlas("\(dir)/bad.csv", out: "\(dir)/c").run() } catch {
            #expect("\(error)".contains("no column 'luts'"))
        }
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/c"))
    }

    @Test func sweetSpotScoresComeFromTheGoldenModel() throws {
        // One real split, scored by hand from the golden quantizer: score = LUTs^λ × MSE.
        let rows = [AtlasSweepRow(family: "afp", bits: 5, weight: "afp-e2m2", x: 2, y: 2, luts: 40, ffs: 20, cells: 90,
                                  baseline: "pe_int8_int5_acc23", baselineLUTs: 45, target: "xc7", yosys: "y")]
        let values = try BundledData.sileroEncoder2().values
        let mse = try TensorQuantizer.choose(format: NumberFormat(parsing: "afp-e2m2"), rule: .search, values: values).errorStats(values).mse
        let map = SweetSpotMap.build(target: "xc7", family: "afp", measure: .mse(tensor: "t"), lambda: 2, rows: rows) { _ in mse }
        #expect(map.cells.count == 1 && abs(map.cells[0].score - 1600 * mse) < 1e-12 * 1600 * mse)
        #expect(map.cells[0].column == 2 && map.cells[0].row == 5)
        // An error of 0 is skipped, not scored 0.
        #expect(SweetSpotMap.build(target: "xc7", family: "afp", measure: .accuracyLoss, lambda: 1, rows: rows) { _ in 0 }.cells.isEmpty)
    }
}
