import ArgumentParser
import Foundation
import ShiftwrightCosim
import ShiftwrightGenerators
import ShiftwrightTooling

/// `shiftwright demo`: the main job on the built-in defaults. Generates every default design into
/// `rtl-out/`, lints each with Verilator -Wall, and verifies each against the golden model.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate, lint and verify the default designs (the built-in default job)."
    )
    @Option(help: "Output directory.") var out = "rtl-out"

    func run() throws {
        print("== Shiftwright demo: default designs → \(out)/")
        print("Tools: \(try ExternalTool.verilator.version()); \(try ExternalTool.yosys.version())")
        let designs = try DesignArtifacts.defaults()
        try DesignArtifacts.write(designs, into: out)
        print("\n== 1. Generated \(designs.count) designs")
        for d in designs {
            let p = d.sidecar.parameters
            print("   \(d.verilog.fileName)  (\(d.sidecar.formats.sorted { $0.key < $1.key }.map(\.value).joined(separator: " x ")), acc \(p["acc_width"] ?? "?") bits, latency \(d.sidecar.latency))")
        }
        print("\n== 2. Verilator --lint-only -Wall")
        var dirty = 0
        for d in designs {
            let findings = try VerilatorLint.findings(verilog: d.verilog.text, fileName: d.verilog.fileName, top: d.verilog.top)
            print("   \(findings.isEmpty ? "clean" : "DIRTY")  \(d.verilog.fileName)")
            findings.forEach { print("      \($0)") }
            if !findings.isEmpty { dirty += 1 }
        }
        print("\n== 3. Co-simulation against the golden model (one batched Verilator build)")
        try VerificationReport.print(try DefaultVerification.run(seed: 1))
        if dirty > 0 { throw ToolError("\(dirty) generated designs have lint findings") }
        print("\nDone: every default design is lint-clean and bit-exact against the golden model.")
    }
}
