import Foundation
import Testing
import ShiftwrightTooling

/// Outputs are replaced atomically: writing into a directory that already holds the files works,
/// and a second `generate` run over an existing output directory succeeds with the same bytes.
@Suite struct AtomicOutputTests {
    @Test func writeAllReplacesExistingFiles() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try AtomicFile.writeAll([("a.txt", Data("one".utf8)), ("b.txt", Data("two".utf8))], into: dir)
        try AtomicFile.writeAll([("a.txt", Data("three".utf8))], into: dir)
        #expect(try String(contentsOfFile: "\(dir)/a.txt", encoding: .utf8) == "three")
        #expect(try String(contentsOfFile: "\(dir)/b.txt", encoding: .utf8) == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: dir).deletingLastPathComponent().path)
            .filter { $0.contains(".staging-") && $0.contains(URL(fileURLWithPath: dir).lastPathComponent) }
        #expect(leftovers.isEmpty)
    }

    @Test func generatingTwiceIntoOneDirectoryGivesIdenticalBytes() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let args = ["generate", "pe", "--act", "int8", "--weight", "ausn-b3s2", "--out", dir]
        #expect(try CLI.run(args).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/pe_int8_ausn_b3s2_acc27.v"))
        let second = try CLI.run(args)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/pe_int8_ausn_b3s2_acc27.v")) == first)
    }
}
