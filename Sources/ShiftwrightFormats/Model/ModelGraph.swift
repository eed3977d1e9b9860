/// One node of an ONNX graph as the model reader keeps it: op, names and the attributes a
/// sequential network needs (integers and integer lists; others are kept by name only).
public struct ModelNode: Sendable, Equatable {
    public let name: String
    public let opType: String
    public let inputs: [String]
    public let outputs: [String]
    /// Integer and integer-list attributes (`transB`, `group`, `strides`, `pads`, …).
    public let integers: [String: [Int]]

    public init(name: String, opType: String, inputs: [String], outputs: [String], integers: [String: [Int]] = [:]) {
        (self.name, self.opType, self.inputs, self.outputs, self.integers) = (name, opType, inputs, outputs, integers)
    }

    /// The node for messages: its name, or its first output when it has none.
    public var label: String { name.isEmpty ? (outputs.first ?? "?") : name }
}

/// A sequential network read from an ONNX graph: each node's data input is the previous node's
/// output, and the ops are Gemm, MatMul and Conv (each with its weight initializer and an optional
/// bias), Relu (fused into the layer before it) and Add (of a bias initializer, folded into the
/// layer before it). Anything else is refused, naming the node.
public struct SequentialGraph: Sendable, Equatable {
    /// One weight layer of the chain.
    public struct Layer: Sendable, Equatable {
        public enum Op: String, Sendable { case gemm = "Gemm", matMul = "MatMul", conv = "Conv" }
        /// The node that applies the weights.
        public let node: String
        public let op: Op
        public let weight: WeightLayer
        /// One bias per output feature (N), when the layer has one.
        public let bias: [Double]?
        /// A Relu follows the layer.
        public let relu: Bool
        /// Conv only: strides, pads (ONNX order: all begins, then all ends) and dilations.
        public let strides: [Int], pads: [Int], dilations: [Int]
    }

    public static let supportedOps: Set<String> = ["Gemm", "MatMul", "Conv", "Relu", "Add"]

    public let layers: [Layer]

    /// Reads `model`'s graph; throws, naming the node, for an op outside `supportedOps`, a branch,
    /// or an operand that is not where a sequential network has it.
    public init(_ model: Model) throws {
        guard !model.nodes.isEmpty else { throw FormatError("\(model.source): the file has no graph (only ONNX files carry one)") }
        if let bad = model.nodes.first(where: { !Self.supportedOps.contains($0.opType) }) {
            throw FormatError("\(model.source): node '\(bad.label)' has op \(bad.opType), which a sequential network does not use (supported: Gemm, MatMul, Conv, Relu, Add)")
        }
        let initializers = Dictionary(model.tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var layers: [Layer] = []
        var current = model.graphInputs.first(where: { initializers[$0] == nil })
        for node in model.nodes {
            func fail(_ why: String) -> FormatError { FormatError("\(model.source): node '\(node.label)' (\(node.opType)) \(why)") }
            guard let data = node.inputs.first(where: { initializers[$0] == nil }) else { throw fail("has no activation input") }
            if let current, data != current { throw fail("reads '\(data)', not the previous node's output '\(current)': not a sequential network") }
            guard node.outputs.count == 1 else { throw fail("has \(node.outputs.count) outputs") }
            let params = node.inputs.filter { $0 != data }.map { initializers[$0] }
            switch node.opType {
            case "Relu":
                guard let last = layers.popLast() else { throw fail("comes before any weight layer") }
                layers.append(last.with(relu: true))
            case "Add":
                guard let last = layers.popLast(), params.count == 1, let b = params[0] else { throw fail("does not add a bias initializer to a weight layer's output") }
                guard b.tensor.values.count == last.weight.n, !last.relu else { throw fail("adds a tensor of shape \(b.tensor.shape) that is not a bias of \(last.weight.n) outputs") }
                layers.append(last.adding(bias: b.tensor.values))
            default:
                guard params.count >= 1, params.count <= 2, let w = params[0] else { throw fail("needs a weight initializer and at most a bias initializer") }
                layers.append(try Self.layer(node, weight: w, bias: params.count == 2 ? params[1] : nil, fail: fail))
            }
            current = node.outputs[0]
        }
        guard !layers.isEmpty else { throw FormatError("\(model.source): the graph has no Gemm, MatMul or Conv layer") }
        self.layers = layers
    }

    private static func layer(_ node: ModelNode, weight w: ModelTensor, bias: ModelTensor?, fail: (String) -> FormatError) throws -> Layer {
        let attr = node.integers
        let matrix: WeightLayer, op: Layer.Op
        var strides: [Int] = [], pads: [Int] = [], dilations: [Int] = []
        switch node.opType {
        case "Gemm":
            guard attr["transA"]?.first ?? 0 == 0 else { throw fail("transposes its activation input (transA = 1)") }
            guard w.tensor.shape.count == 2 else { throw fail("has a weight of shape \(w.tensor.shape), not a matrix") }
            matrix = try WeightLayer(dense: w, layout: attr["transB"]?.first ?? 0 == 1 ? .outIn : .inOut)
            op = .gemm
        case "MatMul":
            guard w.tensor.shape.count == 2 else { throw fail("has a weight of shape \(w.tensor.shape), not a matrix") }
            guard node.inputs.first != w.name else { throw fail("multiplies the weight from the left") }
            matrix = try WeightLayer(dense: w, layout: .inOut)
            op = .matMul
        default:
            guard attr["group"]?.first ?? 1 == 1 else { throw fail("is a grouped convolution (group = \(attr["group"]![0])), which is not one GEMM") }
            matrix = try WeightLayer(convolution: w)
            let spatial = w.tensor.shape.count - 2
            strides = attr["strides"] ?? Array(repeating: 1, count: spatial)
            pads = attr["pads"] ?? Array(repeating: 0, count: 2 * spatial)
            dilations = attr["dilations"] ?? Array(repeating: 1, count: spatial)
            op = .conv
        }
        if let bias, bias.tensor.values.count != matrix.n { throw fail("has a bias of shape \(bias.tensor.shape) for \(matrix.n) outputs") }
        return Layer(node: node.label, op: op, weight: matrix, bias: bias?.tensor.values, relu: false,
                     strides: strides, pads: pads, dilations: dilations)
    }
}

extension SequentialGraph.Layer {
    func with(relu: Bool) -> Self {
        Self(node: node, op: op, weight: weight, bias: bias, relu: relu, strides: strides, pads: pads, dilations: dilations)
    }

    func adding(bias extra: [Double]) -> Self {
        let sum = bias.map { zip($0, extra).map(+) } ?? extra
        return Self(node: node, op: op, weight: weight, bias: sum, relu: relu, strides: strides, pads: pads, dilations: dilations)
    }
}
