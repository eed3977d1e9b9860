import ArgumentParser
import Foundation
import ShiftwrightCosim
import ShiftwrightTooling

/// `shiftwright lint FILE…`: Verilator `--lint-only -Wall` on Verilog files.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Lint Verilog files with Verilator -Wall.")
    @Argument(help: "Verilog files; each file's top module is named like the file.") var files: [String]

    func run() throws {
        print("Verilator: \(try ExternalTool.verilator.version())")
        var dirty = 0
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ToolError("cannot read \(file)") }
            let top = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let findings = try VerilatorLint.findings(verilog: text, fileName: URL(fileURLWithPath: file).lastPathComponent, top: top)
            print("\(findings.isEmpty ? "clean" : "DIRTY")  \(file)")
            findings.forEach { print("      \($0)") }
            if !findings.isEmpty { dirty += 1 }
        }
        if dirty > 0 { throw ToolError("\(dirty) of \(files.count) files have lint findings") }
    }
}
