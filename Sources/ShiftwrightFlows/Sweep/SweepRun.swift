import Foundation
import ShiftwrightFormats
import ShiftwrightTooling
import ShiftwrightYosys

/// `sweep`: every AFP/AUSN split of a range of widths synthesized beside its integer baseline;
/// writes a CSV, an SVG heat map and, with a weight tensor, the area/error scatter with its
/// Pareto front (all or nothing).
public struct SweepRun: Sendable {
    public var plan: SweepPlan
    public var settings: SynthSettings
    /// Output directory for `sweep.<target>.csv` and `.svg`.
    public var out: String
    /// Weight tensor (.npy) scored by the golden quantizer for the scatter.
    public var input: String?

    public init(plan: SweepPlan, settings: SynthSettings, out: String, input: String? = nil) {
        (self.plan, self.settings, self.out, self.input) = (plan, settings, out, input)
    }

    public func run(report: (String) -> Void, note: @escaping @Sendable (String) -> Void) throws {
        // Read and check the tensor before minutes of synthesis, so bad input fails at once.
        let tensor = try input.map { try Npy.read(path: $0) }
        let range = try tensor.map { try TensorRange(of: $0.values) }
        let target = try settings.synthTarget()
        var result = try DesignSweep.run(plan, target: target, synthesis: settings.synthesis, progress: synthesisProgress(note))
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
        report(SweepSummary.text(result))
        report("wrote " + files.map { "\(out)/\($0.0)" }.joined(separator: ", ") + "\n")
    }
}
