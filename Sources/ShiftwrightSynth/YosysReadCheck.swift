import Foundation
import ShiftwrightTooling

/// Reads Verilog into Yosys and runs `hierarchy -check; proc; check -assert`: the design must be
/// complete, every process must lower, and Yosys must find no driver conflicts or undriven wires.
public enum YosysReadCheck {
    /// nil when Yosys accepts the design, else Yosys's own error line.
    public static func problem(verilogPath: String, top: String) throws -> String? {
        _ = try ExternalTool.yosys.require()
        let script = "read_verilog \(verilogPath); hierarchy -check -top \(top); proc; check -assert"
        let result = try ProcessRunner.run("yosys", ["-q", "-p", script])
        if result.succeeded { return nil }
        let lines = (result.stderr + result.stdout).split(separator: "\n")
        return lines.first { $0.contains("ERROR") }.map(String.init) ?? result.tail()
    }
}
