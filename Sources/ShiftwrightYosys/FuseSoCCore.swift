/// A FuseSoC CAPI2 `.core` file for generated RTL, so a design drops into FuseSoC/Edalize flows
/// (`fusesoc run --target lint|synth shiftwright:generated:<top>`).
public enum FuseSoCCore {
    /// The core's VLNV name.
    public static func vlnv(top: String) -> String { "shiftwright:generated:\(top):1.0.0" }

    /// The `.core` text for the RTL file `rtlFile` whose top module is `top`. Deterministic.
    public static func text(top: String, rtlFile: String, description: String) -> String {
        """
        CAPI=2:
        name: \(vlnv(top: top))
        description: "\(description.replacingOccurrences(of: "\"", with: "'"))"

        filesets:
          rtl:
            files:
              - \(rtlFile)
            file_type: verilogSource

        targets:
          default: &default
            filesets: [rtl]
            toplevel: \(top)
          lint:
            <<: *default
            default_tool: verilator
            tools:
              verilator:
                mode: lint-only
          synth:
            <<: *default
            default_tool: yosys
            tools:
              yosys:
                arch: xilinx

        """
    }
}
