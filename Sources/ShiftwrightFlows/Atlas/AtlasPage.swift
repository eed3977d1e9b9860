import Foundation

/// Composes atlas.html from a computed `AtlasRun.Atlas`, and the console summary.
enum AtlasPage {
    static func pct(_ v: Double) -> String { String(format: "%.1f", v * 100) }
    static func db(_ v: Double) -> String { String(format: "%.2f", v) }

    /// The widest and narrowest widths a map covers.
    static func widths(_ m: SweetSpotMap) -> ClosedRange<Int> { (m.cells.map(\.bits).min() ?? 0)...(m.cells.map(\.bits).max() ?? 0) }

    /// One sentence on where a map's minimum falls, and whether it is interior in width.
    static func finding(_ m: SweetSpotMap) -> String {
        guard let min = m.minimum else { return "\(m.target) \(m.family.uppercased()), \(m.measure.label): no split has an error" }
        let range = widths(m)
        let place = min.bits == range.upperBound ? "at the widest width" : min.bits == range.lowerBound ? "at the narrowest width" : "interior (not at an edge width)"
        let axis = m.family == "afp" ? "E = \(min.column)" : "B = \(min.column), S = \(min.row)"
        let best = m.bestPerWidth.map { "\($0.bits): \(m.family == "afp" ? "E\($0.cell.column)" : "b\($0.cell.column)s\($0.cell.row)")" }.joined(separator: ", ")
        return "\(m.target) \(m.family.uppercased()), LUTs^\(AtlasData.f(m.lambda)) × \(m.measure.label): minimum \(min.weight) (\(min.bits) bits, \(axis)), \(place); best split per width \(best)"
    }

    /// Whether an AFP map reproduces the paper's shape: an interior minimum in width, and exactly E = 3 at 5 bits.
    static func paperVerdict(_ m: SweetSpotMap) -> (interior: Bool, exact: Bool) {
        guard let min = m.minimum else { return (false, false) }
        let r = widths(m)
        return (min.bits > r.lowerBound && min.bits < r.upperBound, min.column == 3 && min.bits == 5)
    }

    static func conclusion(_ atlas: AtlasRun.Atlas) -> [String] {
        let afp = atlas.maps.filter { $0.family == "afp" }
        func describe(_ measure: SweetSpotMap.Measure) -> String {
            let maps = afp.filter { $0.measure == measure }
            let interior = maps.filter { paperVerdict($0).interior }.map(\.target)
            let exact = maps.filter { paperVerdict($0).exact }.map(\.target)
            let mins = maps.map { "\($0.target): \($0.minimum?.weight ?? "-") (\($0.minimum?.bits ?? 0) bits)" }.joined(separator: "; ")
            return "AFP with \(measure.label): minima \(mins). Interior minimum on \(interior.isEmpty ? "no target" : interior.joined(separator: ", "))"
                + "; the paper's exact E = 3 at 5 bits on \(exact.isEmpty ? "no target" : exact.joined(separator: ", "))."
        }
        guard let first = atlas.errors.tensors.first else { return [] }
        return [describe(.mse(tensor: first.name)), describe(.accuracyLoss)]
    }

    static func summary(_ atlas: AtlasRun.Atlas) -> String {
        (atlas.maps.map(finding) + conclusion(atlas)).map { $0 + "\n" }.joined()
    }

    static func html(_ atlas: AtlasRun.Atlas) -> String {
        var page = AtlasHTML()
        let e = atlas.errors, sweep = atlas.sweep
        page.heading(1, "Shiftwright atlas: \(sweep.targets.joined(separator: ", "))")
        page.paragraph("Every AFP (E, M) and AUSN (B, S) weight split of the sweep, one PE each (activations and accumulator as the sweep synthesized them), "
                       + "with the integer multiplier of the same width and accumulator as baseline. Error measures by the golden model: quantization MSE/SQNR on "
                       + e.tensors.map { "\($0.name) (\($0.values.count) values)" }.joined(separator: ", ")
                       + " (per-tensor scale chosen by search), and top-1 accuracy of the digits network (uint8 activations, int16 logits) on its \(e.digitsImages) test images; float top-1 \(e.floatCorrect)/\(e.digitsImages).")
        tools(&page, atlas)
        sweetSpot(&page, atlas)
        heatMaps(&page, atlas)
        areaFronts(&page, atlas)
        energyFronts(&page, atlas)
        table4(&page, atlas)
        fmax(&page, atlas)
        data(&page, atlas)
        return page.document(title: "Shiftwright atlas")
    }

