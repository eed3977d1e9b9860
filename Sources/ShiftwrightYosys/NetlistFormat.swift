import Foundation
import ShiftwrightTooling

/// A netlist format Yosys writes after synthesis, for other tools' flows.
public enum NetlistFormat: String, CaseIterable, Sendable, Hashable {
    /// Yosys JSON, read by nextpnr and by Yosys itself.
    case json
    /// EDIF, read by Vivado (`write_edif -pvector bra`, the form Vivado expects for buses).
    case edif
    /// Berkeley BLIF, for ABC-style and academic flows.
    case blif
    /// Structural Verilog of the mapped cells (`write_verilog -noattr`), for simulation and review.
    case verilog

    /// Parses a comma-separated list such as `json,edif`; throws naming the bad entry.
    public static func parseList(_ text: String) throws -> [NetlistFormat] {
        var formats: [NetlistFormat] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let format = NetlistFormat(rawValue: name) else {
                throw ToolError("unknown netlist format '\(name)': use \(allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    /// The file name of `top`'s netlist for `target`; never clashes with the RTL file `<top>.v`.
    public func fileName(top: String, target: SynthTarget) -> String {
        switch self {
        case .json: "\(top).\(target.name).json"
        case .edif: "\(top).\(target.name).edf"
        case .blif: "\(top).\(target.name).blif"
        case .verilog: "\(top).\(target.name).netlist.v"
        }
    }

    /// The Yosys command writing this netlist to `path`.
    func writeCommand(_ path: String) -> String {
        switch self {
        case .json: "write_json \(path)"
        case .edif: "write_edif -pvector bra \(path)"
        case .blif: "write_blif \(path)"
        case .verilog: "write_verilog -noattr \(path)"
        }
    }
}
