import Foundation
import ShiftwrightTooling

/// Runs `verilator --lint-only -Wall` on Verilog text; every warning is a finding.
public enum VerilatorLint {
    /// The warnings and errors Verilator reports (empty when clean).
    public static func findings(verilog: String, fileName: String, top: String) throws -> [String] {
        _ = try ExternalTool.verilator.require()
        let dir = try ScratchSpace.makeTemporaryDirectory("lint")
        defer { ScratchSpace.release(dir) }
        let path = "\(dir)/\(fileName)"
        try AtomicFile.write(verilog, to: path)
        let result = try ProcessRunner.run("verilator", ["--lint-only", "-Wall", "--top-module", top, path], workingDirectory: dir)
        let lines = (result.stderr + result.stdout).split(separator: "\n").map(String.init)
        let findings = lines.filter { $0.hasPrefix("%Warning") || ($0.hasPrefix("%Error") && !$0.contains("Exiting due to")) }
        if !result.succeeded && findings.isEmpty { return ["verilator exited \(result.status): \(result.tail())"] }
        return findings
    }
}
