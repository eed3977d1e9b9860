import ArgumentParser
import Foundation
import ShiftwrightSynth
import ShiftwrightTooling

/// `shiftwright report paper`: the AUSN paper's Table 4 reproduced with our generators.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports comparing our hardware with the papers.",
        discussion: "Example: shiftwright report paper --target xc7 --out reports/"
    )

    @Argument(help: "Which report: paper (AUSN Table 4: LUT/FF per PE for 8/8, 8/5, 8/4).") var name: String
    @OptionGroup var synth: SynthToolOptions
    @Option(help: "Parallel Yosys processes (default: all cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Also write the report to DIR/paper-table4.<target>.txt.") var out: String?

    func run() throws {
        guard name == "paper" else { throw ToolError("unknown report '\(name)': use paper") }
        let target = try synth.synthTarget()
        let start = Date()
        let report = try PaperReport.run(target: target, synthesis: ParallelSynthesis(yosys: synth.yosys, workers: jobs)) {
            done, total, top, seconds in
            let line = String(format: "[%2d/%d] %@ %.1f s, %.0f s elapsed\n", done, total, top, seconds, Date().timeIntervalSince(start))
            FileHandle.standardError.write(Data(line.utf8))
        }
        print(report.text, terminator: "")
        if let out { try AtomicFile.write(report.text, to: "\(out)/paper-table4.\(target.name).txt") }
    }
}
