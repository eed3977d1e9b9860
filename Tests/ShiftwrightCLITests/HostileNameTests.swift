import Foundation
import Testing
import ShiftwrightTooling

/// No user text becomes tool-script syntax: an RTL file whose path holds spaces, quotes, a
/// semicolon, a Yosys command and a newline is verified correctly (it reaches Yosys through a
/// staged copy with a safe name), and a hostile `--top` is refused before Yosys runs; in neither
/// case does Yosys write the file the injected command asks for.
@Suite struct HostileNameTests {
    @Test func aHostilePathIsUsedCorrectlyAndAHostileTopIsRefused() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let folder = "\(dir)/my rtl; tee -o pwned.txt stat 'q\"\nx"
        let generated = try CLI.run(["generate", "pe", "--act", "int8", "--weight", "int4", "--out", folder], in: dir)
        #expect(generated.status == 0, "\(generated.stderr)")
        let rtl = "\(folder)/pe_int8_int4_acc22.v"
        let good = try CLI.run(["verify", "pe", "--act", "int8", "--weight", "int4", "--rtl", rtl], in: dir)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("PASS"), "\(good.stdout)")
        let hostileTop = try CLI.run(["verify", "pe", "--act", "int8", "--weight", "int4", "--rtl", rtl, "--top", "x; tee -o pwned.txt stat"], in: dir)
        #expect(hostileTop.status == 2)
        #expect(hostileTop.stderr.hasPrefix("shiftwright: error: bad top module name"), "\(hostileTop.stderr)")
        let everything = try FileManager.default.subpathsOfDirectory(atPath: dir)
        #expect(!everything.contains { $0.hasSuffix("pwned.txt") }, "\(everything)")
    }
}

/// A planted bug: the same injected command, pasted into a Yosys script as a careless driver
/// would, does write the file, so the check above would see an injection.
@Suite struct InjectionCheckTests {
    @Test func anInjectedCommandWritesTheFileTheCheckLooksFor() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.write("module x(input a, output y); assign y = a; endmodule\n", to: "\(dir)/x.v")
        let top = "x; tee -o pwned.txt stat"
        let result = try ProcessRunner.run("yosys", ["-q", "-p", "read_verilog x.v; hierarchy -top \(top)"], workingDirectory: dir)
        #expect(result.succeeded, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/pwned.txt"))
    }
}
