import Testing
import ShiftwrightYosys

/// The `.core` names the synthesis family of its target (an iCE40 core never runs synth_xilinx),
/// has a default target with a flow (FuseSoC runs it), and simulation targets only beside a testbench.
/// (FuseSoC itself runs these cores in ShiftwrightCLITests.ExportTestbenchTests.)
@Suite struct FuseSoCCoreTests {
    @Test(arguments: [("ice40", "ice40"), ("ecp5", "ecp5"), ("xc7", "xilinx"), ("xcu", "xilinx")])
    func synthTargetUsesTheTargetsFamily(target: String, arch: String) throws {
        let core = FuseSoCCore.text(top: "pe_x", rtlFile: "pe_x.v", description: "d", target: try SynthTarget(target))
        #expect(core.contains("  synth:\n    filesets: [rtl]\n    toplevel: pe_x\n    flow: generic\n    flow_options:\n      tool: yosys\n      arch: \(arch)\n"))
        #expect(core.components(separatedBy: "arch: ").count == 2, "one synth target, one arch")
    }

    @Test func defaultTargetHasAFlowAndGenericHasNoSynthTarget() throws {
        let core = FuseSoCCore.text(top: "pe_x", rtlFile: "pe_x.v", description: "d", target: try SynthTarget("generic"))
        #expect(core.contains("  default:\n    filesets: [rtl]\n    toplevel: pe_x\n    flow: lint\n"))
        #expect(!core.contains("synth:"))
        #expect(!core.contains("sim:"))
    }

    @Test func testbenchAddsSimulationTargetsAndCopiesItsVectors() {
        let core = FuseSoCCore.text(top: "pe_x", rtlFile: "pe_x.v", description: "d",
                                    testbench: .init(file: "tb_pe_x.v", top: "tb_pe_x", dataFiles: ["pe_x_stimulus.hex"]))
        #expect(core.contains("      - pe_x_stimulus.hex: {file_type: user, copyto: pe_x_stimulus.hex}\n"))
        #expect(core.contains("  sim:\n    filesets: [rtl, tb]\n    toplevel: tb_pe_x\n    flow: sim\n    flow_options:\n      tool: icarus\n"))
        #expect(core.contains("  sim_verilator:\n"))
    }
}
