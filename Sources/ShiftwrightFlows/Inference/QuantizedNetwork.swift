import ShiftwrightFormats
import ShiftwrightTooling

/// A dense network quantized for the array, with the golden model only (ShiftwrightFormats):
/// every scale a power of two, chosen statically, and every layer one GEMM in codes.
///
/// - **Scales** (docs/arithmetic.md §1.3): each layer input's scale is the finest one whose largest
///   value covers the largest value that input takes on the calibration split in the float network
///   (pixel / 16 for the first layer, the ReLU outputs after it); the logits' scale likewise covers
///   the largest |logit| on the calibration split. Larger values at test time saturate. Weights use
///   the finest scale covering max |w| of the layer's matrix with its bias row.
/// - **Biases** ride in the GEMM as an extra input column (K + 1): every input row gets one more
///   activation, the constant code `biasCode` of the largest value c of the layer's activation
///   format, and the weight matrix one more row, b / c quantized with the weights. So
///   acc = Σ x·w + c·q(b / c), in the same units as the products.
/// - **ReLU** is the requantizer's clamp of negatives into the unsigned activation format; the
///   last layer requantizes into the signed output format, and the prediction is its argmax.
/// - **Shift**: shift = uA + uW − uY (§6.2), the log2 units of input, weights and output.
public struct QuantizedNetwork: Sendable {
    /// One layer as the array runs it.
    public struct Layer: Sendable {
        public let activation: NumberFormat, activationScale: Int
        public let weight: NumberFormat, weightScale: Int
        public let target: NumberFormat, targetScale: Int
        /// (K + 1) × N weight codes, row-major; the last row is the bias row.
        public let weightCodes: [UInt64]
        /// K (without the bias column) and N.
        public let inputs: Int, outputs: Int
        /// The activation code of the bias column.
        public let biasCode: UInt64
        public let shift: Int

        /// The GEMM of M input rows (M × K activation codes): the bias column appended.
        public func problem(_ x: [UInt64], rows m: Int, ties: TieRule = .even) throws -> GemmProblem {
            var xb: [UInt64] = []
            xb.reserveCapacity(m * (inputs + 1))
            for i in 0..<m { xb += x[(i * inputs)..<((i + 1) * inputs)]; xb.append(biasCode) }
            return try GemmProblem(activation: activation, weight: weight, target: target, ties: ties, shift: shift,
                                   m: m, k: inputs + 1, n: outputs, x: xb, w: weightCodes)
        }

        /// One line: formats, scales, shift.
        public var summary: String {
            "\(inputs)+1 -> \(outputs): \(activation)@\(activationScale) x \(weight)@\(weightScale) -> \(target)@\(targetScale), shift \(shift)"
        }
    }

    public let formats: InferenceFormats
    public let layers: [Layer]

    /// Calibrates on `calibration` (its inputs only: labels are not used) and quantizes `network`.
    public init(_ network: DenseNetwork, formats: InferenceFormats, calibration: LabeledImages) throws {
        let floatOutputs = network.layerOutputs(calibration.inputs, rows: calibration.count)
        let layerInputs = [calibration.inputs] + floatOutputs.dropLast()
        var layers: [Layer] = []
        for (index, layer) in network.layers.enumerated() {
            let last = index + 1 == network.layers.count
            let a = formats.activation, w = formats.weight, y = last ? formats.output : formats.activation
            let aScale = try Self.covering(layerInputs[index], format: a)
            let yScale = try Self.covering(floatOutputs[index], format: y)
            let biasCode = a.allCodes.max { a.unitValue(ofCode: $0) < a.unitValue(ofCode: $1) }!
            let c = a.decode(biasCode, scale: aScale).doubleValue
            let augmented = layer.weights + layer.bias.map { $0 / c }
            let wScale = try Self.covering(augmented, format: w)
            let codes = try augmented.map { try w.quantize($0, scale: wScale) }
            let shift = a.valueExponent(scale: aScale) + w.valueExponent(scale: wScale) - y.valueExponent(scale: yScale)
            layers.append(Layer(activation: a, activationScale: aScale, weight: w, weightScale: wScale, target: y, targetScale: yScale,
                                weightCodes: codes, inputs: layer.inputs, outputs: layer.outputs, biasCode: biasCode, shift: shift))
        }
        self.formats = formats
        self.layers = layers
    }

    /// The network input (M × K0 reals) in the first layer's activation codes.
    public func inputCodes(_ x: [Double]) throws -> [UInt64] {
        let l = layers[0]
        return try x.map { try l.activation.quantize($0, scale: l.activationScale) }
    }

    /// Every layer's output codes for the input codes, by the golden GEMM (`GoldenGEMM.run`) only.
    public func golden(_ inputCodes: [UInt64], rows m: Int) throws -> [[UInt64]] {
        var x = inputCodes, outputs: [[UInt64]] = []
        for layer in layers {
            x = GoldenGEMM.run(try layer.problem(x, rows: m))
            outputs.append(x)
        }
        return outputs
    }

    /// The predictions from the last layer's output codes: the argmax of their values.
    public func predictions(_ logits: [UInt64], rows m: Int) -> [Int] {
        let l = layers.last!
        return Argmax.rows(logits.map { l.target.unitValue(ofCode: $0) }, count: m, width: l.outputs)
    }

    /// The finest power-of-two scale of `format` whose largest value covers the values (their max
    /// |x| for signed formats, max(x, 0) for unsigned ones): AFP bias and AUSN top by the `noclip`
    /// rule (§3.2, §4.4), integers a step 2^t with (largest code) · 2^t ≥ the maximum.
    static func covering(_ values: [Double], format: NumberFormat) throws -> Int {
        let range = try TensorRange(of: values)
        let m = format.isSigned ? range.maxMagnitude : range.maxPositive
        guard format.isInteger else { return ScaleChoice.noclip(format: format, max: m) }
        guard m > 0 else { return 0 }
        let top = Double(format.isSigned ? (1 << (format.codeWidth - 1)) - 1 : (1 << format.codeWidth) - 1)
        func largest(_ t: Int) -> Double { top * Double(sign: .plus, exponent: t, significand: 1) }
        var t = Int((m / top).exponent)
        while largest(t) < m { t += 1 }
        while largest(t - 1) >= m { t -= 1 }
        return t
    }
}