    static func tools(_ page: inout AtlasHTML, _ atlas: AtlasRun.Atlas) {
        page.heading(2, "Tools", id: "tools")
        var rows = atlas.sweep.targets.map { t in ["synthesis (\(t))", atlas.sweep.rows(target: t).first?.yosys ?? ""] }
        if let timing = atlas.timing { rows.append(["place and route (Fmax)", timing.tools]) }
        page.table(id: "tools", columns: [("tool", "what"), ("version", "tool and version")], rows: rows)
    }

    static func sweetSpot(_ page: inout AtlasHTML, _ atlas: AtlasRun.Atlas) {
        let e = atlas.errors
        page.heading(2, "The sweet spot: LUTs^λ × error (λ = \(AtlasData.f(atlas.lambda)))", id: "sweet-spot")
        page.paragraph("score = (measured LUTs per PE)^λ × error, docs/arithmetic.md §5.1 with the synthesized cost. Two error measures: the quantization MSE on "
                       + "\(e.tensors.first?.name ?? "") and the digits top-1 accuracy loss (float top-1 minus quantized top-1, over \(e.digitsImages) images). "
                       + "A split that loses no image (or gains) is counted as losing one image (\(pct(1 / Double(max(e.digitsImages, 1))))%), so its score stays finite and comparable. "
                       + "Red outline: the minimum of the map; red dot: the best split of each width (AFP) or of each B + S (AUSN).")
        for line in conclusion(atlas) { page.paragraph(line, cssClass: "finding") }
        page.paragraph("The paper's map has an interior minimum at E = 3, 5 bits. MSE falls about 4× per added bit while LUTs grow far slower, so LUTs × MSE keeps falling to the widest width; "
                       + "an error that saturates (accuracy loss stops falling once the network is as good as float) is what can make a narrower split the minimum.")
        for target in atlas.sweep.targets {
            page.heading(3, "Sweet-spot maps, \(target)")
            page.beginCharts()
            for m in atlas.maps where m.target == target {
                let isLoss = m.measure == .accuracyLoss
                let map = AtlasHeatMap(
                    title: "\(m.family.uppercased()) on \(target): LUTs^\(AtlasData.f(m.lambda)) × \(m.measure.label)",
                    subtitle: isLoss ? "loss floored at 1 image of \(e.digitsImages); cell: score" : "cell: score (LUTs × MSE)",
                    xLabel: m.axes.x, yLabel: m.axes.y,
                    colorLabel: isLoss ? "LUTs^λ × top-1 loss (fraction)" : "LUTs^λ × MSE (weight units²)",
                    cells: m.cells.map { c in
                        AtlasHeatMap.Cell(column: c.column, row: c.row, value: c.score, text: AtlasHeatMap.short(c.score),
                                          tooltip: "\(c.weight): \(c.luts) LUTs, \(isLoss ? "loss \(pct(c.error))%" : "MSE \(AtlasData.f(c.error))"), score \(AtlasData.f(c.score))")
                    },
                    marked: m.minimum.map { ($0.column, $0.row) },
                    dotted: m.bestPerWidth.map { ($0.cell.column, $0.cell.row) },
                    footnote: "red outline: minimum \(m.minimum?.weight ?? "-"); red dots: best split per width")
                page.chart(map.svg, id: "sweetspot-\(target)-\(m.family)-\(isLoss ? "accuracy" : "mse")", caption: finding(m))
            }
            page.endCharts()
        }
        page.table(id: "sweet-spot-minima", columns: [("target", "target"), ("family", "family"), ("measure", "error"), ("weight", "minimum"), ("bits", "bits"), ("luts", "LUTs"), ("error", "error"), ("score", "score")],
                   rows: atlas.maps.compactMap { m in
                       m.minimum.map { [m.target, m.family, m.measure.label, $0.weight, "\($0.bits)", "\($0.luts)", AtlasData.f($0.error), AtlasData.f($0.score)] }
                   })
    }

