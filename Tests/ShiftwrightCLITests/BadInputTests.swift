import Foundation
import Testing
import ShiftwrightTooling

/// Bad input ends with exactly one clear error line, a non-zero exit status, no trap or stack
/// trace, and nothing written.
@Suite struct BadInputTests {
    func expectOneLineError(_ args: [String], mentioning needle: String, environment: [String: String]? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run(args, in: dir, environment: environment)
        #expect(result.status != 0, "exit status for \(args)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one error line, got: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("shiftwright: error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(needle), "error should mention '\(needle)': \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
        let written = try FileManager.default.subpathsOfDirectory(atPath: dir)
        #expect(written.isEmpty, "nothing may be written on bad input, found \(written)", sourceLocation: sourceLocation)
    }

    @Test func malformedFormatNames() throws {
        try expectOneLineError(["generate", "pe", "--act", "afp-e3", "--weight", "int4", "--out", "out"], mentioning: "afp-e3")
        try expectOneLineError(["generate", "pe", "--act", "int8", "--weight", "ausn-b0s2", "--out", "out"], mentioning: "ausn-b0s2")
        try expectOneLineError(["generate", "pe", "--act", "int8", "--weight", "afp-e9m2", "--out", "out"], mentioning: "afp-e9m2")
    }

    /// A value of SHIFTWRIGHT_MODEL_CXX that is not a known compiler is refused before any
    /// build (cached or not), not silently replaced by another compiler.
    @Test func unknownModelCompilerIsRefused() throws {
        try expectOneLineError(["verify", "pe", "--act", "int8", "--weight", "int4"],
                               mentioning: "SHIFTWRIGHT_MODEL_CXX must be g++ or clang++ (or unset), not 'gcc'",
                               environment: ["SHIFTWRIGHT_MODEL_CXX": "gcc"])
    }

    @Test func unsupportedPairsAndDepth() throws {
        try expectOneLineError(["generate", "pe", "--act", "int8", "--weight", "uint4", "--out", "out"], mentioning: "unsigned integer weights")
        try expectOneLineError(["generate", "pe", "--act", "int8", "--weight", "int4", "--acc-depth", "0", "--out", "out"], mentioning: "at least 1")
    }

    @Test func unknownOptionAndCommand() throws {
        try expectOneLineError(["generate", "pe", "--act", "int8", "--weight", "int4", "--frobnicate"], mentioning: "--frobnicate")
        try expectOneLineError(["transmogrify"], mentioning: "transmogrify")
    }

    @Test func verifyRejectsMissingOrMismatchedRTL() throws {
        try expectOneLineError(["verify", "pe", "--act", "int8", "--weight", "int4", "--rtl", "/nonexistent/x.v"], mentioning: "/nonexistent/x.v")
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wrong = "\(dir)/pe_int8_int4_acc22.v"
        try AtomicFile.write("module pe_int8_int4_acc22 (input wire [7:0] act, output wire [7:0] acc);\n  assign acc = act;\nendmodule\n", to: wrong)
        try expectOneLineError(["verify", "pe", "--act", "int8", "--weight", "int4", "--rtl", wrong], mentioning: "do not match")
    }

    @Test func arrayCommandsRejectBadInput() throws {
        try expectOneLineError(["generate", "array", "--rows", "0", "--out", "out"], mentioning: "rows")
        try expectOneLineError(["generate", "array", "--weight", "afp-e3", "--out", "out"], mentioning: "afp-e3")
        try expectOneLineError(["verify", "array", "--tensor", "w"], mentioning: "--weights")
        try expectOneLineError(["verify", "array", "--weights", "/nonexistent/w.npy"], mentioning: "/nonexistent/w.npy")
        try expectOneLineError(["verify", "array", "--k", "1000"], mentioning: "max-tiles")
        try expectOneLineError(["generate", "array", "--interface", "apb", "--out", "out"], mentioning: "--interface")
        try expectOneLineError(["export", "testbench", "array", "--interface", "axi", "--m", "0", "--out", "out"], mentioning: "--m")
    }

    @Test func synthRejectsUnknownTargetWithYosysMessage() throws {
        try expectOneLineError(["synth", "pe", "--act", "int8", "--weight", "ausn-b2s1", "--target", "foo"], mentioning: "foo")
    }

    @Test func badWaveformName() throws {
        try expectOneLineError(["verify", "pe", "--act", "int8", "--weight", "int4", "--wave", "trace.txt"], mentioning: ".fst or .vcd")
    }

    @Test func helpStillWorks() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("generate"))
    }
}

/// `verify --rtl` through the command line, as a user checks a netlist before handing it on.
@Suite struct VerifyNetlistCLITests {
    @Test func synthesizedNetlistPassesAndAFlippedGateFails() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["generate", "pe", "--act", "int8", "--weight", "afp-e2m1", "--out", dir]).status == 0)
        let top = "pe_int8_afp_e2m1_acc22"
        try ProcessRunner.check("yosys", ["-q", "-p", "read_verilog \(dir)/\(top).v; synth -flatten -top \(top); write_verilog -noattr \(dir)/net.v"],
                                what: "yosys")
        let good = try CLI.run(["verify", "pe", "--act", "int8", "--weight", "afp-e2m1", "--rtl", "\(dir)/net.v"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("PASS"))
        let netlist = try String(contentsOfFile: "\(dir)/net.v", encoding: .utf8)
        try AtomicFile.write(netlist.replacingOccurrences(of: " ^ ", with: " | ", options: [], range: netlist.range(of: " ^ ")), to: "\(dir)/bad.v")
        let bad = try CLI.run(["verify", "pe", "--act", "int8", "--weight", "afp-e2m1", "--rtl", "\(dir)/bad.v", "--wave", "\(dir)/fail.vcd"])
        #expect(bad.status != 0)
        #expect(bad.stdout.contains("first mismatch: cycle"))
        #expect(FileManager.default.fileExists(atPath: "\(dir)/fail.vcd"))
    }
}
