import Foundation
import Testing

/// The DSL as a library: `Examples/FIRFilter`, a separate Swift package depending on this one by
/// path, builds, emits Verilog and passes its own interpreter check against its own reference.
@Suite struct ExternalPackageTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/FIRFilter")

    /// Runs `executable` with `arguments`; returns its exit status and combined output.
    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func firFilterExampleBuildsEmitsVerilogAndMatchesItsReference() throws {
        // A fixed scratch directory outside the example keeps reruns incremental and the tree clean.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("shiftwright-example-firfilter").path
        let build = try run("/usr/bin/env", ["swift", "build", "--package-path", Self.example.path, "--scratch-path", scratch, "-j", "2"])
        try #require(build.status == 0, "swift build of Examples/FIRFilter failed:\n\(build.output)")

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sw-fir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try run("\(scratch)/debug/FIRFilter", ["--out", out.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("simulated 40 samples: every y, peak and warm output matches the reference"), "\(result.output)")
        let verilog = try String(contentsOf: out.appendingPathComponent("fir4.v"), encoding: .utf8)
        #expect(verilog.contains("module fir4 ("))
        #expect(verilog.contains("sample_counter u_count ("))
        #expect(verilog.contains("input wire signed [7:0] sample,  // FIRFilter/FIR.swift:"))
    }
}
