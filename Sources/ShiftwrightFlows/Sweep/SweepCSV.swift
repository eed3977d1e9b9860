import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// The sweep as CSV: one row per configuration, plan order, tool and target in every row (no
/// comment lines, so any CSV reader takes it). The first 17 columns are the original sweep's, in
/// their original order; `act` (activation format) and `config` (the configuration's stable id)
/// come after them (docs/sweeps.md lists the header).
public enum SweepCSV {
    /// The header line (without its newline).
    public static let header = "family,bits,weight,x,y,luts,ffs,carries,muxes,cells,baseline,baseline_luts,baseline_ffs,lut_ratio,quant_mse,target,yosys,act,config"

    public static func text(_ result: SweepResult) -> String {
        var lines = [header]
        for r in result.rows {
            let p = r.point
            let fields: [String] = [
                p.family.rawValue, "\(p.bits)", p.weight.name, "\(p.x)", "\(p.y)",
                "\(r.area.luts)", "\(r.area.flipFlops)", "\(r.area.carries)", "\(r.area.muxes)", "\(r.area.totalCells)",
                r.baselineTop, "\(r.baseline.luts)", "\(r.baseline.flipFlops)",
                r.lutRatio.map { String(format: "%.3f", $0) } ?? "",
                r.quantizationError.map { String(format: "%.6g", $0) } ?? "",
                result.target.description, quoted(result.yosysVersion), r.activation.name, r.configuration.id,
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
