import Foundation
import ShiftwrightCosim
import ShiftwrightTooling

/// Prints verification outcomes as a table (with the Verilator version) and fails the command
/// when any design mismatched.
enum VerificationReport {
    static func print(_ outcomes: [VerificationOutcome]) throws {
        Swift.print("Verilator: \(try ExternalTool.verilator.version())")
        for o in outcomes {
            let status = o.passed ? "PASS" : "FAIL"
            Swift.print("\(status)  \(o.design): \(o.cycles) cycles — \(o.coverage)")
            if let mismatch = o.mismatch { Swift.print("      first mismatch: \(mismatch)") }
            if let wave = o.waveform { Swift.print("      waveform: \(wave)") }
        }
        let cycles = outcomes.reduce(0) { $0 + $1.cycles }
        let sim = outcomes.first?.simulationSeconds ?? 0
        Swift.print(String(format: "%d designs, %d cycles; Verilator build %.1f s, simulation %.2f s",
                           outcomes.count, cycles, outcomes.map(\.buildSeconds).max() ?? 0, sim))
        let failed = outcomes.filter { !$0.passed }
        if !failed.isEmpty {
            throw ToolError("\(failed.count) of \(outcomes.count) designs do not match the golden model: \(failed.map(\.design).joined(separator: ", "))")
        }
    }
}
