import Foundation

/// The data files written beside atlas.html: what every chart of the page was drawn from.
enum AtlasData {
    static func f(_ v: Double) -> String { String(format: "%.6g", v) }

    /// One row per weight format: MSE and SQNR on each tensor, digits top-1 and its loss.
    static func errorsCSV(_ atlas: AtlasRun.Atlas) -> String {
        let e = atlas.errors
        var header = ["weight"]
        for t in e.tensors { header += ["mse:\(t.name)", "sqnr_db:\(t.name)"] }
        header += ["digits_images", "digits_float_correct", "digits_correct", "digits_loss", "digits_loss_floored"]
        var lines = [header.joined(separator: ",")]
        let formats = Set(e.quantization.values.flatMap(\.keys)).sorted()
        for w in formats {
            var fields = [w]
            for t in e.tensors {
                let s = e.quantization[t.name]?[w]
                fields += [s.map { f($0.mse) } ?? "", s.map { f($0.sqnrDB) } ?? ""]
            }
            fields += ["\(e.digitsImages)", "\(e.floatCorrect)", e.correct[w].map { "\($0)" } ?? "",
                       e.accuracyLoss(w).map(f) ?? "", e.flooredAccuracyLoss(w).map(f) ?? ""]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per (map, split): the sweet-spot scores, the minimum flagged.
    static func sweetSpotCSV(_ atlas: AtlasRun.Atlas) -> String {
        var lines = ["target,family,measure,lambda,weight,bits,column,row,luts,error,score,minimum,best_of_width"]
        for m in atlas.maps {
            let best = Set(m.bestPerWidth.map(\.cell.weight))
            for c in m.cells {
                lines.append([m.target, m.family, m.measure.key, f(m.lambda), c.weight, "\(c.bits)", "\(c.column)", "\(c.row)",
                              "\(c.luts)", f(c.error), f(c.score), c.weight == m.minimum?.weight ? "1" : "0",
                              best.contains(c.weight) ? "1" : "0"].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
