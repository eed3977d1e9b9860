import ArgumentParser
import Foundation
import ShiftwrightCosim
import ShiftwrightGenerators
import ShiftwrightSynth
import ShiftwrightTooling

/// `shiftwright demo`: the main job on the built-in defaults. Generates every default design into
/// `rtl-out/`, lints each with Verilator -Wall, verifies each against the golden model, and sizes
/// the AFP/AUSN PEs with Yosys beside their integer-multiplier baselines.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate, lint and verify the default designs (the built-in default job)."
    )
    @Option(help: "Output directory.") var out = "rtl-out"
    @Option(help: "Synthesis target for the area step (generic, xc7, xcu, ice40, ecp5).") var target = "xc7"

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

        print("\n== 3b. The default 8x8 PE array on whole GEMMs (random valid/ready stalls), against the golden GEMM")
        let realWeights = "Tests/ShiftwrightFormatsTests/Fixtures/silero_vad_encoder2_w64x8.npy"
        var arrayArguments = ["--rows", "8", "--cols", "8", "--act", "int8", "--weight", "ausn-b3s2", "--m", "37"]
        if FileManager.default.fileExists(atPath: realWeights) {
            print("   weights: a real 64x8 matrix from the silero-vad model (source and licence: Tests/ShiftwrightFormatsTests/Fixtures/silero_vad_encoder2.md)")
            arrayArguments += ["--weights", realWeights]
        }
        let verifyArray = try VerifyArray.parse(arrayArguments)
        try verifyArray.run()

        print("\n== 4. Area (Yosys) of each AFP/AUSN PE beside the integer multiplier PE with the same accumulator")
        let synthTarget = try SynthTarget(target, useDSP: false)
        let yosys = Yosys(executable: "yosys")
        let comparisons = try DefaultDesigns.peConfigs().filter { !$0.weight.isInteger }.map {
            try yosys.comparePE($0, target: synthTarget)
        }
        print(AreaTable.text(comparisons, yosysVersion: try yosys.version()), terminator: "")
        print("\nDone: every default design is lint-clean and bit-exact against the golden model; areas above.")
    }
}

