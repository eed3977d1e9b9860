import ArgumentParser
import Foundation
import ShiftwrightFlows

/// The `shiftwright` command: designs, verifies and sizes hardware for low-bit NN arithmetic.
struct Shiftwright: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shiftwright",
        abstract: "Generate, verify and size AFP / AUSN neural-network arithmetic hardware.",
        version: ShiftwrightVersion.current,
        subcommands: [
            DemoCommand.self, GenerateCommand.self, VerifyCommand.self, ProveCommand.self, SynthCommand.self, SweepCommand.self, ReportCommand.self, ExportCommand.self,
            LintCommand.self, InferCommand.self,
            QuantizeCommand.self, AnalyzeCommand.self, BenchCommand.self,
            PlanCommand.self, EnergyCommand.self,
        ]
    )
}

/// The exit statuses of every command (README, "Exit statuses and limits").
enum ExitStatus {
    /// A check ran and failed: a mismatch against the golden model, a counterexample, lint findings.
    static let checkFailed: Int32 = 1
    /// The input was refused: an option, a file, a design or the environment is wrong.
    static let badInput: Int32 = 2
    /// An external tool (Verilator, Yosys, nextpnr, a simulator) could not run or failed.
    static let toolFailed: Int32 = 3
    // 130 and 143 (interrupted by SIGINT / SIGTERM) come from `Interruption`.

    /// The status and the one error line for `error`.
    static func of(_ error: any Error) -> (status: Int32, line: String) {
        switch error {
        case let tool as ToolError:
            let status = switch tool.kind {
            case .badInput: badInput
            case .toolFailed: toolFailed
            case .checkFailed: checkFailed
            }
            return (status, SystemErrorText.oneLine(tool.message))
        case is FormatError, is GeneratorError:
            return (badInput, SystemErrorText.oneLine(String(describing: error)))
        default:
            // ArgumentParser's errors (bad or missing options) print a first line, then usage.
            let full = Shiftwright.fullMessage(for: error)
            if full.contains("Error Domain=") || full.isEmpty { return (badInput, SystemErrorText.reason(error)) }
            let first = full.split(whereSeparator: \.isNewline).first.map(String.init) ?? SystemErrorText.reason(error)
            return (badInput, first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first)
        }
    }
}

/// Entry point: bad input of any kind ends with one `shiftwright: error: …` line on stderr and the
/// status `ExitStatus` names (help still prints in full); SIGINT and SIGTERM end the run cleanly.
@main
enum Main {
    static func main() {
        Interruption.install()
        do {
            var command = try Shiftwright.parseAsRoot()
            ScratchSpace.removeStaleRunFiles()
            try command.run()
        } catch let exit as ExitCode {
            // A check that ran and failed has already printed its report.
            Interruption.parkIfInterrupted()
            Foundation.exit(exit.rawValue)
        } catch {
            Interruption.parkIfInterrupted()
            if Shiftwright.exitCode(for: error) == .success {
                Shiftwright.exit(withError: error)  // --help, --version
            }
            let (status, line) = ExitStatus.of(error)
            FileHandle.standardError.write(Data("shiftwright: error: \(line)\n".utf8))
            Foundation.exit(status)
        }
    }
}
