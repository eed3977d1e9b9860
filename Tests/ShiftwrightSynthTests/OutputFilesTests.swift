import Foundation
import Testing
import ShiftwrightSynth

/// Output sets can be rewritten in place (a second `synth --out DIR` into the same directory).
@Suite struct OutputFilesTests {
    @Test func rewritingTheSameDirectoryReplacesFiles() throws {
        let dir = try SynthTestSupport.scratch("rewrite")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try OutputFiles.writeAll([("a.txt", Data("one".utf8)), ("b.txt", Data("two".utf8))], into: dir)
        try OutputFiles.writeAll([("a.txt", Data("three".utf8))], into: dir)
        #expect(try String(contentsOfFile: "\(dir)/a.txt", encoding: .utf8) == "three")
        #expect(try String(contentsOfFile: "\(dir)/b.txt", encoding: .utf8) == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (dir as NSString).deletingLastPathComponent)
            .filter { $0.contains(".staging-") && $0.contains((dir as NSString).lastPathComponent) }
        #expect(leftovers.isEmpty)
    }
}
