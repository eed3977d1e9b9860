import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightVerilator

/// `verify array`: whole GEMMs through a generated array in Verilator, with random stalls on
/// every valid/ready stream, every output element compared with the golden GEMM. Operands are
/// random codes, or real tensors (float `.npy` or `.safetensors`) quantized by the golden model;
/// larger M and N are split into array-sized runs.
public struct ArrayRun: Sendable {
    public var config: ArrayConfig
    /// Activation rows M of random activations.
    public var m = 16
    /// Reduction depth K of random weights (default: 2 × rows, at most rows × max tiles).
    public var k: Int?
    /// Number of random GEMMs (without `weights`).
    public var gemms = 3
    public var seed: UInt64 = 1
    /// A real operand: a float tensor file (`tensor` names it inside a `.safetensors`), or a
    /// tensor in hand (bundled data) with the name reports give it.
    public enum Operand: Sendable {
        case file(String, tensor: String?)
        case tensor(Tensor, name: String)

        func load() throws -> Tensor {
            switch self {
            case let .file(path, tensor): try TensorFile.read(path: path, tensor: tensor)
            case let .tensor(t, _): t
            }
        }

        var name: String {
            switch self {
            case let .file(path, tensor): path + (tensor.map { " [\($0)]" } ?? "")
            case let .tensor(_, name): name
            }
        }
    }

    /// Weights W (K × N).
    public var weights: Operand?
    /// Read `weights` as N × K (PyTorch Linear layout) and transpose it.
    public var transpose = false
    /// Activations X (M × K).
    public var acts: Operand?
    public var weightScale = ScaleRule.paper
    public var actScale = ScaleRule.paper
    /// Requantization shift (default: fitted so the largest result just fits the target).
    public var shift: Int?
    /// Probability of a stall per cycle on every stream.
    public var stall = 0.3
    /// Waveform of the failing cycles.
    public var wave: String?
    /// Folder of the mismatch waveform when `wave` is not given (default: the cache's `waves/`).
    public var waveDirectory: String?

    public init(config: ArrayConfig) { self.config = config }

    /// What was run, and how it went.
    public struct Result: Sendable {
        /// One line on the operands (real tensors or random codes), when real tensors were used.
        public let operands: String?
        /// One line of throughput figures.
        public let summary: String
        public let outcome: VerificationOutcome
    }

    public func run() throws -> Result {
        if let wave { _ = try TraceFormat(path: wave) }
        let (scenario, operands) = try scenario()
        let result = try ArrayVerification.run(scenario, wave: wave, waveDirectory: waveDirectory)
        let summary = String(format: "%d GEMM runs, %d output elements, %d PE operations in %.3f s of simulation (%.2f M PE-ops/s)",
                             result.gemms, result.elements, result.peOperations, result.outcome.simulationSeconds,
                             Double(result.peOperations) / max(result.outcome.simulationSeconds, 1e-9) / 1e6)
        return Result(operands: operands, summary: summary, outcome: result.outcome)
    }

    /// The GEMMs this run asks for (operands quantized, M and N split into array-sized runs) with
    /// its stalls and seed, and the line on real operands when there are any.
    func scenario() throws -> (ArrayScenario, operands: String?) {
        guard m >= 1, gemms >= 1 else { throw ToolError("--m and --gemms must be at least 1") }
        guard (0..<1).contains(stall) else { throw ToolError("--stall must be in 0 ..< 1, got \(stall)") }
        let c = config
        var rng = SplitMix64(seed: seed)
        var problems: [GemmProblem] = []
        var operands: String?
        if let weights {
            let (values, kk, n) = try GemmOperands.matrix(try weights.load(), transpose: transpose)
            let wq = try GemmOperands.quantize(values, rows: kk, cols: n, format: c.weight, rule: weightScale, ties: c.ties)
            let x = try activations(k: kk, rng: &rng)
            operands = "weights \(weights.name): K = \(kk), N = \(n), \(c.weight.name) \(wq.quantizer.scaleDescription); "
                + "activations: M = \(x.count / kk), \(acts?.name ?? "random codes")"
            problems = try ArrayWorkload.blocks(x: x, w: wq.codes, m: x.count / kk, k: kk, n: n,
                                                shift: try fittedShift(x: x, w: wq.codes, m: x.count / kk, k: kk, n: n), config: c)
        } else {
            let kk = k ?? min(2 * c.rows, c.maxDepth)
            guard kk >= 1 else { throw ToolError("--k must be at least 1") }
            for _ in 0..<gemms {
                let x = try activations(k: kk, rng: &rng)
                let w = (0..<(kk * c.cols)).map { _ in rng.next() & c.weight.codeMask }
                problems += try ArrayWorkload.blocks(x: x, w: w, m: x.count / kk, k: kk, n: c.cols,
                                                     shift: try fittedShift(x: x, w: w, m: x.count / kk, k: kk, n: c.cols), config: c)
            }
        }
        let scenario = try ArrayScenario(config: c, segments: [.init(problems)],
                                         stalls: .init(source: stall, sink: stall, startWhileBusy: stall / 4), seed: seed)
        return (scenario, operands)
    }

    /// M×K activation codes: `acts` quantized, or random codes.
    private func activations(k: Int, rng: inout SplitMix64) throws -> [UInt64] {
        let c = config
        guard let acts else { return (0..<(m * k)).map { _ in rng.next() & c.activation.codeMask } }
        let (values, rows, cols) = try GemmOperands.matrix(try acts.load())
        guard cols == k else { throw ToolError("--acts is \(rows) x \(cols) but K = \(k): its columns must match the weights' rows") }
        return try GemmOperands.quantize(values, rows: rows, cols: cols, format: c.activation, rule: actScale, ties: c.ties).codes
    }

    private func fittedShift(x: [UInt64], w: [UInt64], m: Int, k: Int, n: Int) throws -> Int {
        let c = config
        let limit = 1 << (c.shiftBits - 1)
        if let shift {
            guard (-limit..<limit).contains(shift) else { throw ToolError("--shift \(shift) does not fit \(c.shiftBits) signed bits") }
            return shift
        }
        let g = try GemmProblem(activation: c.activation, weight: c.weight, target: c.target, ties: c.ties, shift: 0, m: m, k: k, n: n, x: x, w: w)
        return GoldenGEMM.fittingShift(g, shiftRange: -limit...(limit - 1))
    }
}
