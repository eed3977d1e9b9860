import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ShiftwrightTooling

/// `verify … --junit FILE` writes JUnit XML a CI reads: parsed here with Foundation's XML
/// parser, it counts one test case per design, and a mutated design is a failure carrying the
/// first mismatch.
@Suite struct JUnitTests {
    static func document(_ path: String) throws -> XMLElement {
        let doc = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
        return try #require(doc.rootElement())
    }

    static func cases(_ root: XMLElement) throws -> [XMLElement] {
        try root.nodes(forXPath: "/testsuites/testsuite/testcase").compactMap { $0 as? XMLElement }
    }

    @Test func verifyDefaultsWritesOneCasePerDefaultDesign() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try CLI.run(["verify", "defaults", "--junit", "\(dir)/defaults.xml"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try Self.document("\(dir)/defaults.xml")
        let cases = try Self.cases(root)
        // The default designs the report lists: 8 PEs and 3 requantizers, each a PASS line.
        let passLines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("PASS  ") }
        #expect(passLines.count == 11)
        #expect(cases.count == passLines.count)
        #expect(root.attribute(forName: "tests")?.stringValue == "\(passLines.count)")
        #expect(root.attribute(forName: "failures")?.stringValue == "0")
        #expect(try root.nodes(forXPath: "//failure").isEmpty)
        let names = Set(cases.compactMap { $0.attribute(forName: "name")?.stringValue })
        #expect(names.count == 11)
        #expect(names.contains("pe_int8_ausn_b3s2_acc27"))
    }

    @Test func aMutatedDesignIsOneFailedCaseWithTheMismatch() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let generate = try CLI.run(["generate", "requant", "--acc-width", "8", "--to", "int4", "--shift-bits", "2", "--out", dir])
        try #require(generate.status == 0, "\(generate.stderr)")
        let rtl = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasSuffix(".v") })
        let path = "\(dir)/\(rtl)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: " ^ "))
        try text.replacingCharacters(in: range, with: " | ").write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLI.run(["verify", "requant", "--acc-width", "8", "--to", "int4", "--shift-bits", "2",
                               "--rtl", path, "--junit", "\(dir)/r.xml"], in: dir)
        #expect(run.status != 0)
        let root = try Self.document("\(dir)/r.xml")
        let cases = try Self.cases(root)
        #expect(cases.count == 1)
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        let failure = try #require(try root.nodes(forXPath: "//testcase/failure").first as? XMLElement)
        let message = failure.attribute(forName: "message")?.stringValue ?? ""
        #expect(message.contains("but the golden model expects"), "\(message)")
        #expect(run.stdout.contains(message), "the JUnit message is the report's first mismatch")
    }
}