    static func heatMaps(_ page: inout AtlasHTML, _ atlas: AtlasRun.Atlas) {
        page.heading(2, "LUTs per PE", id: "luts")
        for target in atlas.sweep.targets {
            page.beginCharts()
            for family in ["afp", "ausn"] {
                let rows = atlas.sweep.rows(target: target).filter { $0.family == family }
                guard !rows.isEmpty else { continue }
                let map = AtlasHeatMap(
                    title: "\(family.uppercased()) LUTs per PE, \(target)", subtitle: rows.first?.yosys ?? "",
                    xLabel: family == "afp" ? "exponent bits E" : "basic bits B", yLabel: family == "afp" ? "mantissa bits M" : "subdivision bits S",
                    colorLabel: "LUTs per PE (log colour)",
                    cells: rows.map { r in
                        AtlasHeatMap.Cell(column: r.x, row: r.y, value: Double(r.luts), text: "\(r.luts)",
                                          tooltip: "\(r.weight): \(r.luts) LUTs, \(r.ffs) FFs, \(r.cells) cells; baseline \(r.baseline) \(r.baselineLUTs) LUTs")
                    },
                    footnote: "cells of one width lie on one anti-diagonal (1 + x + y = N)")
                page.chart(map.svg, id: "luts-\(target)-\(family)", caption: "LUTs per PE of every \(family.uppercased()) split on \(target).")
            }
            page.endCharts()
        }
    }

    static func group(_ weight: String) -> String { weight.hasPrefix("afp") ? "afp" : weight.hasPrefix("ausn") || weight.hasPrefix("pot") ? "ausn" : "other" }

    static func areaFronts(_ page: inout AtlasHTML, _ atlas: AtlasRun.Atlas) {
        page.heading(2, "Area against SQNR", id: "area-pareto")
        for target in atlas.sweep.targets {
            page.beginCharts()
            for tensor in atlas.errors.tensors {
                let q = atlas.errors.quantization[tensor.name] ?? [:]
                let points = atlas.sweep.rows(target: target).compactMap { r in
                    q[r.weight].map { AtlasParetoChart.Point(label: r.weight, group: r.family, cost: Double(r.luts), sqnrDB: $0.sqnrDB) }
                }.filter { $0.sqnrDB.isFinite }
                let baselines = atlas.sweep.baselines(target: target).compactMap { b in
                    q["int\(b.bits)"].map { AtlasParetoChart.Point(label: "int\(b.bits)", group: "int", cost: Double(b.luts), sqnrDB: $0.sqnrDB) }
                }
                let chart = AtlasParetoChart(title: "LUTs per PE vs SQNR on \(tensor.name), \(target)", subtitle: atlas.sweep.rows(target: target).first?.yosys ?? "",
                                             costLabel: "LUTs per PE", points: points, baselines: baselines)
                page.chart(chart.svg, id: "pareto-area-\(target)-\(tensor.name)",
                           caption: "Up and left is better. Squares: int<N> multiplier PEs (the fewest-LUT baseline of each width); labels on the Pareto front.")
            }
            page.endCharts()
        }
    }

    static func energyFronts(_ page: inout AtlasHTML, _ atlas: AtlasRun.Atlas) {
        page.heading(2, "Energy against SQNR", id: "energy-pareto")
        guard !atlas.energy.isEmpty else {
            page.paragraph("No energy CSV was given (--energy energy.<target>.csv): no energy front is drawn.")
            return
        }
        let targets = atlas.energy.reduce(into: [String]()) { if !$0.contains($1.target) { $0.append($1.target) } }
        for target in targets {
            let rows = atlas.energy.filter { $0.target == target }
            page.beginCharts()
            for tensor in atlas.errors.tensors {
                let q = atlas.errors.quantization[tensor.name] ?? [:]
                let points = rows.compactMap { r in
                    q[r.weight].map { AtlasParetoChart.Point(label: r.weight, group: group(r.weight), cost: r.switchingPerMAC, sqnrDB: $0.sqnrDB) }
                }.filter { $0.sqnrDB.isFinite }
                var seen = Set<String>()
                let baselines = rows.compactMap { r -> AtlasParetoChart.Point? in
                    guard let b = r.baselineWeight, let s = q[b], seen.insert(r.baseline).inserted else { return nil }
                    return AtlasParetoChart.Point(label: b, group: "int", cost: r.baselineSwitchingPerMAC, sqnrDB: s.sqnrDB)
                }
                let chart = AtlasParetoChart(title: "Switching per MAC vs SQNR on \(tensor.name), \(target)", subtitle: "activation \(rows.first?.act ?? "")",
                                             costLabel: "switching per MAC (switching_per_mac)", points: points, baselines: baselines)
                page.chart(chart.svg, id: "pareto-energy-\(target)-\(tensor.name)", caption: "Switching activity per MAC from the energy CSV (a proxy for dynamic energy) against SQNR; squares: integer baselines, labels on the Pareto front.")
            }
            page.endCharts()
            page.table(id: "energy-\(target)", columns: [("weight", "weight"), ("act", "act"), ("switching_per_mac", "toggles/MAC"), ("baseline", "baseline"), ("baseline_switching_per_mac", "baseline toggles/MAC")],
                       rows: rows.map { [$0.weight, $0.act, AtlasData.f($0.switchingPerMAC), $0.baseline, AtlasData.f($0.baselineSwitchingPerMAC)] })
        }
    }

