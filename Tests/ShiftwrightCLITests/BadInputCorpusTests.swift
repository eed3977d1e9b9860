import Foundation
import Testing
import ShiftwrightTooling

/// The bad-input corpus: every subcommand × every option × values a hostile or careless user
/// types (out of range, overflowing, negative, not a number, hostile names), plus hand-written
/// malformed tensor files and output paths. Each case must end with status 2 (bad input), exactly
/// one `shiftwright: error:` line naming no Foundation internals, no trap, and an output folder
/// exactly as it was before. Every case fails in validation, so no tool is ever started.
@Suite struct BadInputCorpusTests {
    /// One corpus case: the arguments, run in a fresh folder holding `BadInputFiles`.
    struct Case: Sendable, CustomStringConvertible {
        let arguments: [String]
        var description: String { arguments.joined(separator: " ") }
    }

    static let badIntegers = ["abc", "1e12", "99999999999999999999", "٣"]
    static let hugeOrNegative = ["-1", "-9223372036854775808", "9223372036854775807"]
    static let badFormats = ["", "afp-e3", "afp-e9m2", "ausn-b0s2", "int99", "AFP-E3M2", "afp-e3m2;"]
    static let badSeeds = ["-1", "18446744073709551616", "abc", "", "1.0"]
    static let badTies = ["", "odd", "EVEN", "even;"]
    static let badScales = ["-9223372036854775808", "9223372036854775807", "100001", "1.5", "", "search;"]

    /// Each option with values that must be refused, appended to a command that is valid without it.
    static func optionCases(_ base: [String], _ options: [(String, [String])]) -> [Case] {
        options.flatMap { option, values in values.map { Case(arguments: base + [option, $0]) } }
    }

