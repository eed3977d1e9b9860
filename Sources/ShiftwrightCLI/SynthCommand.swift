import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright synth pe|requant|array|verilog`: synthesize with Yosys and print the area beside
/// the integer-multiplier baseline synthesized in the same run; optionally write netlists.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Synthesize a design with Yosys; print its area beside the integer multiplier baseline.",
        discussion: """
        Examples:
          shiftwright synth pe --act int8 --weight ausn-b2s1 --target xc7
          shiftwright synth pe --act int8 --weight ausn-b2s1 --target ice40 --timing --netlist json,edif --out out/
          shiftwright synth requant --acc-width 16 --to afp-e3m2 --target xc7
          shiftwright synth array --rows 4 --cols 4 --act int8 --weight ausn-b3s2 --target generic
          shiftwright synth verilog --file my.v --top my_mac --act int8 --weight int4 --target xc7
        The baseline of a PE is the int<act> x int<weight bits> PE with the same accumulator; the
        baseline of a requantizer is the same unit targeting int<code bits>.
        """
    )

    @Argument(help: "What to synthesize: pe, requant, array, or verilog (any file, with --file and --top).")
    var kind: String

    @OptionGroup var pe: SynthPEOptions
    @OptionGroup var synth: SynthToolOptions

    @Option(help: "Verilog file to synthesize (kind 'verilog').") var file: String?
    @Option(help: "Top module of --file (kind 'verilog').") var top: String?
    @Option(help: "Comma-separated netlists to write into --out: json, edif, blif, verilog.") var netlist: String?
    @Option(help: "Directory for RTL, FuseSoC core, netlists and the area report.") var out: String?
    @Flag(help: "Print the area report as JSON.") var json = false
    @Flag(help: "Place and route with nextpnr 0.11 and report Fmax beside the baseline's, bare and with registered I/O.") var timing = false
    @Option(help: "Place-and-route device for --timing: ice40-hx8k, ice40-up5k, ecp5-25k, ecp5-85k (default: by --target).") var device: String?
    @Option(parsing: .unconditional, help: "nextpnr placer seed for --timing (printed in the report; 0...2147483647).") var seed = 1
    @Option(help: "Requantizer target format (kind 'requant'); its baseline targets the integer format of the same width.") var to: String?
    @Option(name: .customLong("acc-width"), parsing: .unconditional, help: "Requantizer accumulator width (kind 'requant').") var accumulatorWidth = 16
    @Option(name: .customLong("shift-bits"), parsing: .unconditional, help: "Requantizer shift width (kind 'requant').") var shiftBits = 6
    @Option(parsing: .unconditional, help: "PE rows (kind 'array'; --act/--weight give the formats, --to the output format).") var rows = 8
    @Option(parsing: .unconditional, help: "PE columns (kind 'array').") var cols = 8

    func validate() throws { try OptionLimits.check(seed, in: OptionLimits.placerSeed, "--seed") }

    func run() throws {
        guard let kind = SynthRun.Kind(rawValue: kind) else {
            throw ToolError("unknown kind '\(kind)': use pe, requant, array or verilog")
        }
        var run = SynthRun(kind: kind, pe: try pe.config(), settings: synth.settings())
        (run.file, run.top, run.netlists, run.out, run.json, run.timing, run.device, run.seed) = (file, top, netlist, out, json, timing, device, seed)
        (run.to, run.accumulatorWidth, run.shiftBits, run.rows, run.cols) = (to, accumulatorWidth, shiftBits, rows, cols)
        try run.run(report: { print($0, terminator: "") }, note: printNote)
    }
}

/// Progress and timing lines go to stderr, so stdout stays the report (or its JSON).
@Sendable func printNote(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
