import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator
import ShiftwrightFlows

/// The JUnit XML of a real verification run, parsed with Foundation's XML parser: one test case
/// per design, and a mutated design is the one failure, carrying the report's first mismatch.
@Suite struct JUnitReportTests {
    @Test func oneCasePerDesignAndTheMutantIsTheFailure() throws {
        let pe = try PEConfig(activation: NumberFormat(parsing: "int4"), weight: NumberFormat(parsing: "ausn-b2s1"))
        let requant = try RequantizerConfig(accumulatorWidth: 8, shiftBits: 2, target: NumberFormat(parsing: "int4"))
        let requantModule = try RequantizerGenerator.module(requant)
        let text = VerilogEmitter.emit(requantModule).text
        let flip = try #require(text.range(of: " ^ "))
        let mutant = text.replacingCharacters(in: flip, with: " | ")
        let plans = [
            PEVerification.plan(pe, module: try PEGenerator.module(pe), options: .init(randomProducts: 100, accumulationCycles: 100)),
            RequantVerification.plan(requant, module: requantModule),
            RequantVerification.plan(requant, module: requantModule, externalVerilog: (mutant, requantModule.name)),
        ]
        let outcomes = try BatchRunner.run(plans, waveOnMismatch: false)
        #expect(outcomes.filter(\.passed).count == 2)

        let xml = JUnitReport.xml(outcomes, suite: "verify requant")
        let root = try #require(try XMLDocument(data: Data(xml.utf8), options: []).rootElement())
        let cases = try root.nodes(forXPath: "/testsuites/testsuite/testcase").compactMap { $0 as? XMLElement }
        #expect(cases.count == 3)
        #expect(root.attribute(forName: "tests")?.stringValue == "3")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        let names = cases.compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(Set(names) == Set(outcomes.map(\.design)))
        let failures = try root.nodes(forXPath: "//testcase/failure").compactMap { $0 as? XMLElement }
        #expect(failures.count == 1)
        let failed = try #require(outcomes.first { !$0.passed })
        // The message survives escaping intact ("acc·2^shift", quotes, parentheses…).
        #expect(failures.first?.attribute(forName: "message")?.stringValue == failed.mismatch)
        #expect(JUnitReport.xml(outcomes, suite: "verify requant") == xml, "same outcomes, same bytes")
    }

    @Test func markupInMessagesIsEscaped() {
        #expect(JUnitReport.escape(#"a < b & "c" > 'd'"#) == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
        #expect(JUnitReport.escape("bell\u{07}") == "bell")
    }
}