    static let cases: [Case] = {
        let pe = ["--act", "int8", "--weight", "int4"]
        let integers = badIntegers + hugeOrNegative
        var all: [Case] = []
        // generate
        all += optionCases(["generate", "pe"] + pe + ["--out", "out"], [("--acc-depth", integers + ["0"]), ("--act", badFormats)])
        all += optionCases(["generate", "pe", "--act", "int8", "--out", "out"], [("--weight", badFormats + ["uint4", "uafp-e3m2"])])
        all += optionCases(["generate", "requant", "--to", "int8", "--out", "out"], [("--acc-width", integers + ["0", "1", "65"])])
        all += optionCases(["generate", "requant", "--acc-width", "16", "--to", "int8", "--out", "out"],
                           [("--shift-bits", integers + ["0"]), ("--ties", badTies)])
        all += optionCases(["generate", "array", "--out", "out"], [
            ("--rows", integers + ["0"]), ("--cols", integers + ["0"]), ("--max-rows", hugeOrNegative + ["0", "65537"]),
            ("--max-tiles", hugeOrNegative + ["0", "4097"]), ("--shift-bits", hugeOrNegative + ["0"]),
            ("--target", badFormats), ("--ties", badTies),
        ])
        // verify
        // verify requant shares these options (and their checks) with verify pe.
        for verify in [["verify", "pe"] + pe] {
            all += optionCases(verify, [
                ("--vectors", integers + ["0", "10000000001"]), ("--seed", badSeeds),
                ("--wave", ["trace.txt", "/nonexistent/dir/w.fst", "", "inputs", "inputs/readonly/w.vcd"]),
                ("--rtl", ["/nonexistent/x.v", "inputs", "inputs/missing.v"]),
            ])
        }
        all += optionCases(["verify", "pe", "--act", "int8"], [("--weight", badFormats)])
        all += optionCases(["verify", "requant", "--to", "int8"], [("--acc-width", ["0", "1", "-1", "abc"])])
        all += optionCases(["verify", "requant", "--acc-width", "16", "--to", "int8"], [("--vectors", ["0", "-1"]), ("--wave", ["trace.txt"])])
        all += optionCases(["generate", "defaults"], [("--out", ["inputs/good.npy", "inputs/readonly", "inputs/good.npy/x"])])
        all += optionCases(["verify", "defaults"], [("--seed", badSeeds), ("--vectors", ["0", "-1", "abc"])])
        all += optionCases(["verify", "array"], [
            ("--m", integers + ["0", "65537", "100000000"]), ("--k", integers + ["0", "1048577"]),
            ("--gemms", integers + ["0", "10001", "1000000000"]), ("--seed", badSeeds),
            ("--stall", ["1", "-0.1", "nan", "inf", "-inf", "2", "abc", ""]), ("--weight-scale", badScales), ("--act-scale", badScales),
            ("--wave", ["trace.txt", "/nonexistent/dir/w.fst", "inputs"]), ("--rows", hugeOrNegative + ["0"]),
            ("--weights", BadInputFiles.tensorNames.map { "inputs/\($0)" } + ["/nonexistent/w.npy", "inputs", "inputs/w.txt"]),
            ("--acts", ["/nonexistent/x.npy", "inputs/w.txt", "inputs/bad_magic.npy"]),
        ])
        all += [Case(arguments: ["verify", "array", "--tensor", "w"]), Case(arguments: ["verify", "array", "--k", "1000"]),
                Case(arguments: ["verify", "array", "--m", "65536", "--k", "1048576", "--max-tiles", "4096", "--max-rows", "65536"])]
        // prove
        let proveBase = ["prove", "pe"] + pe + ["--rtl", "inputs/pe.v"]
        all += optionCases(proveBase, [
            ("--seq-depth", ["0", "9", "-1", "abc"]), ("--search-depth", ["0", "65", "-1", "abc"]),
            ("--top", ["x; tee -o pwned.txt stat", "a b", "", "1abc", "top\nmodule", "$(id)", "a'b", "a\"b"]),
            ("--cells", ["", "xc9", "ice40;", "ECP5"]),
        ])
        all += optionCases(["prove", "pe"] + pe, [("--rtl", ["/nonexistent/x.v", "inputs", "inputs/my file; rm -rf.v"])])
        all += optionCases(["prove", "requant", "--to", "int8", "--rtl", "inputs/pe.v"], [("--acc-width", hugeOrNegative + ["0", "1"])])
        // synth
        all += optionCases(["synth", "pe"], [
            ("--acc-depth", integers + ["0"]), ("--weight", badFormats + ["uint4"]),
            ("--jobs", integers + ["0", "257"]), ("--seed", ["-1", "2147483648", "abc"]),
            ("--target", ["", "x; tee -o pwned.txt stat", "A B", "xc7\n", "../x", "$(id)"]),
        ])
        all += ["foo", "", "PE", "pe;"].map { Case(arguments: ["synth", $0]) }
        all += [Case(arguments: ["synth", "verilog"]), Case(arguments: ["synth", "verilog", "--file", "inputs/pe.v"]),
                Case(arguments: ["synth", "requant"]), Case(arguments: ["synth", "pe", "--netlist", "json"])]
        all += optionCases(["synth", "verilog", "--file", "inputs/pe.v"], [("--top", ["x; tee -o pwned.txt stat", "a b", "", "1x", "top\nx"])])
        all += optionCases(["synth", "pe", "--out", "o"], [("--netlist", ["pdf", "json;edif"])])
        all += optionCases(["synth", "array"], [("--rows", hugeOrNegative + ["0"]), ("--cols", hugeOrNegative + ["0"])])
        // sweep
        all += optionCases(["sweep"], [
            ("--bits", ["", "abc", "1..20", "8..4", "0", "-3", "4..", "..8", "4...8", "99999999999999999999"]),
            ("--family", ["", "foo", "afp;ausn", ","]), ("--acc-depth", hugeOrNegative + ["0"]), ("--jobs", ["0", "-1", "257"]),
            ("--target", ["", "x; tee -o pwned.txt stat", "A B"]),
        ])
        // report
        all += [Case(arguments: ["report", "foo"]), Case(arguments: ["report", ""]), Case(arguments: ["report"])]
        all += optionCases(["report", "timing"], [("--seed", ["-1", "2147483648", "abc"]), ("--jobs", ["0", "-1", "257"])])
        all += [Case(arguments: ["report", "atlas", "--out", "out"]), Case(arguments: ["report", "atlas", "--sweep", "missing.csv", "--out", "out"]),
                Case(arguments: ["report", "atlas", "--sweep", "bad_magic.npy", "--out", "out"]),
                Case(arguments: ["report", "atlas", "--sweep", "empty.npy", "--out", "out"])]
        all += optionCases(["report", "atlas", "--sweep", "missing.csv", "--out", "out"], [("--lambda", ["-1", "abc", "nan", "5", ""])])
        // lint
        all += [Case(arguments: ["lint", "/nonexistent/x.v"]), Case(arguments: ["lint", "inputs"]), Case(arguments: ["lint"])]
        // quantize
        let quantize = ["quantize", "--format", "afp-e3m2"]
        all += optionCases(quantize + ["--values", "1"], [("--scale", badScales), ("--ties", badTies)])
        all += optionCases(["quantize", "--values", "1"], [("--format", badFormats)])
        all += optionCases(quantize, [
            ("--values", ["", "a", "nan", "inf", "-inf", "1e400", "1;2", "0x", "--"]),
            ("--input", BadInputFiles.tensorNames.filter { $0.hasSuffix(".npy") }.map { "inputs/\($0)" }
                + ["/nonexistent/x.npy", "inputs", "inputs/w.txt", "/dev/zero"]),
        ])
        all += optionCases(quantize + ["--input", "inputs/good.npy"], [
            ("--output", ["inputs", "inputs/readonly/q.npy", "inputs/good.npy/x.npy", ""]),
            ("--codes-output", ["inputs", "inputs/readonly/c.npy", "q.npy"]),
        ]).map { c in c.arguments.contains("--codes-output") ? Case(arguments: c.arguments + ["--output", "q.npy"]) : c }
        // analyze
        let analyze = ["analyze", "--input", "inputs/good.npy"]
        all += optionCases(analyze, [("--bits", integers + ["0", "1", "17"])])
        all += optionCases(analyze + ["--bits", "4"], [
            ("--lambda", ["-1", "nan", "inf", "1001", "abc", ""]), ("--family", ["", "foo", "AFP"]),
            ("--scale", badScales), ("--ties", badTies),
        ])
        all += optionCases(["analyze", "--bits", "4"], [("--input", BadInputFiles.tensorNames.filter { $0.hasSuffix(".npy") }.map { "inputs/\($0)" }
            + ["/nonexistent/x.npy", "inputs", "inputs/w.txt", "/dev/zero"])])
        // bench
        all += optionCases(["bench", "elaborate"], [("--cells", integers + ["0", "99", "10000001"]), ("--repeats", ["0", "-1", "1001", "abc"])])
        all += optionCases(["bench", "cosim"], [("--vectors", integers + ["0", "10000000001"])])
        all += optionCases(["bench", "quantize"], [("--count", integers + ["0", "500000001"]), ("--repeat", ["0", "-1", "1001", "abc"]), ("--seed", badSeeds)])
        all += optionCases(["bench", "array"], [
            ("--elaborate", ["0", "-1", "257", "abc"]), ("--simulate", ["0", "-1", "65", "abc", "8,", "8,65", ""]), ("--gemms", ["0", "-1", "10001", "abc"]),
            ("--also", ["x", "0", "1000", "-1"]),
        ])
        // infer (without --data it reads the bundled digits data; every case is refused before the first build)
        let infer = ["infer", "--formats", "int8", "--images", "16"]
        all += optionCases(["infer", "--formats", "int8"], [("--images", integers + ["0", "501", "1000001"])])
        all += optionCases(infer, [
            ("--rows", integers + ["0", "257"]), ("--cols", integers + ["0", "257", "100"]),
            ("--data", ["", "/nonexistent/digits", "inputs", "inputs/good.npy", "/dev/zero"]),
            ("--out", ["inputs", "inputs/readonly/r.txt", "/nonexistent/dir/r.txt", "", "inputs/good.npy/r.txt"]),
        ])
        all += optionCases(["infer", "--images", "16"], [
            ("--formats", badFormats + ["int8,", ",", "int8/int8/int16", "uint4/uint8/int16", "int8/uint8", "int8/uint8/int16/x"]),
        ])
        // demo, unknown commands and options, missing values
        all += optionCases(["demo"], [("--out", ["inputs/good.npy", "inputs/readonly"])])
        for command in [["generate", "pe"], ["verify", "pe"], ["verify", "array"], ["prove", "pe"], ["synth", "pe"], ["sweep"], ["report", "paper"],
                        ["quantize"], ["analyze"], ["bench", "elaborate"], ["bench", "cosim"], ["bench", "quantize"], ["bench", "array"], ["demo"], ["lint", "x.v"],
                        ["infer"]] {
            all.append(Case(arguments: command + ["--frobnicate"]))
            all.append(Case(arguments: command + ["--seed"]))
        }
        all += [["transmogrify"], ["generate", "pe"], ["quantize", "--values", "1"], ["analyze", "--bits", "4"]]
            .map { Case(arguments: $0) }
        return all
    }()

