import Foundation
import ShiftwrightTooling
import ShiftwrightVerilator

/// Verification outcomes as people read them: one line per design with its coverage (whether the
/// check was exhaustive, the seed), the first mismatch and its waveform, the Verilator version.
public enum VerificationReport {
    public static func text(_ outcomes: [VerificationOutcome]) throws -> String {
        var lines = ["Verilator: \(try ExternalTool.verilator.version())"]
        for o in outcomes {
            lines.append("\(o.passed ? "PASS" : "FAIL")  \(o.design): \(o.cycles) cycles — \(o.coverage)")
            if let mismatch = o.mismatch { lines.append("      first mismatch: \(mismatch)") }
            if let wave = o.waveform { lines.append("      waveform: \(wave)") }
        }
        let cycles = outcomes.reduce(0) { $0 + $1.cycles }
        let sim = outcomes.first?.simulationSeconds ?? 0
        lines.append(String(format: "%d designs, %d cycles; Verilator build %.1f s, simulation %.2f s",
                            outcomes.count, cycles, outcomes.map(\.buildSeconds).max() ?? 0, sim))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Throws one line naming every design that did not match the golden model.
    public static func requirePassed(_ outcomes: [VerificationOutcome]) throws {
        let failed = outcomes.filter { !$0.passed }
        guard failed.isEmpty else {
            throw ToolError.checkFailed("\(failed.count) of \(outcomes.count) designs do not match the golden model: \(failed.map(\.design).joined(separator: ", "))")
        }
    }

    /// Prints the report through `output` and fails when any design mismatched.
    public static func finish(_ outcomes: [VerificationOutcome], output: (String) -> Void) throws {
        output(try text(outcomes))
        try requirePassed(outcomes)
    }
}
