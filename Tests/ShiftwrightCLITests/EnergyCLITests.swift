import Foundation
import Testing
import ShiftwrightTooling

/// `energy pe` and `report energy` refuse bad input with one line and status 2 before any
/// synthesis, and write nothing.
@Suite struct EnergyCLITests {
    func expectBadInput(_ args: [String], mentioning needle: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try CLI.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run(args, in: dir)
        #expect(result.status == 2, "exit status for \(args): \(result.status)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && result.stderr.hasPrefix("shiftwright: error: "), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(needle), "error should mention '\(needle)': \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir).isEmpty, sourceLocation: sourceLocation)
    }

    @Test func badOptionsAreOneLine() throws {
        try expectBadInput(["energy", "pe", "--weight", "ausn-b0s2"], mentioning: "ausn-b0s2")
        try expectBadInput(["energy", "pe", "--act", "afp-e3"], mentioning: "afp-e3")
        try expectBadInput(["energy", "pe", "--cycles", "5"], mentioning: "--cycles")
        try expectBadInput(["energy", "pe", "--cycles", "-1"], mentioning: "--cycles")
        try expectBadInput(["energy", "pe", "--saif", "out.txt"], mentioning: ".saif")
        try expectBadInput(["energy", "pe", "--saif", "missing/out.saif"], mentioning: "missing")
        try expectBadInput(["energy", "pe", "--target", "nonsense"], mentioning: "nonsense")
        try expectBadInput(["report", "energy", "--cycles", "0"], mentioning: "--cycles")
    }
}
