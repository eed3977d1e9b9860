/// The header lines every exported testbench starts its instructions with: how to run it from its
/// own directory with Icarus Verilog and with Verilator, and what it prints. One place, so the PE,
/// requantizer, array and AXI testbenches say it the same way.
enum TestbenchRunInstructions {
    /// `icarus` and `verilator` are the argument lists of each tool's commands, run one after the
    /// other; `failure` names what a FAIL line reports (`the first mismatch`).
    static func lines(testbench name: String, icarus: [[String]], verilator: [[String]], failure: String) -> [String] {
        // A comment whose text starts with the word verilator (any case) is a Verilator directive:
        // each command follows a number.
        func chain(_ commands: [[String]]) -> String { commands.map { $0.joined(separator: " ") }.joined(separator: " && ") }
        return [
            "// Run from this directory, (1) with Icarus Verilog or (2) with Verilator 5:",
            "//   (1) \(chain(icarus))",
            "//   (2) \(chain(verilator))",
            "// Prints \"PASS \(name): ...\" or \"FAIL \(name): <\(failure)>\" and then stops with $fatal (non-zero exit).",
        ]
    }
}
