import Foundation
import Testing
import ShiftwrightTooling

/// `--version` exits 0 and prints the version, and the files `generate` and `export testbench`
/// write all name that same version, so an output can be traced to the release that made it.
@Suite struct VersionStampTests {
    @Test func everyGeneratedFileNamesTheVersionThatWroteIt() throws {
        let version = try CLI.run(["--version"])
        #expect(version.succeeded)
        let v = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(v.split(separator: ".").count == 3 && v.allSatisfy { $0.isNumber || $0 == "." }, "semantic version, got '\(v)'")

        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["generate", "pe", "--act", "int8", "--weight", "pot-b3", "--out", "\(dir)/rtl"]).succeeded)
        #expect(try CLI.run(["export", "testbench", "pe", "--act", "int8", "--weight", "pot-b3", "--out", "\(dir)/tb"]).succeeded)
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/rtl").map { "rtl/\($0)" }
            + FileManager.default.contentsOfDirectory(atPath: "\(dir)/tb").map { "tb/\($0)" }
        let stamped = files.filter { $0.hasSuffix(".v") || $0.hasSuffix(".json") || $0.hasSuffix(".core") }
        #expect(stamped.count >= 5, "Verilog, sidecar, testbench and core were written: \(files)")
        for file in stamped {
            let text = try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8)
            if file.hasSuffix(".json") {
                let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                #expect(object?["shiftwright"] as? String == v, "\(file) names version \(v)")
            } else {
                let head = text.split(separator: "\n").prefix(3).joined(separator: "\n")
                #expect(head.contains("Shiftwright \(v)"), "\(file) names version \(v) in its header: \(head)")
            }
        }
    }
}
