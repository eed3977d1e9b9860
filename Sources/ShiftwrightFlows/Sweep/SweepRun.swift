import Foundation
import ShiftwrightFormats
import ShiftwrightTooling
import ShiftwrightYosys

/// `sweep`: every configuration of a plan (targets × activations × weight splits) synthesized
/// beside its integer baseline, through the area cache. Unsharded, it writes the CSV, the SVG heat
/// map and, with a weight tensor, the area/error scatter with its Pareto front, per target, and
/// the summary (all or nothing, `SweepOutputs`). With `shard`, it runs that slice only and writes
/// its shard file, for `sweep merge`.
public struct SweepRun: Sendable {
    public var plan: SweepPlan
    public var settings: SynthSettings
    /// Output directory.
    public var out: String
    /// Weight tensor (.npy) scored by the golden quantizer for the scatter.
    public var input: String?
    /// Run only this slice and write a shard file.
    public var shard: SweepShard?

    public init(plan: SweepPlan, settings: SynthSettings, out: String, input: String? = nil, shard: SweepShard? = nil) {
        (self.plan, self.settings, self.out, self.input, self.shard) = (plan, settings, out, input, shard)
    }

    /// The weight tensor's file contents hashed ("" without one): shards scored on different tensors are different plans.
    func tensorDigest() throws -> String {
        guard let input else { return "" }
        var digest = ContentHash()
        do { digest.add(bytes: try Data(contentsOf: URL(fileURLWithPath: input))) } catch {
            throw ToolError("cannot read \(input): \(SystemErrorText.reason(error))")
        }
        return digest.hex
    }

    public func run(report: (String) -> Void, note: @escaping @Sendable (String) -> Void) throws {
        // Read and check the tensor before minutes of synthesis, so bad input fails at once.
        let tensor = try input.map { try Npy.read(path: $0) }
        let range = try tensor.map { try TensorRange(of: $0.values) }
        let digest = try shard == nil ? "" : tensorDigest()
        let configurations = shard.map { $0.configurations(of: plan) } ?? plan.configurations
        let outcome = try DesignSweep.run(plan, configurations: configurations, synthesis: settings.synthesis, note: note)
        var rows = outcome.rows
        if let tensor, let range {
            // Quantization error of each split on the tensor (golden model, per-tensor scale by `search`).
            var errors: [NumberFormat: Double] = [:]
            for i in rows.indices {
                let format = rows[i].point.weight
                if errors[format] == nil {
                    let scale = ScaleChoice.choose(.search, format: format, values: tensor.values, range: range)
                    errors[format] = TensorQuantizer(format: format, scale: scale).errorStats(tensor.values).mse
                }
                rows[i].quantizationError = errors[format]
            }
        }
        let counts = "\(outcome.counts.hits) cached, \(outcome.counts.synthesized) synthesized"
        if let shard {
            let file = SweepShardFile(plan: plan, planHash: plan.fingerprint(extra: digest), shard: shard,
                                      yosysVersion: outcome.yosysVersion, rows: rows)
            try AtomicFile.writeAll([(shard.fileName, try file.encoded())], into: out)
            report("sweep shard \(shard): \(rows.count) of \(plan.configurations.count) configurations; designs: \(counts)\n")
            report("wrote \(out)/\(shard.fileName)\n")
        } else {
            let outputs = SweepOutputs(plan: plan, rows: rows, yosysVersion: outcome.yosysVersion)
            let written = try outputs.write(into: out)
            report(outputs.summary)
            report("sweep: \(rows.count) configurations; designs: \(counts)\n")
            report("wrote " + written.joined(separator: ", ") + "\n")
        }
    }
}
