import ArgumentParser
import Foundation
import ShiftwrightFormats
import ShiftwrightSynth
import ShiftwrightTooling

/// `shiftwright sweep`: synthesize every AFP/AUSN split of a range of widths, write a CSV and a heat map.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Synthesize every weight bit-split and chart LUTs per PE (CSV + SVG heat map).",
        discussion: "Example: shiftwright sweep --act int8 --family afp,ausn --bits 4..8 --target xc7 --out sweep/"
    )

    @Option(help: "Activation format.") var act = "int8"
    @Option(help: "Weight families to split: afp, ausn (comma-separated).") var family = "afp,ausn"
    @Option(help: "Weight widths, sign included: N or LO..HI.") var bits = "4..8"
    @Option(help: "Declared maximum accumulations K.") var depth = 1024
    @OptionGroup var synth: SynthToolOptions
    @Option(help: "Directory for sweep.<target>.csv and sweep.<target>.svg.") var out = "sweep-out"
    @Option(help: "Parallel Yosys processes (default: all cores).") var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Weight tensor (.npy) for the area/error scatter with its Pareto front.") var input: String?

    func run() throws {
        // Read and check the tensor before minutes of synthesis, so bad input fails at once.
        let tensor = try input.map { try Npy.read(path: $0) }
        let range = try tensor.map { try TensorRange(of: $0.values) }
        let plan = try SweepPlan(activation: NumberFormat(parsing: act), families: SweepPlan.parseFamilies(family),
                                 bits: SweepPlan.parseBits(bits), accumulationDepth: depth)
        let target = try synth.synthTarget()
        let start = Date()
        var result = try DesignSweep.run(plan, target: target, synthesis: ParallelSynthesis(yosys: synth.yosys, workers: jobs)) {
            done, total, top, seconds in
            let line = String(format: "[%3d/%d] %@ %.1f s, %.0f s elapsed\n", done, total, top, seconds, Date().timeIntervalSince(start))
            FileHandle.standardError.write(Data(line.utf8))
        }
        if let tensor, let range {
            // Quantization error of each split on the tensor (golden model, per-tensor scale by `search`).
            for i in result.rows.indices {
                let format = result.rows[i].point.weight
                let scale = ScaleChoice.choose(.search, format: format, values: tensor.values, range: range)
                result.rows[i].quantizationError = TensorQuantizer(format: format, scale: scale).errorStats(tensor.values).mse
            }
        }
        let stem = "sweep.\(target.name)"
        var files = [("\(stem).csv", Data(SweepCSV.text(result).utf8)), ("\(stem).svg", Data(SweepHeatMap.svg(result).utf8))]
        if let scatter = SweepScatter.svg(result) { files.append(("\(stem).pareto.svg", Data(scatter.utf8))) }
        try AtomicFile.writeAll(files, into: out)
        print(SweepSummary.text(result), terminator: "")
        print("wrote " + files.map { "\(out)/\($0.0)" }.joined(separator: ", "))
    }
}
