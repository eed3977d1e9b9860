import ShiftwrightFormats
import ShiftwrightTooling

/// The real stream a PE is simulated on for the energy proxy: the first layer of the committed
/// digits network (`data/digits`, fc1: K = 64 inputs × N = 32 outputs) computed one dot product
/// after another, as one PE of a weight-stationary array sees it. Dot product d takes image
/// d / N of the calibration split and output neuron d mod N; its K cycles present pixel k of that
/// image (pixel / 16 through the int8 input quantizer) and weight (k, n) of fc1 in the PE's
/// weight format, with `clear` on the first of them (a new accumulation every K MACs). The
/// weights and activations are quantized with the golden model only (`NumberFormat.quantize`,
/// finest power-of-two scale covering the tensor's largest value, as `infer` does); the
/// activations are non-negative pixels, so the int8 sign bit stays 0, as in a real first layer.
public struct EnergyWorkload: Sendable {
    /// One MAC: the activation and weight codes and whether it starts a new accumulation.
    public struct Step: Sendable, Hashable {
        public let activation: UInt64
        public let weight: UInt64
        public let clear: Bool
    }

    public let activation: NumberFormat
    public let weight: NumberFormat
    public let steps: [Step]
    /// The accumulation length K (cycles between clears).
    public let depth: Int
    /// Where the numbers come from, for reports.
    public static let source = "digits fc1 (64x32) weights, calibration images (pixel/16) through the int8 quantizer, one dot product after another"

    /// `macs` steps of the stream for `activation` × `weight` codes.
    public init(activation: NumberFormat, weight: NumberFormat, macs: Int, data: DigitsData? = nil) throws {
        guard macs >= 1 else { throw ToolError("the energy workload needs at least one MAC, got \(macs)") }
        let digits = try data ?? DigitsData.bundled()
        let layer = digits.network.layers[0]
        let images = digits.calibration
        let (k, n) = (layer.inputs, layer.outputs)
        let pixels = images.inputs  // already pixel / 16 (DigitsData)
        let aScale = try QuantizedNetwork.covering(pixels, format: activation)
        let wScale = try QuantizedNetwork.covering(layer.weights, format: weight)
        let dotProducts = (macs + k - 1) / k
        guard dotProducts <= images.count * n else {
            throw ToolError("the energy workload has \(images.count * n * k) MACs (\(images.count) images x \(n) outputs x \(k)), asked for \(macs)")
        }
        var steps: [Step] = []
        steps.reserveCapacity(macs)
        var weightCodes: [Int: UInt64] = [:]
        for d in 0..<dotProducts {
            let (image, neuron) = (d / n, d % n)
            for i in 0..<k where steps.count < macs {
                let a = try activation.quantize(pixels[image * k + i], scale: aScale)
                let index = i * n + neuron
                let w: UInt64
                if let cached = weightCodes[index] { w = cached } else {
                    w = try weight.quantize(layer.weights[index], scale: wScale)
                    weightCodes[index] = w
                }
                steps.append(Step(activation: a, weight: w, clear: i == 0))
            }
        }
        (self.activation, self.weight, self.steps, self.depth) = (activation, weight, steps, k)
    }
}
