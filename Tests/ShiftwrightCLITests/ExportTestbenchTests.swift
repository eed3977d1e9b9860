import Foundation
import Testing
import ShiftwrightTooling

/// `shiftwright export testbench` as a user's CI runs it: the exported files alone, in Icarus
/// Verilog, in Verilator and through FuseSoC, without Shiftwright. Each testbench must pass on
/// the generated design and fail, with a FAIL line and a non-zero status, once the design's
/// Verilog is mutated (the checker is shown to catch a planted bug).
@Suite(.serialized) struct ExportTestbenchTests {
    /// Exports into a fresh directory; returns it and the top module's name.
    static func export(_ arguments: [String]) throws -> (dir: String, top: String) {
        let dir = try CLI.scratchDirectory()
        let result = try CLI.run(["export", "testbench"] + arguments + ["--out", dir])
        try #require(result.status == 0, "export failed: \(result.stderr)")
        let core = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasSuffix(".core") })
        return (dir, String(core.dropLast(5)))
    }

    static func tool(_ name: String) throws -> String {
        try #require(ProcessRunner.which(name), "\(name) is not installed (scripts/setup.sh installs it)")
    }

    /// Compiles and runs the testbench in Icarus exactly as its header says.
    static func icarus(_ dir: String, top: String) throws -> ProcessResult {
        let compile = try ProcessRunner.run(try tool("iverilog"), ["-g2012", "-o", "tb_\(top)", "tb_\(top).v", "\(top).v"], workingDirectory: dir)
        try #require(compile.succeeded, "iverilog: \(compile.tail())")
        return try ProcessRunner.run(try tool("vvp"), ["-n", "tb_\(top)"], workingDirectory: dir)
    }

    /// Replaces the first occurrence of `operator` on an assignment in the design (a planted bug).
    static func mutate(_ dir: String, top: String, _ from: String, _ to: String) throws {
        let path = "\(dir)/\(top).v"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: from), "no '\(from)' in \(top).v to mutate")
        try text.replacingCharacters(in: range, with: to).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func expectPass(_ run: ProcessResult, _ top: String) {
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("PASS tb_\(top):"), "\(run.stdout)")
        #expect(!run.stdout.contains("FAIL"))
    }

    static func expectFail(_ run: ProcessResult, _ top: String) {
        #expect(run.status != 0, "a mutant passed: \(run.stdout)")
        #expect(run.stdout.contains("FAIL tb_\(top):"), "\(run.stdout)")
        #expect(!run.stdout.contains("PASS"))
    }

    @Test func peTestbenchPassesInIcarusAndFailsOnAMutant() throws {
        let (dir, top) = try Self.export(["pe", "--act", "int4", "--weight", "ausn-b2s1"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(top == "pe_int4_ausn_b2s1_acc18")
        Self.expectPass(try Self.icarus(dir, top: top), top)
        // The sign of the shifted product is applied by an XOR; an AND breaks negative products.
        try Self.mutate(dir, top: top, " ^ ", " & ")
        Self.expectFail(try Self.icarus(dir, top: top), top)
        // With +wave the dump holds the golden value under comparison and the mismatch flag,
        // which rises at the failing cycle.
        let waved = try ProcessRunner.run(try Self.tool("vvp"), ["-n", "tb_\(top)", "+wave"], workingDirectory: dir)
        Self.expectFail(waved, top)
        let vcd = try String(contentsOfFile: "\(dir)/tb_\(top).vcd", encoding: .utf8)
        #expect(vcd.contains(" tb_expected_acc [17:0] $end"))
        let flag = try #require(vcd.split(separator: "\n").first { $0.hasSuffix(" tb_mismatch $end") }?.split(separator: " ")[3])
        #expect(vcd.split(separator: "\n").contains { $0 == "1\(flag)" }, "tb_mismatch rises in the dump")
    }

    @Test func pipelinedPETestbenchChecksTheLatency() throws {
        let (dir, top) = try Self.export(["pe", "--act", "int4", "--weight", "ausn-b2s1", "--pipeline", "--vectors", "64"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Self.expectPass(try Self.icarus(dir, top: top), top)
    }

    @Test func requantizerTestbenchPassesInIcarusAndFailsOnAMutant() throws {
        let (dir, top) = try Self.export(["requant", "--acc-width", "10", "--to", "afp-e3m2", "--shift-bits", "3"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let stimulus = try String(contentsOfFile: "\(dir)/\(top)_stimulus.hex", encoding: .utf8)
        #expect(stimulus.split(separator: "\n").count == 1 + (1 << 13), "every (acc, shift) pair after the reset row")
        Self.expectPass(try Self.icarus(dir, top: top), top)
        try Self.mutate(dir, top: top, " ^ ", " | ")
        Self.expectFail(try Self.icarus(dir, top: top), top)
    }

    @Test func arrayTestbenchPassesInIcarusAndFailsOnAMutant() throws {
        let (dir, top) = try Self.export(["array", "--rows", "2", "--cols", "2", "--act", "int4", "--weight", "ausn-b2s1",
                                          "--target", "int4", "--max-rows", "8", "--max-tiles", "2", "--m", "5", "--gemms", "2"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let expected = try String(contentsOfFile: "\(dir)/\(top)_expected.hex", encoding: .utf8)
        #expect(expected.split(separator: "\n").count == 10, "one beat per result row of two 5-row GEMMs")
        Self.expectPass(try Self.icarus(dir, top: top), top)
        try Self.mutate(dir, top: top, " ^ ", " & ")
        Self.expectFail(try Self.icarus(dir, top: top), top)
    }

    @Test func peTestbenchRunsInVerilatorAlone() throws {
        let (dir, top) = try Self.export(["pe", "--act", "int4", "--weight", "ausn-b2s1", "--vectors", "64", "--accumulation-cycles", "256"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let build = try ProcessRunner.run(try Self.tool("verilator"),
                                          ["--binary", "--top-module", "tb_\(top)", "-Mdir", "obj_tb_\(top)", "tb_\(top).v", "\(top).v"],
                                          workingDirectory: dir)
        try #require(build.succeeded, "verilator --binary: \(build.tail())")
        let run = try ProcessRunner.run("\(dir)/obj_tb_\(top)/Vtb_\(top)", [], workingDirectory: dir)
        Self.expectPass(run, top)
    }

    /// FuseSoC itself runs the `.core` written beside the testbench: lint and simulation for an
    /// iCE40 and an ECP5 core, whose synth targets name their family (never `xilinx`).
    @Test(arguments: ["ice40", "ecp5"])
    func fuseSoCRunsLintAndSimulation(family: String) throws {
        let fusesoc = try Self.tool("fusesoc")
        let (dir, top) = try Self.export(["requant", "--acc-width", "8", "--to", "int4", "--shift-bits", "2", "--synth-target", family])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let core = try String(contentsOfFile: "\(dir)/\(top).core", encoding: .utf8)
        #expect(core.contains("      arch: \(family)\n"))
        #expect(!core.contains("xilinx"))
        let name = "shiftwright:generated:\(top)"
        for target in ["lint", "sim"] {
            let run = try ProcessRunner.run(fusesoc, ["--cores-root", ".", "run", "--target", target, name], workingDirectory: dir)
            #expect(run.status == 0, "fusesoc \(target): \(run.tail(lines: 6))")
            if target == "sim" { #expect(run.stdout.contains("PASS tb_\(top):"), "\(run.stdout)") }
        }
        // The default target runs too (it lints).
        let plain = try ProcessRunner.run(fusesoc, ["--cores-root", ".", "run", name], workingDirectory: dir)
        #expect(plain.status == 0, "fusesoc default: \(plain.tail(lines: 6))")
        // And the simulation target fails on a mutant.
        try Self.mutate(dir, top: top, " ^ ", " | ")
        let mutant = try ProcessRunner.run(fusesoc, ["--cores-root", ".", "run", "--target", "sim", name], workingDirectory: dir)
        #expect(mutant.status != 0)
        #expect(mutant.stdout.contains("FAIL tb_\(top):"), "\(mutant.stdout)")
    }

    @Test func fuseSoCSynthesizesForICE40() throws {
        let fusesoc = try Self.tool("fusesoc")
        let (dir, top) = try Self.export(["requant", "--acc-width", "8", "--to", "int4", "--shift-bits", "2", "--synth-target", "ice40"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try ProcessRunner.run(fusesoc, ["--cores-root", ".", "run", "--target", "synth", "shiftwright:generated:\(top)"],
                                        workingDirectory: dir)
        #expect(run.status == 0, "fusesoc synth: \(run.tail(lines: 6))")
        let log = try String(contentsOfFile: "\(dir)/build/shiftwright_generated_\(top)_1.0.0/synth/yosys.log", encoding: .utf8)
        #expect(log.contains("synth_ice40"))
        #expect(log.contains("SB_LUT4"))
    }

    @Test func badSynthTargetIsOneErrorLineAndNothingWritten() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = "\(dir)/out"
        let run = try CLI.run(["export", "testbench", "pe", "--act", "int4", "--weight", "ausn-b2s1", "--synth-target", "Bad Name", "--out", out])
        #expect(run.status != 0)
        #expect(run.stderr.hasPrefix("shiftwright: error: bad target 'Bad Name'"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
