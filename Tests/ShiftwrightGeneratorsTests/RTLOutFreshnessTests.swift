import ShiftwrightFlows
import Foundation
import Testing
import ShiftwrightGenerators

/// `rtl-out/` is committed; regenerating the default designs must not change a byte.
@Suite struct RTLOutFreshnessTests {
    static let rtlOut = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rtl-out")

    @Test func committedRTLMatchesTheGenerators() throws {
        let designs = try DesignArtifacts.defaults()
        var expectedNames = Set<String>()
        for design in designs {
            for file in try design.files {
                expectedNames.insert(file.name)
                let committed = FileManager.default.contents(atPath: Self.rtlOut.appendingPathComponent(file.name).path)
                #expect(committed == file.data, "rtl-out/\(file.name) is stale: run `swift run shiftwright generate defaults`")
            }
        }
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: Self.rtlOut.path).filter { $0.hasSuffix(".v") || $0.hasSuffix(".json") })
        #expect(present == expectedNames, "rtl-out/ holds files no default design generates: \(present.subtracting(expectedNames).sorted())")
    }
}
