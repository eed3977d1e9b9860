import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ShiftwrightTooling

/// `verify … --junit FILE` writes JUnit XML a CI reads, parsed here with Foundation's XML parser
/// (case counts and failures on a real multi-design run: ShiftwrightVerilatorTests.JUnitReportTests).
@Suite struct JUnitTests {
    static func document(_ path: String) throws -> XMLElement {
        let doc = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
        return try #require(doc.rootElement())
    }

    static func cases(_ root: XMLElement) throws -> [XMLElement] {
        try root.nodes(forXPath: "/testsuites/testsuite/testcase").compactMap { $0 as? XMLElement }
    }

    /// A mutated requantizer through `verify --rtl … --junit … --wave-dir …`, run from a scratch
    /// working directory: the JUnit file parses with one failed case, the mismatch waveform and
    /// its GTKWave save file land in --wave-dir, and nothing lands in the working directory.
    @Test func failedVerifyWritesJUnitAndTheWaveformGoesToWaveDir() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let work = "\(dir)/work", waves = "\(dir)/waves", rtlDir = "\(dir)/rtl"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let design = ["--acc-width", "8", "--to", "int4", "--shift-bits", "2"]
        let generate = try CLI.run(["generate", "requant"] + design + ["--out", rtlDir])
        try #require(generate.status == 0, "\(generate.stderr)")
        let path = "\(rtlDir)/requant_acc8_s2_to_int4.v"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let flip = try #require(text.range(of: " ^ "))
        try text.replacingCharacters(in: flip, with: " | ").write(toFile: path, atomically: true, encoding: .utf8)

        let run = try CLI.run(["verify", "requant"] + design + ["--rtl", path, "--junit", "\(dir)/r.xml", "--wave-dir", waves], in: work)
        #expect(run.status != 0)
        let root = try Self.document("\(dir)/r.xml")
        let cases = try Self.cases(root)
        #expect(cases.count == 1)
        #expect(cases.first?.attribute(forName: "name")?.stringValue == "requant_acc8_s2_to_int4")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        let failure = try #require(try root.nodes(forXPath: "//testcase/failure").first as? XMLElement)
        let message = try #require(failure.attribute(forName: "message")?.stringValue)
        #expect(run.stdout.contains("first mismatch: \(message)"), "the JUnit message is the report's first mismatch")

        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty, "nothing written to the working directory")
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: waves))
        #expect(written == ["requant_acc8_s2_to_int4-mismatch.fst", "requant_acc8_s2_to_int4-mismatch.gtkw"])
        let gtkw = try String(contentsOfFile: "\(waves)/requant_acc8_s2_to_int4-mismatch.gtkw", encoding: .utf8)
        #expect(gtkw.contains("TOP.code[3:0]"))
    }
}
