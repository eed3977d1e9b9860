import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator
import ShiftwrightFlows
import ShiftwrightTooling

/// Users check netlists before handing them on: a Yosys gate-level netlist of a generated PE is
/// co-simulated against the golden model through the external-RTL path, and a netlist with a
/// flipped gate is caught.
@Suite struct NetlistVerificationTests {
    /// Synthesizes `module` with generic Yosys `synth` and returns the structural Verilog.
    func netlist(of module: Module) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sw-netlist-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let verilog = VerilogEmitter.emit(module)
        try AtomicFile.write(verilog.text, to: "\(dir)/\(verilog.fileName)")
        try ProcessRunner.check("yosys", ["-q", "-p", "read_verilog \(dir)/\(verilog.fileName); synth -flatten -top \(module.name); write_verilog -noattr \(dir)/netlist.v"],
                                what: "yosys synth")
        return try String(contentsOfFile: "\(dir)/netlist.v", encoding: .utf8)
    }

    @Test func synthesizedPENetlistMatchesTheGoldenModel() throws {
        let config = try PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "ausn-b3s2"))
        let module = try PEGenerator.module(config)
        let gates = try netlist(of: module)
        #expect(!gates.contains("always @(posedge clk) begin  //"), "the netlist is Yosys output, not our RTL")
        let plan = PEVerification.plan(config, module: module, externalVerilog: (gates, module.name),
                                       options: .init(accumulationCycles: 3_000))
        let outcome = try BatchRunner.run([plan], waveOnMismatch: false)[0]
        #expect(outcome.passed, "\(outcome.mismatch ?? "")")
        #expect(outcome.coverage.hasPrefix("exhaustive"))

        // A netlist with one gate changed (an XOR turned into an OR) must fail.
        let broken = gates.replacingOccurrences(of: " ^ ", with: " | ", options: [], range: gates.range(of: " ^ "))
        #expect(broken != gates)
        let mutant = PEVerification.plan(config, module: module, externalVerilog: (broken, module.name),
                                         options: .init(accumulationCycles: 3_000))
        #expect(!(try BatchRunner.run([mutant], waveOnMismatch: false)[0].passed))
    }
}
