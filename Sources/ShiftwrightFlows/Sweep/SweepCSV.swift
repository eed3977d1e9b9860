import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// The sweep as CSV: one row per split, stable order, tool and target in every row (no comment
/// lines, so any CSV reader takes it).
public enum SweepCSV {
    public static func text(_ result: SweepResult) -> String {
        var lines = ["family,bits,weight,x,y,luts,ffs,carries,muxes,cells,baseline,baseline_luts,baseline_ffs,lut_ratio,quant_mse,target,yosys"]
        for r in result.rows {
            let p = r.point
            let fields: [String] = [
                p.family.rawValue, "\(p.bits)", p.weight.name, "\(p.x)", "\(p.y)",
                "\(r.area.luts)", "\(r.area.flipFlops)", "\(r.area.carries)", "\(r.area.muxes)", "\(r.area.totalCells)",
                r.baselineTop, "\(r.baseline.luts)", "\(r.baseline.flipFlops)",
                r.lutRatio.map { String(format: "%.3f", $0) } ?? "",
                r.quantizationError.map { String(format: "%.6g", $0) } ?? "",
                result.target.description, quoted(result.yosysVersion),
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