    @Test func theCorpusIsLarge() {
        print("bad-input corpus: \(Self.cases.count) cases")
        #expect(Self.cases.count >= 500)
    }

    @Test func everyBadInputEndsInOneLineAndStatusTwo() throws {
        let inputs = try BadInputFiles.make()
        defer { BadInputFiles.remove(inputs) }
        let inputsBefore = try BadInputFiles.listing(inputs)
        let started = Date()
        let failures = try CLI.runConcurrently(Self.cases, width: 2) { testCase in try Self.check(testCase, inputs: inputs) }
        print("bad-input corpus: \(Self.cases.count) cases in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, \(failures.count) failed")
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
        #expect(try BadInputFiles.listing(inputs) == inputsBefore, "a case wrote into the shared inputs folder")
    }

    /// A planted bug: a command that succeeds (writes its files, exits 0) must fail the checker,
    /// as must one whose error spans several lines (the checker is not vacuous).
    @Test func theCheckerCatchesASucceedingCommand() throws {
        let inputs = try BadInputFiles.make()
        defer { BadInputFiles.remove(inputs) }
        let good = try Self.check(Case(arguments: ["generate", "pe", "--act", "int8", "--weight", "int4", "--out", "out"]), inputs: inputs)
        #expect(good != nil)
        #expect(good?.contains("status 0") == true)
        #expect(Self.judge(status: 2, signalled: false, stderr: "shiftwright: error: a\nsecond line\n", changed: []) != nil)
        #expect(Self.judge(status: 2, signalled: false, stderr: "shiftwright: error: Error Domain=NSCocoaErrorDomain Code=4\n", changed: []) != nil)
        #expect(Self.judge(status: 4, signalled: true, stderr: "shiftwright: error: x\n", changed: []) != nil)
        #expect(Self.judge(status: 2, signalled: false, stderr: "shiftwright: error: x\n", changed: ["out/pe.v"]) != nil)
        #expect(Self.judge(status: 2, signalled: false, stderr: "shiftwright: error: x\n", changed: []) == nil)
    }

