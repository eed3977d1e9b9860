/// A FuseSoC CAPI2 `.core` file for generated RTL, written for FuseSoC's flow API (Edalize):
/// `fusesoc run --target T shiftwright:generated:<top>` with T one of
/// - `default` and `lint`: `verilator --lint-only -Wall` on the RTL (the default target runs);
/// - `synth`: Yosys (`synth_<arch>`) for the synthesis target's family — `ice40`, `ecp5`, or
///   `xilinx` for `xc7`/`xcu` (absent for other targets, which Edalize's Yosys cannot map);
/// - `sim` (Icarus Verilog) and `sim_verilator`: the exported self-checking testbench, when the
///   core is written beside one (`shiftwright export testbench`).
public enum FuseSoCCore {
    /// The core's VLNV name.
    public static func vlnv(top: String) -> String { "shiftwright:generated:\(top):1.0.0" }

    /// The files of a self-checking testbench the core can simulate: the testbench's Verilog,
    /// its top module, and the data files it reads from its working directory (`$readmemh`).
    public struct Testbench: Sendable {
        public let file: String
        public let top: String
        public let dataFiles: [String]
        public init(file: String, top: String, dataFiles: [String]) { (self.file, self.top, self.dataFiles) = (file, top, dataFiles) }
    }

    /// The Edalize Yosys `arch` of a synthesis target, nil when Edalize has none for it.
    public static func yosysArch(_ target: SynthTarget) -> String? {
        switch target.name {
        case "ice40": "ice40"
        case "ecp5": "ecp5"
        case "xc7", "xcu": "xilinx"
        default: nil
        }
    }

    /// The `.core` text for the RTL file `rtlFile` whose top module is `top`, synthesized for
    /// `target` (no `synth` target when nil or unmappable) and simulated with `testbench`.
    /// Deterministic.
    public static func text(top: String, rtlFile: String, description: String, target: SynthTarget? = nil,
                            testbench: Testbench? = nil) -> String {
        var lines = [
            "CAPI=2:",
            "name: \(vlnv(top: top))",
            "description: \"\(description.replacingOccurrences(of: "\"", with: "'"))\"",
            "",
            "filesets:",
            "  rtl:",
            "    files:",
            "      - \(rtlFile)",
            "    file_type: verilogSource",
        ]
        if let testbench {
            lines += ["  tb:", "    files:", "      - \(testbench.file): {file_type: verilogSource}"]
            lines += testbench.dataFiles.map { "      - \($0): {file_type: user, copyto: \($0)}" }
        }
        lines += ["", "targets:"]
        for name in ["default", "lint"] {
            lines += [
                "  \(name):",
                "    filesets: [rtl]",
                "    toplevel: \(top)",
                "    flow: lint",
                "    flow_options:",
                "      tool: verilator",
                "      verilator_options: [-Wall]",
            ]
        }
        if let arch = target.flatMap(yosysArch) {
            lines += [
                "  synth:",
                "    filesets: [rtl]",
                "    toplevel: \(top)",
                "    flow: generic",
                "    flow_options:",
                "      tool: yosys",
                "      arch: \(arch)",
                "      output_format: \(arch == "xilinx" ? "edif" : "json")",
            ]
        }
        if let testbench {
            lines += [
                "  sim:",
                "    filesets: [rtl, tb]",
                "    toplevel: \(testbench.top)",
                "    flow: sim",
                "    flow_options:",
                "      tool: icarus",
                "      iverilog_options: [-g2012]",
                "  sim_verilator:",
                "    filesets: [rtl, tb]",
                "    toplevel: \(testbench.top)",
                "    flow: sim",
                "    flow_options:",
                "      tool: verilator",
                "      mode: binary",
                "      verilator_options: [--timing]",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
