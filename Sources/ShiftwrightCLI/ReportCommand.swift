import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright report paper`: the AUSN paper's Table 4 reproduced with our generators.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports comparing our hardware with the papers.",
        discussion: "Example: shiftwright report paper --target xc7 --out reports/"
    )

    @Argument(help: "Which report: paper (AUSN Table 4: LUT/FF per PE for 8/8, 8/5, 8/4).") var name: String
    @OptionGroup var synth: SynthToolOptions
    @Option(help: "Also write the report to DIR/paper-table4.<target>.txt.") var out: String?

    func run() throws {
        guard name == "paper" else { throw ToolError("unknown report '\(name)': use paper") }
        print(try PaperReport.run(settings: synth.settings(), out: out, note: printNote), terminator: "")
    }
}
