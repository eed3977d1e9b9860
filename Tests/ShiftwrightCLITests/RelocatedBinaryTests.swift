import Foundation
import Testing
import ShiftwrightTooling

/// The binary depends on nothing in the checkout: copied alone into a temporary directory and
/// run from `/`, it verifies a PE, runs the whole demo (its C++ driver and the demo's real
/// weights are compiled in) and runs the digits network through the array (its data is compiled in).
@Suite struct RelocatedBinaryTests {
    @Test func copiedBinaryRunsFromRoot() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let copy = "\(dir)/bin/shiftwright"
        try FileManager.default.createDirectory(atPath: "\(dir)/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.executable, toPath: copy)

        let verify = try ProcessRunner.run(copy, ["verify", "pe", "--act", "int8", "--weight", "ausn-b3s2"], workingDirectory: "/")
        #expect(verify.succeeded, "\(verify.stderr)")
        #expect(verify.stdout.contains("PASS  pe_int8_ausn_b3s2_acc27: "))
        #expect(verify.stdout.contains("exhaustive: all 16384 code pairs"))

        let out = "\(dir)/rtl-out"
        let demo = try ProcessRunner.run(copy, ["demo", "--out", out], workingDirectory: "/")
        #expect(demo.succeeded, "\(demo.stderr)")
        #expect(demo.stdout.contains("weights: a real 64x8 matrix of the silero-vad"))
        #expect(demo.stdout.contains("Done: every default design is lint-clean and bit-exact"))
        #expect(!demo.stdout.contains("FAIL"))
        // It wrote the defaults where it was told, byte-identical to the committed rtl-out/.
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rtl-out").path
        let names = try FileManager.default.contentsOfDirectory(atPath: committed).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == names)
        for name in names {
            #expect(FileManager.default.contents(atPath: "\(out)/\(name)") == FileManager.default.contents(atPath: "\(committed)/\(name)"), "\(name)")
        }

        // The same images, formats and array size as DigitsInferenceTests, so the Verilator builds are shared (cached by content).
        let report = "\(dir)/digits.txt"
        let infer = try ProcessRunner.run(copy, ["infer", "--images", "64", "--formats", "afp-e2m2", "--rows", "2", "--cols", "2", "--out", report],
                                          workingDirectory: "/")
        #expect(infer.succeeded, "\(infer.stderr)")
        #expect(infer.stdout.contains("top-1 accuracy on 64 test images of the digits network"))
        #expect(infer.stdout.contains("yes (2688 codes)"), "64 images x (32 + 10) outputs, RTL = golden: \(infer.stdout)")
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(written.hasPrefix("top-1 accuracy on 64 test images") && infer.stdout.contains(written))
    }
}