    static func table4(_ page: inout AtlasHTML, _ atlas: AtlasRun.Atlas) {
        page.heading(2, "The AUSN paper's Table 4 beside ours (per PE)", id: "table4")
        page.paragraph("Ours: one PE from the sweep, LUTs; x = the int8 × int<W> MAC of the same accumulator / this PE (above 1: smaller than the MAC). "
                       + "Paper: 64×64 array on a Xilinx ZCU104 (Vivado), totals / 4096. '-': the sweep holds no such split.")
        for target in atlas.sweep.targets {
            let rows = AtlasTable4.rows(atlas.sweep.rows(target: target))
            page.heading(3, "Table 4, \(target)")
            page.table(id: "table4-\(target)", columns: [("aw", "A/W"), ("architecture", "architecture"), ("weight", "weight"), ("luts", "LUT"), ("baseline", "MAC"),
                                                         ("baseline_luts", "MAC LUT"), ("ratio", "LUT x"), ("paper_luts", "paper LUT/PE"), ("paper_ratio", "paper LUT x")],
                       rows: rows.map { r in
                           ["8/\(r.bits)", r.architecture, r.weight, r.luts.map { "\($0)" } ?? "-", r.baseline ?? "-", r.baselineLUTs.map { "\($0)" } ?? "-",
                            r.ratio.map { String(format: "%.2fx", $0) } ?? "-", String(format: "%.1f", r.paperLUTs), String(format: "%.2fx", r.paperRatio)]
                       })
        }
    }

    static func fmax(_ page: inout AtlasHTML, _ atlas: AtlasRun.Atlas) {
        page.heading(2, "Fmax after place and route", id: "fmax")
        guard let timing = atlas.timing else {
            page.paragraph("No timing report was given (--timing timing.txt from shiftwright report timing): Fmax not shown.")
            return
        }
        page.paragraph(timing.tools)
        page.table(id: "fmax", columns: [("design", "design"), ("device", "device"), ("mode", "mode"), ("fmax_mhz", "Fmax MHz"), ("luts", "LUT"), ("note", "note")],
                   rows: timing.rows.map { r in
                       [r.design, r.device, r.mode, r.fmaxMHz.map { String(format: "%.1f", $0) } ?? "-", r.luts.map { "\($0)" } ?? "-",
                        r.note.count > 90 ? String(r.note.prefix(90)) + "…" : r.note]
                   })
    }

    static func data(_ page: inout AtlasHTML, _ atlas: AtlasRun.Atlas) {
        page.heading(2, "The data", id: "data")
        page.paragraph("The sweep rows as read (sweep.<target>.csv, beside this page), with the golden model's errors (atlas.errors.csv) and the scores (atlas.sweetspot.csv).")
        let e = atlas.errors
        for target in atlas.sweep.targets {
            page.heading(3, "Sweep, \(target)")
            var columns: [(key: String, title: String)] = [("weight", "weight"), ("family", "family"), ("bits", "bits"), ("luts", "LUT"), ("ffs", "FF"),
                                                            ("cells", "cells"), ("baseline", "baseline"), ("baseline_luts", "baseline LUT")]
            columns += e.tensors.map { ("sqnr_db:\($0.name)", "SQNR dB \($0.name)") }
            columns += [("digits_correct", "digits top-1 (of \(e.digitsImages))"), ("digits_loss", "top-1 loss %")]
            let rows = atlas.sweep.rows(target: target).map { r -> [String] in
                var cells = [r.weight, r.family, "\(r.bits)", "\(r.luts)", "\(r.ffs)", "\(r.cells)", r.baseline, "\(r.baselineLUTs)"]
                cells += e.tensors.map { t in e.quantization[t.name]?[r.weight].map { db($0.sqnrDB) } ?? "-" }
                cells += [e.correct[r.weight].map { "\($0)" } ?? "-", e.accuracyLoss(r.weight).map(pct) ?? "-"]
                return cells
            }
            page.table(id: "sweep-\(target)", columns: columns, rows: rows)
        }
    }
}
