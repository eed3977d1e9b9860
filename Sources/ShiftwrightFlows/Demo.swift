import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightVerilator
import ShiftwrightYosys

/// The main job on the built-in defaults (`shiftwright demo`): generates every default design,
/// lints each with Verilator -Wall, verifies each against the golden model in one batched build,
/// runs whole GEMMs through the default array on real weights, and sizes the AFP/AUSN PEs with
/// Yosys beside their integer baselines. Everything it needs is inside the binary.
public enum Demo {
    public static func run(out: String, target: String, log: (String) -> Void) throws {
        log("== Shiftwright demo: default designs → \(out)/")
        log("Tools: \(try ExternalTool.verilator.version()); \(try Yosys().version())")
        let designs = try DesignArtifacts.defaults()
        try DesignArtifacts.write(designs, into: out)
        log("\n== 1. Generated \(designs.count) designs")
        for d in designs {
            let p = d.sidecar.parameters
            log("   \(d.verilog.fileName)  (\(d.sidecar.formats.sorted { $0.key < $1.key }.map(\.value).joined(separator: " x ")), acc \(p["acc_width"] ?? "?") bits, latency \(d.sidecar.latency))")
        }
        log("\n== 2. Verilator --lint-only -Wall")
        var dirty = 0
        for d in designs {
            let findings = try VerilatorLint.findings(verilog: d.verilog.text, fileName: d.verilog.fileName, top: d.verilog.top)
            log("   \(findings.isEmpty ? "clean" : "DIRTY")  \(d.verilog.fileName)")
            findings.forEach { log("      \($0)") }
            if !findings.isEmpty { dirty += 1 }
        }
        log("\n== 3. Co-simulation against the golden model (one batched Verilator build)")
        let outcomes = try VerificationFlows.defaults(seed: 1)
        log(try VerificationReport.text(outcomes).trimmingTrailingNewline)
        try VerificationReport.requirePassed(outcomes)
        if dirty > 0 { throw ToolError.checkFailed("\(dirty) generated designs have lint findings") }

        log("\n== 3b. The default 8x8 PE array on whole GEMMs (random valid/ready stalls), against the golden GEMM")
        log("   weights: \(BundledData.sileroEncoder2Source)")
        var array = ArrayRun(config: try ArrayConfig(rows: 8, cols: 8, activation: NumberFormat(parsing: "int8"),
                                                     weight: NumberFormat(parsing: "ausn-b3s2")))
        array.m = 37
        array.weights = .tensor(try BundledData.sileroEncoder2(), name: "silero-vad encoder.2 (bundled)")
        let result = try array.run()
        if let operands = result.operands { log(operands) }
        log(result.summary)
        log(try VerificationReport.text([result.outcome]).trimmingTrailingNewline)
        try VerificationReport.requirePassed([result.outcome])

        log("\n== 4. Area (Yosys) of each AFP/AUSN PE beside the integer multiplier PE with the same accumulator")
        let synthTarget = try SynthTarget(target, useDSP: false)
        let yosys = Yosys()
        let comparisons = try DefaultDesigns.peConfigs().filter { !$0.weight.isInteger }.map {
            try yosys.comparePE($0, target: synthTarget)
        }
        log(AreaTable.text(comparisons, yosysVersion: try yosys.version()).trimmingTrailingNewline)
        log("\nDone: every default design is lint-clean and bit-exact against the golden model; areas above.")
    }
}

extension String {
    /// The text without one final newline (reports end in one; a log line adds its own).
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
