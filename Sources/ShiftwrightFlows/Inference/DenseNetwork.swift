import ShiftwrightFormats
import ShiftwrightTooling

/// A trained float network of dense layers with ReLU between them (none after the last): the
/// reference `shiftwright infer` quantizes, and the float accuracy of its report.
public struct DenseNetwork: Sendable {
    /// One dense layer: y = x · W + b, W stored K × N (inputs × outputs), row-major.
    public struct Layer: Sendable {
        public let weights: [Double]
        public let bias: [Double]
        public let inputs: Int
        public let outputs: Int

        public init(weights: [Double], bias: [Double], inputs: Int, outputs: Int) throws {
            guard inputs >= 1, outputs >= 1, weights.count == inputs * outputs, bias.count == outputs else {
                throw ToolError("a dense layer needs a K x N weight matrix and N biases, got \(weights.count) weights "
                                + "for \(inputs) x \(outputs) and \(bias.count) biases")
            }
            _ = try TensorRange(of: weights)
            _ = try TensorRange(of: bias)
            (self.weights, self.bias, self.inputs, self.outputs) = (weights, bias, inputs, outputs)
        }
    }

    public let layers: [Layer]

    /// Checks that every layer's inputs are the previous layer's outputs.
    public init(layers: [Layer]) throws {
        guard !layers.isEmpty else { throw ToolError("the network has no layers") }
        for (a, b) in zip(layers, layers.dropFirst()) where a.outputs != b.inputs {
            throw ToolError("layer with \(a.outputs) outputs feeds a layer with \(b.inputs) inputs")
        }
        self.layers = layers
    }

    public var inputs: Int { layers[0].inputs }

    /// Every layer's output for the M × K0 inputs `x` (row-major): after ReLU for hidden layers,
    /// the logits for the last one.
    public func layerOutputs(_ x: [Double], rows m: Int) -> [[Double]] {
        var h = x, outputs: [[Double]] = []
        for (index, layer) in layers.enumerated() {
            var y = [Double](repeating: 0, count: m * layer.outputs)
            for i in 0..<m {
                for j in 0..<layer.outputs {
                    var sum = layer.bias[j]
                    for k in 0..<layer.inputs { sum += h[i * layer.inputs + k] * layer.weights[k * layer.outputs + j] }
                    y[i * layer.outputs + j] = index + 1 < layers.count ? max(sum, 0) : sum
                }
            }
            outputs.append(y)
            h = y
        }
        return outputs
    }

    /// The predicted class of each of the M inputs: the first largest logit.
    public func predict(_ x: [Double], rows m: Int) -> [Int] {
        let logits = layerOutputs(x, rows: m).last!
        return Argmax.rows(logits, count: m, width: layers.last!.outputs)
    }
}

/// The first index of the largest value in each row (ties go to the lowest index, the same rule
/// for the float, golden and RTL results).
enum Argmax {
    static func rows<T: Comparable>(_ values: [T], count m: Int, width n: Int) -> [Int] {
        (0..<m).map { i in
            var best = 0
            for j in 1..<max(n, 1) where values[i * n + j] > values[i * n + best] { best = j }
            return best
        }
    }
}
