import Foundation
import ShiftwrightTooling

/// Reads Verilog into Yosys and runs `hierarchy -check; proc; check -assert`: the design must be
/// complete, every process must lower, and Yosys must find no driver conflicts or undriven wires.
public enum YosysReadCheck {
    /// nil when Yosys accepts the design, else Yosys's own error line.
    public static func problem(verilogPath: String, top: String, yosys: Yosys = Yosys()) throws -> String? {
        try Yosys.checkIdentifier(top)
        do {
            try yosys.withStagedInput(verilogPath, { file in
                ["read_verilog \(file)", "hierarchy -check -top \(top)", "proc", "check -assert"]
            }) { _ in }
            return nil
        } catch let error as ToolError {
            return error.message
        }
    }
}
