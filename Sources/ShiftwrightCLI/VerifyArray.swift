import ArgumentParser
import Foundation
import ShiftwrightCosim
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling

/// `shiftwright verify array`: whole GEMMs through a generated array in Verilator, with random
/// stalls on every valid/ready stream, every output element compared with the golden GEMM.
/// Operands are random codes, or real tensors (`--weights`, `--acts`: float `.npy` or
/// `.safetensors`) quantized by the golden model; larger M and N are split into array-sized runs.
struct VerifyArray: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "array", abstract: "Verify a PE array on whole GEMMs.")
    @OptionGroup var array: ArrayOptions
    @Option(help: "Activation rows M (random activations).") var m = 16
    @Option(help: "Reduction depth K of random weights (default: 2 x rows, at most rows x max-tiles).") var k: Int?
    @Option(help: "Number of random GEMMs (without --weights).") var gemms = 3
    @Option(help: "Seed of the random operands and stalls.") var seed: UInt64 = 1
    @Option(help: "Weights W (K x N) as a float .npy or .safetensors tensor.") var weights: String?
    @Option(help: "Tensor name inside a .safetensors --weights file.") var tensor: String?
    @Flag(help: "Read --weights as N x K (PyTorch Linear layout) and transpose it.") var transpose = false
    @Option(help: "Activations X (M x K) as a float .npy or .safetensors tensor.") var acts: String?
    @Option(name: .customLong("weight-scale"), help: "Scale rule for --weights: paper, noclip, search or an integer.") var weightScale = "paper"
    @Option(name: .customLong("act-scale"), help: "Scale rule for --acts: paper, noclip, search or an integer.") var actScale = "paper"
    @Option(help: "Requantization shift (default: fitted so the largest result just fits the target).") var shift: Int?
    @Option(help: "Probability of a stall per cycle on every stream (0 ..< 1).") var stall = 0.3
    @Option(help: "Write a waveform (.fst or .vcd) of the failing cycles.") var wave: String?

    func validate() throws {
        guard m >= 1, gemms >= 1 else { throw ValidationError("--m and --gemms must be at least 1") }
        guard (0..<1).contains(stall) else { throw ValidationError("--stall must be in 0 ..< 1, got \(stall)") }
        if tensor != nil && weights == nil { throw ValidationError("--tensor needs --weights") }
    }

    func run() throws {
        let c = try array.config()
        if let wave { _ = try TraceFormat(path: wave) }
        var rng = SplitMix64(seed: seed)
        var problems: [GemmProblem] = []
        if let weights {
            let w = try Self.load(weights, tensor: tensor)
            let (values, kk, n) = try GemmOperands.matrix(w, transpose: transpose)
            let wq = try GemmOperands.quantize(values, rows: kk, cols: n, format: c.weight, rule: ScaleRule(parsing: weightScale), ties: c.ties)
            let x = try activations(c, k: kk, rng: &rng)
            print("weights \(weights)\(tensor.map { " [\($0)]" } ?? ""): K = \(kk), N = \(n), \(c.weight.name) \(QuantizeSupport.scaleText(wq.quantizer)); "
                  + "activations: M = \(x.count / kk), \(acts ?? "random codes")")
            problems = try ArrayWorkload.blocks(x: x, w: wq.codes, m: x.count / kk, k: kk, n: n,
                                                shift: try fittedShift(c, x: x, w: wq.codes, m: x.count / kk, k: kk, n: n), config: c)
        } else {
            let kk = k ?? min(2 * c.rows, c.maxDepth)
            guard kk >= 1 else { throw ValidationError("--k must be at least 1") }
            for _ in 0..<gemms {
                let x = try activations(c, k: kk, rng: &rng)
                let w = (0..<(kk * c.cols)).map { _ in rng.next() & c.weight.codeMask }
                problems += try ArrayWorkload.blocks(x: x, w: w, m: x.count / kk, k: kk, n: c.cols,
                                                     shift: try fittedShift(c, x: x, w: w, m: x.count / kk, k: kk, n: c.cols), config: c)
            }
        }
        let scenario = try ArrayScenario(config: c, segments: [.init(problems)],
                                         stalls: .init(source: stall, sink: stall, startWhileBusy: stall / 4), seed: seed)
        let result = try ArrayVerification.run(scenario, wave: wave)
        print(String(format: "%d GEMM runs, %d output elements, %d PE operations in %.3f s of simulation (%.2f M PE-ops/s)",
                     result.gemms, result.elements, result.peOperations, result.outcome.simulationSeconds,
                     Double(result.peOperations) / max(result.outcome.simulationSeconds, 1e-9) / 1e6))
        try VerificationReport.print([result.outcome])
    }

    /// M×K activation codes: `--acts` quantized, or random codes.
    func activations(_ c: ArrayConfig, k: Int, rng: inout SplitMix64) throws -> [UInt64] {
        guard let acts else { return (0..<(m * k)).map { _ in rng.next() & c.activation.codeMask } }
        let (values, rows, cols) = try GemmOperands.matrix(try Self.load(acts, tensor: nil))
        guard cols == k else { throw ValidationError("--acts is \(rows) x \(cols) but K = \(k): its columns must match the weights' rows") }
        return try GemmOperands.quantize(values, rows: rows, cols: cols, format: c.activation, rule: ScaleRule(parsing: actScale), ties: c.ties).codes
    }

    func fittedShift(_ c: ArrayConfig, x: [UInt64], w: [UInt64], m: Int, k: Int, n: Int) throws -> Int {
        let limit = 1 << (c.shiftBits - 1)
        if let shift {
            guard (-limit..<limit).contains(shift) else { throw ValidationError("--shift \(shift) does not fit \(c.shiftBits) signed bits") }
            return shift
        }
        let g = try GemmProblem(activation: c.activation, weight: c.weight, target: c.target, ties: c.ties, shift: 0, m: m, k: k, n: n, x: x, w: w)
        return GoldenGEMM.fittingShift(g, shiftRange: -limit...(limit - 1))
    }

    /// A float tensor from `.npy` or `.safetensors` (by extension).
    static func load(_ path: String, tensor: String?) throws -> Tensor {
        if path.hasSuffix(".safetensors") { return try SafeTensors.read(path: path, tensor: tensor) }
        guard path.hasSuffix(".npy") else { throw ValidationError("'\(path)': expected a .npy or .safetensors file") }
        guard tensor == nil else { throw ValidationError("--tensor applies to .safetensors files, not '\(path)'") }
        return try Npy.read(path: path)
    }
}
