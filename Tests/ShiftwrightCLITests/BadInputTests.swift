import Foundation
import Testing
import ShiftwrightTooling

/// Bad input ends with exactly one clear error line, a non-zero exit status, no trap or stack
/// trace, and nothing written.
@Suite struct BadInputTests {
    func expectOneLineError(_ args: [String], mentioning needle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run(args, in: dir)
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
