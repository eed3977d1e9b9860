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

    @Test func verifyWritesAJUnitFileThatParses() throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try CLI.run(["verify", "requant", "--acc-width", "8", "--to", "int4", "--shift-bits", "2", "--junit", "\(dir)/r.xml"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try Self.document("\(dir)/r.xml")
        let cases = try Self.cases(root)
        #expect(cases.count == 1)
        #expect(cases.first?.attribute(forName: "name")?.stringValue == "requant_acc8_s2_to_int4")
        #expect(root.attribute(forName: "failures")?.stringValue == "0")
        #expect(try root.nodes(forXPath: "//failure").isEmpty)
    }
}
