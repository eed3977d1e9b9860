import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightVerilator

/// `verify plan`: every layer of a `plan.json` through the RTL of its array configuration in
/// Verilator (`ArrayExecution`), on the weights the RTL reads — the layer's `.hex` weight image —
/// and compared element by element with the golden GEMM + requantizer on the model's weights
/// quantized afresh by the golden model at the plan's format and scale. Activations are the
/// previous layer's RTL outputs when the layers chain (its N is this K and the requantizer's
/// output format is the activation format), else seeded-random activation codes. The plan file is
/// untrusted: every problem in it is refused (`PlanFileCheck`) before anything is simulated.
public struct PlanVerification: Sendable {
    public var planPath: String
    /// The model file (default: the `model` recorded in the plan).
    public var model: String?
    /// Activation rows M per layer.
    public var m = 8
    public var seed: UInt64 = 1
    /// The most activation rows `m` may ask for.
    public static let maxRows = 4096

    public init(planPath: String) { self.planPath = planPath }

    /// Runs every layer, reporting progress through `note`; one outcome per layer.
    public func run(note: @escaping @Sendable (String) -> Void) throws -> [VerificationOutcome] {
        guard (1...Self.maxRows).contains(m) else { throw FormatError("--m must be in 1...\(Self.maxRows), got \(m)") }
        let checked = try PlanFileCheck.load(planPath)
        let modelPath = model ?? checked.plan.model
        let file = try ModelFile.read(path: modelPath)
        let layers = try checked.layers.map { try PlanFileCheck.goldenCodes($0, model: file, modelPath: modelPath) }
        let images = try checked.layers.map { try PlanFileCheck.imageCodes($0, directory: checked.directory) }

        var rng = SplitMix64(seed: seed)
        var previous: (n: Int, codes: [UInt64])?
        var outcomes: [VerificationOutcome] = []
        let start = Date()
        for (i, layer) in checked.layers.enumerated() {
            let l = layer.entry, c = layer.config
            note(String(format: "verify plan: layer %d/%d %@ (K %d x N %d, %@ on %@), %.1f s elapsed",
                        i + 1, checked.layers.count, l.name, l.k, l.n, l.chosen.format, l.array.module, Date().timeIntervalSince(start)))
            let chained = previous.map { $0.n == l.k && checked.plan.output == checked.plan.activation } ?? false
            let x = chained ? previous!.codes : (0..<(m * l.k)).map { _ in rng.next() & c.activation.codeMask }
            let golden = try GemmProblem(activation: c.activation, weight: c.weight, target: c.target, ties: c.ties, shift: l.requantShift,
                                         m: m, k: l.k, n: l.n, x: x, w: layers[i])
            let onImage = try GemmProblem(activation: c.activation, weight: c.weight, target: c.target, ties: c.ties, shift: l.requantShift,
                                          m: m, k: l.k, n: l.n, x: x, w: images[i])
            let expected = GoldenGEMM.run(golden)
            let rtl = try ArrayExecution.run(onImage, config: c)
            var mismatch: String?
            if let e = expected.indices.first(where: { rtl.codes[$0] != expected[$0] }) {
                let wrong = zip(rtl.codes, expected).filter { $0 != $1 }.count
                mismatch = "Y[\(e / l.n)][\(e % l.n)] = \(rtl.codes[e]) from the RTL, \(expected[e]) golden (\(wrong) of \(expected.count) elements differ)"
                if let w = layers[i].indices.first(where: { images[i][$0] != layers[i][$0] }) {
                    mismatch! += "; the weight image \(l.images.hex) holds W[\(w / l.n)][\(w % l.n)] = \(images[i][w]) where the model quantizes to \(layers[i][w])"
                }
            }
            let source = chained ? "activations: layer \(i - 1)'s RTL outputs" : "activations: seeded-random \(c.activation.name) codes (seed \(seed))"
            outcomes.append(VerificationOutcome(
                design: "layer \(i) \(l.name)",
                cycles: rtl.cycles,
                coverage: "not exhaustive: M = \(m) vectors of K = \(l.k), \(expected.count) output elements compared; \(source); "
                    + "weights: \(l.images.hex) vs the model at \(l.chosen.format) \(l.chosen.scaleText), shift \(l.requantShift)",
                mismatch: mismatch, mismatchCycle: nil, waveform: nil,
                buildSeconds: rtl.buildSeconds, simulationSeconds: rtl.simulationSeconds))
            previous = (l.n, rtl.codes)
        }
        note(String(format: "verify plan: %d layers in %.1f s", checked.layers.count, Date().timeIntervalSince(start)))
        return outcomes
    }
}