    /// Runs one case in a fresh folder holding the inputs; nil when it behaved, else what went wrong.
    static func check(_ testCase: Case, inputs: String) throws -> String? {
        let dir = try CLI.scratchDirectory()
        defer { BadInputFiles.remove(dir) }
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/inputs", withDestinationPath: inputs)
        let before = try BadInputFiles.listing(dir)
        let started = Date()
        let result = try CLI.run(testCase.arguments, in: dir)
        let seconds = Date().timeIntervalSince(started)
        let after = try BadInputFiles.listing(dir)
        let changed = Array(Set(before).symmetricDifference(after)).sorted()
        // Refusal happens before any work: a case that takes long has started a tool.
        if seconds > 10 { return "\(testCase): took \(Int(seconds)) s, so it did work before refusing" }
        return judge(status: result.status, signalled: result.signalled, stderr: result.stderr, changed: changed)
            .map { "\(testCase): \($0)" }
    }

    /// The corpus's verdict on one run: nil when it behaved.
    static func judge(status: Int32, signalled: Bool, stderr: String, changed: [String]) -> String? {
        if signalled { return "trapped (signal \(status)): \(stderr.prefix(300))" }
        guard status == 2 else { return "status \(status), expected 2: \(stderr.prefix(300))" }
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        guard lines.count == 1, stderr.hasSuffix("\n") else { return "expected one error line, got \(lines.count): \(stderr.prefix(300))" }
        guard stderr.hasPrefix("shiftwright: error: ") else { return "error line lacks the prefix: \(stderr)" }
        for raw in ["Error Domain=", "Fatal error", "Stack dump", "NSCocoaErrorDomain", "Swift/"] where stderr.contains(raw) {
            return "raw error text '\(raw)': \(stderr)"
        }
        guard changed.isEmpty else { return "left files behind: \(changed)" }
        return nil
    }
}
