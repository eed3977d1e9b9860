import ArgumentParser
import ShiftwrightFlows

/// `shiftwright lint FILE…`: Verilator `--lint-only -Wall` on Verilog files.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Lint Verilog files with Verilator -Wall.")
    @Argument(help: "Verilog files; each file's top module is named like the file.") var files: [String]

    func run() throws {
        let (text, dirty) = try LintFlow.files(files)
        print(text, terminator: "")
        if dirty > 0 { throw ToolError.checkFailed("\(dirty) of \(files.count) files have lint findings") }
    }
}
