import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightGenerators
import ShiftwrightTooling

/// Hook for co-simulating synthesized netlists against the golden model (`verify --rtl`):
/// synthesizes a PE and writes its structural Verilog netlist (`write_verilog -noattr`).
/// The netlist's top module has the RTL's name and ports, so it drops in where the RTL was.
public enum CosimNetlist {
    /// Synthesizes the PE of `config` for `target` and writes `<top>.<target>.netlist.v` into
    /// `directory`; returns its path. On the generic target the netlist is self-contained
    /// Verilog (gates become assign expressions, flip-flops always blocks); vendor targets
    /// instantiate cells whose models are in Yosys's share directory (`+/xilinx/cells_sim.v` …).
    public static func netlistPath(for config: PEConfig, target: SynthTarget? = nil, in directory: String,
                                   yosys: Yosys = Yosys()) throws -> String {
        let target = try target ?? SynthTarget("generic")
        let design = try SynthDesign.pe(config)
        guard let result = try yosys.synthesize([design], target: target, netlists: [.verilog]).first,
              let netlist = result.netlists[.verilog] else {
            throw ToolError("Yosys wrote no Verilog netlist for \(design.top)")
        }
        let path = "\(directory)/\(NetlistFormat.verilog.fileName(top: design.top, target: target))"
        try AtomicFile.write(netlist, to: path)
        return path
    }
}
