import ArgumentParser
import Foundation

/// The `shiftwright` command: designs, verifies and sizes hardware for low-bit NN arithmetic.
struct Shiftwright: ParsableCommand {
    /// The tool's version, printed by `--version`.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "shiftwright",
        abstract: "Generate, verify and size AFP / AUSN neural-network arithmetic hardware.",
        version: Shiftwright.version,
        subcommands: [
            DemoCommand.self, GenerateCommand.self, VerifyCommand.self, ProveCommand.self, SynthCommand.self, SweepCommand.self, ReportCommand.self, ExportCommand.self,
            LintCommand.self,
            QuantizeCommand.self, AnalyzeCommand.self, BenchCommand.self,
        ]
    )
}

/// Entry point: bad input of any kind ends with one `shiftwright: error: …` line on stderr and a
/// non-zero exit status (help still prints in full).
@main
enum Main {
    static func main() {
        do {
            var command = try Shiftwright.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            // A check that ran and failed has already printed its report.
            Foundation.exit(exit.rawValue)
        } catch {
            let code = Shiftwright.exitCode(for: error)
            if code == .success {
                Shiftwright.exit(withError: error)
            }
            let full = Shiftwright.fullMessage(for: error)
            let first = full.split(separator: "\n").first.map(String.init) ?? "\(error)"
            let line = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            FileHandle.standardError.write(Data("shiftwright: error: \(line)\n".utf8))
            Foundation.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}
