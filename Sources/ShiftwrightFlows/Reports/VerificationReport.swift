import ShiftwrightHDL
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

    /// The outcomes as JSON (`verify … --json`): the tools' versions, whether all passed, and per
    /// design its cycles, coverage, whether the check was exhaustive, the first mismatch (cycle and
    /// text) and the waveform. Timings are included, so two runs differ only in those fields.
    public static func json(_ outcomes: [VerificationOutcome]) throws -> String {
        struct Design: Encodable {
            let design: String, passed: Bool, cycles: Int, coverage: String, exhaustive: Bool
            let mismatch: String?, mismatchCycle: Int?, waveform: String?, buildSeconds: Double, simulationSeconds: Double
        }
        struct Report: Encodable { let shiftwright: String, verilator: String, passed: Bool, designs: [Design] }
        let designs = outcomes.map {
            Design(design: $0.design, passed: $0.passed, cycles: $0.cycles, coverage: $0.coverage,
                   exhaustive: $0.coverage.hasPrefix("exhaustive"), mismatch: $0.mismatch, mismatchCycle: $0.mismatchCycle,
                   waveform: $0.waveform, buildSeconds: $0.buildSeconds, simulationSeconds: $0.simulationSeconds)
        }
        return try ReportText.json(Report(shiftwright: ShiftwrightVersion.current, verilator: ExternalTool.verilator.version(),
                                          passed: outcomes.allSatisfy(\.passed), designs: designs)) + "\n"
    }

    /// Throws one line naming every design that did not match the golden model.
    public static func requirePassed(_ outcomes: [VerificationOutcome]) throws {
        let failed = outcomes.filter { !$0.passed }
        guard failed.isEmpty else {
            throw ToolError.checkFailed("\(failed.count) of \(outcomes.count) designs do not match the golden model: \(failed.map(\.design).joined(separator: ", "))")
        }
    }

    /// Prints the report through `output` and fails when any design mismatched.
    public static func finish(_ outcomes: [VerificationOutcome], json: Bool = false, output: (String) -> Void) throws {
        output(try json ? Self.json(outcomes) : text(outcomes))
        try requirePassed(outcomes)
    }
}
