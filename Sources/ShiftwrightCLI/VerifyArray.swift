import ArgumentParser
import ShiftwrightFlows

/// The GEMMs run through an array, shared by `verify array` and `export testbench array`:
/// random operands, or real tensors quantized by the golden model, with random stalls.
struct ArrayWorkloadOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Activation rows M (random activations, 1...65536).") var m = 16
    @Option(parsing: .unconditional, help: "Reduction depth K of random weights (default: 2 x rows, at most rows x max-tiles).") var k: Int?
    @Option(parsing: .unconditional, help: "Number of random GEMMs (without --weights, 1...10000).") var gemms = 3
    @Option(parsing: .unconditional, help: "Seed of the random operands and stalls.") var seed: UInt64 = 1
    @Option(help: "Weights W (K x N) as a float .npy or .safetensors tensor.") var weights: String?
    @Option(help: "Tensor name inside a .safetensors --weights file.") var tensor: String?
    @Flag(help: "Read --weights as N x K (PyTorch Linear layout) and transpose it.") var transpose = false
    @Option(help: "Activations X (M x K) as a float .npy or .safetensors tensor.") var acts: String?
    @Option(name: .customLong("weight-scale"), parsing: .unconditional, help: "Scale rule for --weights: paper, noclip, search or an integer.") var weightScale = "paper"
    @Option(name: .customLong("act-scale"), parsing: .unconditional, help: "Scale rule for --acts: paper, noclip, search or an integer.") var actScale = "paper"
    @Option(parsing: .unconditional, help: "Requantization shift (default: fitted so the largest result just fits the target).") var shift: Int?
    @Option(parsing: .unconditional, help: "Probability of a stall per cycle on every stream (0 ..< 1).") var stall = 0.3

    func validate() throws {
        if tensor != nil && weights == nil { throw ValidationError("--tensor needs --weights") }
        try OptionLimits.check(m, in: OptionLimits.gemmRows, "--m")
        try OptionLimits.check(k, in: OptionLimits.gemmDepth, "--k")
        try OptionLimits.check(gemms, in: OptionLimits.gemms, "--gemms")
        if let k, m * k > OptionLimits.gemmElements {
            throw ValidationError("--m x --k must be at most \(OptionLimits.gemmElements) activations, got \(m) x \(k)")
        }
        guard (0..<1).contains(stall) else { throw ValidationError("--stall must be in 0 ..< 1, got \(stall)") }
    }

    /// The run of these GEMMs on the array `config`.
    func run(_ config: ArrayConfig) throws -> ArrayRun {
        var run = ArrayRun(config: config)
        (run.m, run.k, run.gemms, run.seed, run.transpose, run.shift, run.stall) = (m, k, gemms, seed, transpose, shift, stall)
        run.weights = weights.map { .file($0, tensor: tensor) }
        run.acts = acts.map { .file($0, tensor: nil) }
        run.weightScale = try ScaleRule(parsing: weightScale)
        run.actScale = try ScaleRule(parsing: actScale)
        return run
    }
}

/// `shiftwright verify array`: whole GEMMs through a generated array in Verilator, with random
/// stalls on every valid/ready stream, every output element compared with the golden GEMM.
struct VerifyArray: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "array", abstract: "Verify a PE array on whole GEMMs.")
    @OptionGroup var array: ArrayOptions
    @OptionGroup var workload: ArrayWorkloadOptions
    @Option(help: "Write a waveform (.fst or .vcd) of the failing cycles.") var wave: String?
    @Option(name: .customLong("wave-dir"), help: "Folder of the mismatch waveform and its GTKWave .gtkw file when --wave is not given (default: waves/ in the cache).")
    var waveDirectory: String?
    @OptionGroup var report: VerifyReportOptions

    func validate() throws {
        try OptionLimits.checkWritable(wave, "--wave")
    }

    func run() throws {
        var run = try workload.run(try array.config())
        (run.wave, run.waveDirectory) = (wave, waveDirectory)
        let result = try run.run()
        if let operands = result.operands { print(operands) }
        print(result.summary)
        try JUnitReport.finish([result.outcome], suite: "verify array", junit: report.junit, output: printReport)
    }
}
