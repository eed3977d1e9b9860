import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightYosys

/// The command-line entry points of the energy proxy: `energy pe` and `report energy`.
public enum EnergyRun {
    /// MACs simulated per design: the default and the accepted range (the workload has 409,600).
    public static let defaultMACs = 4096
    public static let macRange = 64...100_000
    /// The targets whose netlists can be simulated here (cell models shipped with Yosys, or plain gates).
    public static let targets = ["xc7", "xcu", "ice40", "ecp5", "generic"]

    static func target(_ settings: SynthSettings) throws -> SynthTarget {
        let target = try settings.synthTarget()
        guard targets.contains(target.name) else {
            throw ToolError("no gate-level simulation for target '\(target.name)': use \(targets.joined(separator: ", "))")
        }
        return target
    }

    /// `energy pe`: the PE's proxy beside its integer baseline's; with `saif`, writes the PE's
    /// activity there (SAIF 2.0) and its EDIF netlist beside it (`<saif minus .saif>.edf`), both or neither.
    public static func pe(activation: String, weight: String, depth: Int, settings: SynthSettings, macs: Int, saif: String?,
                          note: @escaping @Sendable (String) -> Void) throws -> String {
        guard macRange.contains(macs) else { throw ToolError("--cycles must be in \(macRange.lowerBound)...\(macRange.upperBound), got \(macs)") }
        if let saif {
            guard saif.hasSuffix(".saif") else { throw ToolError("--saif file '\(saif)' must end in .saif") }
            var isDirectory: ObjCBool = false
            let folder = (saif as NSString).deletingLastPathComponent
            guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ToolError("--saif file '\(saif)': no such folder '\(folder)'")
            }
        }
        let config = try PEConfig(activation: NumberFormat(parsing: activation), weight: NumberFormat(parsing: weight), accumulationDepth: depth)
        let target = try Self.target(settings)
        let c = try EnergyComparison.run(config, target: target, macs: macs, yosys: Yosys(executable: settings.yosysProgram))
        var lines = [
            "energy proxy (docs/energy.md): sum over nets, clock excluded, of toggles x (1 + fan-out), per MAC",
            "data: \(EnergyWorkload.source); \(macs) MACs, gate-level \(target.name) netlists checked against the golden PE",
        ]
        for (label, m, cfg) in [("design  ", c.design, c.designConfig), ("baseline", c.baseline, c.baselineConfig)] {
            lines.append("\(label) \(m.top): \(m.area.luts) LUT, \(m.area.flipFlops) FF, \(EnergyReport.fixed(m.togglesPerMAC, 1)) toggles/MAC, "
                         + "proxy \(EnergyReport.fixed(m.switchingPerMAC, 1))/MAC (\(cfg.activation) x \(cfg.weight))")
        }
        lines.append("ratio baseline / design = \(EnergyReport.fixed(c.ratio, 2))x (\(c.ratio >= 1 ? "the design switches less" : "the design switches more") than the equal-effort integer MAC)")
        if let saif {
            let edif = String(saif.dropLast(".saif".count)) + ".edf"
            try AtomicFile.writeFiles([(saif, Data(c.design.saif.text.utf8)), (edif, c.design.edif)])
            lines.append("wrote \(saif) (SAIF 2.0, 1 cycle = 10 ns) and \(edif); in Vivado: read_edif, link_design -top \(c.design.top), "
                         + "create_clock -period 10 [get_ports clk], read_saif -strip_path \(c.design.top) \(saif), report_power")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `report energy`: every Table 4 row; with `out`, writes `energy.<target>.txt` and `.csv` there.
    public static func report(settings: SynthSettings, macs: Int, out: String?, note: @escaping @Sendable (String) -> Void) throws -> String {
        guard macRange.contains(macs) else { throw ToolError("--cycles must be in \(macRange.lowerBound)...\(macRange.upperBound), got \(macs)") }
        let target = try Self.target(settings)
        let report = try EnergyReport.run(target: target, macs: macs, yosys: Yosys(executable: settings.yosysProgram), progress: note)
        if let out { _ = try report.write(into: out) }
        return report.text
    }
}
