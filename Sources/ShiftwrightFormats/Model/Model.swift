/// One named real tensor of a model file (an ONNX initializer, a `.safetensors` entry, an `.npz` member).
public struct ModelTensor: Sendable, Equatable {
    public let name: String
    /// Values in C (row-major) order.
    public let tensor: Tensor

    public init(name: String, tensor: Tensor) {
        self.name = name
        self.tensor = tensor.fortranOrder ? tensor.rowMajor() : tensor
    }
}

/// What a model file holds: its real tensors in file order and, for ONNX, the nodes of its graph
/// in file order (empty for tensor files). `weightLayers` reads every weight tensor as a GEMM
/// matrix; `sequentialGraph` reads the graph of a sequential network (docs/models.md).
public struct Model: Sendable {
    /// The file the model was read from (for messages).
    public let source: String
    public let tensors: [ModelTensor]
    public let nodes: [ModelNode]
    /// The graph's input names (ONNX), initializers excluded.
    public let graphInputs: [String]

    public init(source: String, tensors: [ModelTensor], nodes: [ModelNode] = [], graphInputs: [String] = []) {
        self.source = source
        self.tensors = tensors
        self.nodes = nodes
        self.graphInputs = graphInputs
    }

    /// The tensor called `name`, if the file holds one.
    public func tensor(named name: String) -> Tensor? { tensors.first { $0.name == name }?.tensor }

    /// Every weight tensor (rank ≥ 2) as a GEMM matrix, in file order; rank-0/1 tensors (biases,
    /// norms, scalars) are not layers. Without a graph a rank-2 tensor is read as [out, in]
    /// (`layout`), a rank ≥ 3 tensor as a convolution [out, in, kernel…] (im2col order).
    /// Throws when there is none, naming what the file holds.
    public func weightLayers(layout: MatrixLayout = .outIn) throws -> [WeightLayer] {
        let layers = try tensors.filter { $0.tensor.shape.count >= 2 }.map { t in
            try t.tensor.shape.count == 2 ? WeightLayer(dense: t, layout: layout) : WeightLayer(convolution: t)
        }
        guard !layers.isEmpty else {
            let held = tensors.isEmpty ? "no real tensors" : tensors.map { "\($0.name) \($0.tensor.shape)" }.joined(separator: ", ")
            throw FormatError("\(source): no weight tensors (rank 2 or more) to plan; the file holds \(held)")
        }
        return layers
    }
}

/// How a rank-2 weight tensor is laid out.
public enum MatrixLayout: String, Sendable, CaseIterable {
    /// [out, in]: PyTorch `nn.Linear`, ONNX `Gemm` with transB = 1. The GEMM matrix is its transpose.
    case outIn = "out-in"
    /// [in, out]: ONNX `MatMul`'s B, `Gemm` with transB = 0, NumPy `x @ W`. The GEMM matrix as stored.
    case inOut = "in-out"
}

/// A weight tensor seen as the K×N weight matrix W of `Y = X · W` (docs/arithmetic.md §6.4):
/// K = input features, N = output features (columns of the array). A convolution weight
/// [out, in, k1, k2, …] is the im2col matrix: row k = ((c · k1 + i1) · k2 + i2) …, the input
/// channel outermost and the kernel positions in row-major order inside it; column n = output channel.
public struct WeightLayer: Sendable, Equatable {
    /// How the stored tensor became the matrix.
    public enum Origin: Sendable, Equatable {
        case dense(MatrixLayout)
        /// Kernel extent per spatial dimension.
        case convolution(kernel: [Int])
    }

    public let name: String
    /// The tensor's shape as stored.
    public let shape: [Int]
    public let origin: Origin
    public let k: Int
    public let n: Int
    /// Row-major K×N: W[k][n] = matrix[k · n + n].
    public let matrix: [Double]

    /// A rank-2 tensor in `layout`.
    public init(dense t: ModelTensor, layout: MatrixLayout) throws {
        let s = t.tensor.shape
        guard s.count == 2 else { throw FormatError("tensor '\(t.name)' has shape \(s), not a matrix") }
        switch layout {
        case .outIn: try self.init(name: t.name, shape: s, origin: .dense(layout), outFirst: t.tensor.values, n: s[0], k: s[1])
        case .inOut: try self.init(name: t.name, shape: s, origin: .dense(layout), rowMajor: t.tensor.values, k: s[0], n: s[1])
        }
    }

    /// A convolution weight [out, in, kernel…] as its im2col matrix (K = in · ∏kernel, N = out).
    public init(convolution t: ModelTensor) throws {
        let s = t.tensor.shape
        guard s.count >= 3 else { throw FormatError("tensor '\(t.name)' has shape \(s), not a convolution weight [out, in, kernel…]") }
        var k = 1
        for d in s.dropFirst() {
            let (p, overflow) = k.multipliedReportingOverflow(by: d)
            guard !overflow else { throw FormatError("tensor '\(t.name)': shape \(s) is too large") }
            k = p
        }
        try self.init(name: t.name, shape: s, origin: .convolution(kernel: Array(s.dropFirst(2))), outFirst: t.tensor.values, n: s[0], k: k)
    }

    /// From values stored [N, K] (output first): the matrix is the transpose.
    private init(name: String, shape: [Int], origin: Origin, outFirst values: [Double], n: Int, k: Int) throws {
        try Self.checkNonEmpty(name, shape, k: k, n: n)
        var m = [Double](repeating: 0, count: values.count)
        for o in 0..<n { for i in 0..<k { m[i * n + o] = values[o * k + i] } }
        (self.name, self.shape, self.origin, self.k, self.n, self.matrix) = (name, shape, origin, k, n, m)
    }

    private init(name: String, shape: [Int], origin: Origin, rowMajor values: [Double], k: Int, n: Int) throws {
        try Self.checkNonEmpty(name, shape, k: k, n: n)
        (self.name, self.shape, self.origin, self.k, self.n, self.matrix) = (name, shape, origin, k, n, values)
    }

    private static func checkNonEmpty(_ name: String, _ shape: [Int], k: Int, n: Int) throws {
        guard k > 0, n > 0 else { throw FormatError("tensor '\(name)' has shape \(shape): an empty weight matrix (K = \(k), N = \(n))") }
    }

    /// Throws, naming the layer and the first offending position, when a weight is NaN or ±Inf.
    public func checkFinite() throws {
        if let i = matrix.firstIndex(where: { !$0.isFinite }) {
            throw FormatError("layer '\(name)': weight W[\(i / n)][\(i % n)] is \(matrix[i]); only finite weights can be quantized")
        }
    }
}

extension Tensor {
    /// The same tensor with its values in C (row-major) order.
    public func rowMajor() -> Tensor {
        guard fortranOrder, shape.count >= 2 else { return Tensor(shape: shape, values: values) }
        var out = [Double](repeating: 0, count: values.count)
        var index = [Int](repeating: 0, count: shape.count)
        for c in 0..<values.count {
            // c walks C order; the Fortran offset of the same multi-index has the first axis fastest.
            var f = 0, stride = 1
            for axis in 0..<shape.count { f += index[axis] * stride; stride *= shape[axis] }
            out[c] = values[f]
            var axis = shape.count - 1
            while axis >= 0 { index[axis] += 1; if index[axis] < shape[axis] { break }; index[axis] = 0; axis -= 1 }
        }
        return Tensor(shape: shape, values: out)
    }
}
