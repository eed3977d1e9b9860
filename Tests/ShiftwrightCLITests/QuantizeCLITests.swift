import Foundation
import Testing
import ShiftwrightTooling

/// `quantize` and `analyze` as a user runs them: docs/arithmetic.md §3.4 worked examples through the binary,
/// and bad input that must leave no output file behind.
@Suite struct QuantizeCLITests {
    @Test func workedExamplesOfTheSpec() throws {
        // §3.4, E=3 M=2, bias 7: 0.8 → 0|110|10 = 0.75; −0.3 → 1|101|01 = −0.3125; 2.5 saturates to 1.75.
        let result = try CLI.run(["quantize", "--format", "afp-e3m2", "--scale", "7", "--values", "0.8,-0.3,2.5"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(lines.contains(["0.8", "0|110|10", "0.75"]))
        #expect(lines.contains(["-0.3", "1|101|01", "-0.3125"]))
        #expect(lines.contains(["2.5", "0|111|11", "1.75"]))
    }

    @Test func npyRoundTripAndBadInput() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ShiftwrightFormatsTests/Fixtures")
        let good = fixtures.appendingPathComponent("f32_c_3x4.npy").path
        try #require(FileManager.default.fileExists(atPath: good))
        let ok = try CLI.run(["quantize", "--format", "ausn-b3s2", "--input", good, "--output", "\(dir)/q.npy"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/q.npy"))
        for (bad, needle) in [("f32_nan.npy", "NaN"), ("f32_truncated.npy", "truncat"), ("object_pickled.npy", ""), ("f32_empty.npy", "empty")] {
            let path = fixtures.appendingPathComponent(bad).path
            try #require(FileManager.default.fileExists(atPath: path))
            let out = "\(dir)/\(bad).out.npy"
            let result = try CLI.run(["quantize", "--format", "afp-e3m2", "--input", path, "--output", out])
            #expect(result.status != 0, "\(bad) must be rejected")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(bad): \(result.stderr)")
            #expect(needle.isEmpty || result.stderr.lowercased().contains(needle.lowercased()), "\(bad): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(bad): no output may be left behind")
        }
        let badName = try CLI.run(["analyze", "--input", good, "--bits", "6", "--family", "ausn-ish"])
        #expect(badName.status != 0 && badName.stderr.split(separator: "\n").count == 1)
    }
}
