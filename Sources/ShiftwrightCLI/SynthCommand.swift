import ArgumentParser
import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightSynth
import ShiftwrightTooling

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
    @Flag(help: "Place and route with nextpnr-ice40 and report Fmax beside the baseline's (target ice40).") var timing = false
    @Option(help: "Requantizer target format (kind 'requant'); its baseline targets the integer format of the same width.") var to: String?
    @Option(name: .customLong("acc-width"), help: "Requantizer accumulator width (kind 'requant').") var accumulatorWidth = 16
    @Option(name: .customLong("shift-bits"), help: "Requantizer shift width (kind 'requant').") var shiftBits = 6
    @Option(help: "PE rows (kind 'array'; --act/--weight give the formats, --to the output format).") var rows = 8
    @Option(help: "PE columns (kind 'array').") var cols = 8

    func run() throws {
        let netlists = try netlist.map(NetlistFormat.parseList) ?? []
        if !netlists.isEmpty && out == nil { throw ToolError("--netlist needs --out DIR") }
        let target = try synth.synthTarget()
        if timing && target.name != "ice40" { throw ToolError("--timing needs --target ice40 (nextpnr-ice40)") }
        let (design, baseline) = try designAndBaseline()
        let yosys = synth.yosys
        let version = try yosys.version()
        let comparison = try yosys.compare(design, baseline: baseline, target: target, netlists: netlists)
        if json {
            print(String(decoding: try AreaTable.json([comparison], yosysVersion: version), as: UTF8.self))
        } else {
            print(AreaTable.text([comparison], yosysVersion: version), terminator: "")
            FileHandle.standardError.write(Data(String(format: "yosys time: %.1f s per design\n", comparison.design.seconds).utf8))
        }
        var timingResults: [TimingResult] = []
        if timing {
            timingResults = try NextpnrIce40().compare(design, baseline: baseline, yosys: yosys)
            print(TimingTable.text(timingResults), terminator: "")
        }
        if let out {
            let written = try SynthArtifacts.write(comparison, yosysVersion: version, timing: timingResults, into: out)
            FileHandle.standardError.write(Data("wrote \(written.count) files into \(out)\n".utf8))
        }
    }

    /// The design to size and the integer baseline synthesized beside it.
    private func designAndBaseline() throws -> (SynthDesign, SynthDesign) {
        switch kind {
        case "pe", "verilog":
            let pair = try BaselinePair(try pe.config())
            let baseline = try SynthDesign.pe(pair.baseline)
            if kind == "pe" { return (try .pe(pair.design), baseline) }
            guard let file, let top else { throw ToolError("kind 'verilog' needs --file FILE and --top MODULE") }
            return (try SynthDesign(file: file, top: top), baseline)
        case "requant":
            guard let to else { throw ToolError("kind 'requant' needs --to FORMAT (and --acc-width, --shift-bits)") }
            let target = try NumberFormat(parsing: to)
            let config = try RequantizerConfig(accumulatorWidth: accumulatorWidth, shiftBits: shiftBits, target: target)
            let integer = try RequantizerConfig(accumulatorWidth: accumulatorWidth, shiftBits: shiftBits,
                                                target: NumberFormat(parsing: "int\(max(2, target.codeWidth))"))
            return (SynthDesign(module: try RequantizerGenerator.module(config)),
                    SynthDesign(module: try RequantizerGenerator.module(integer)))
        case "array":
            // Baseline: the same array built from integer-multiplier PEs of the same code widths.
            let pair = try BaselinePair(try pe.config())
            let output = try NumberFormat(parsing: to ?? "int8")
            let array = try ArrayConfig(rows: rows, cols: cols, activation: pair.design.activation, weight: pair.design.weight, target: output)
            let integer = try ArrayConfig(rows: rows, cols: cols, activation: pair.baseline.activation, weight: pair.baseline.weight, target: output)
            return (SynthDesign(module: try ArrayGenerator.module(array)), SynthDesign(module: try ArrayGenerator.module(integer)))
        default:
            throw ToolError("unknown kind '\(kind)': use pe, requant, array or verilog")
        }
    }
}
