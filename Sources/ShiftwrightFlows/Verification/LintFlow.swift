import Foundation
import ShiftwrightTooling
import ShiftwrightVerilator

/// `lint FILE…`: Verilator `--lint-only -Wall` on Verilog files, each file's top module named
/// like the file; every warning is a finding.
public enum LintFlow {
    /// The report (one line per file, findings indented) and the number of files with findings.
    public static func files(_ paths: [String]) throws -> (report: String, dirty: Int) {
        var lines = ["Verilator: \(try ExternalTool.verilator.version())"]
        var dirty = 0
        for file in paths {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ToolError("cannot read \(file)") }
            let url = URL(fileURLWithPath: file)
            let findings = try VerilatorLint.findings(verilog: text, fileName: url.lastPathComponent,
                                                      top: url.deletingPathExtension().lastPathComponent)
            lines.append("\(findings.isEmpty ? "clean" : "DIRTY")  \(file)")
            lines += findings.map { "      \($0)" }
            if !findings.isEmpty { dirty += 1 }
        }
        return (lines.joined(separator: "\n") + "\n", dirty)
    }
}
