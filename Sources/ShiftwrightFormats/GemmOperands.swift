/// Turns real-valued matrices (weights from `.npy` / `.safetensors`, activations) into GEMM
/// operand codes with the golden quantizers (docs/arithmetic.md §1, §3.2–2.3, §4.4–3.5).
public enum GemmOperands {
    /// A quantized matrix: `rows`×`cols` codes, row-major, and the quantizer that produced them.
    public struct Quantized: Sendable {
        public let codes: [UInt64]
        public let rows: Int
        public let cols: Int
        public let quantizer: TensorQuantizer
    }

    /// Reads `tensor` as a matrix: 1-D as a column (K×1), 2-D as is, higher ranks as
    /// shape[0] × (the rest); `transpose` swaps the two (PyTorch `Linear` weights are N×K).
    public static func matrix(_ tensor: Tensor, transpose: Bool = false) throws -> (values: [Double], rows: Int, cols: Int) {
        guard !tensor.shape.isEmpty, tensor.shape.allSatisfy({ $0 >= 1 }) else {
            throw FormatError("a GEMM operand needs a non-empty tensor of rank >= 1, got shape \(tensor.shape)")
        }
        var rows = tensor.shape[0], cols = tensor.shape.dropFirst().reduce(1, *)
        var values = tensor.values
        if tensor.fortranOrder && tensor.shape.count >= 2 {
            // Column-major storage: element (i, j) sits at i + j·rows.
            values = (0..<(rows * cols)).map { tensor.values[($0 / cols) + ($0 % cols) * rows] }
        }
        if transpose {
            values = (0..<(rows * cols)).map { values[($0 % rows) * cols + $0 / rows] }
            swap(&rows, &cols)
        }
        return (values, rows, cols)
    }

    /// Quantizes a matrix to `format` with the scale `rule` picks for it (integers: the §1
    /// symmetric step). Throws for NaN or ±Inf.
    public static func quantize(_ values: [Double], rows: Int, cols: Int, format: NumberFormat, rule: ScaleRule,
                                ties: TieRule = .even) throws -> Quantized {
        let range = try TensorRange(of: values)
        let q: TensorQuantizer
        if format.isInteger {
            q = TensorQuantizer(format: format, integerStep: TensorQuantizer.integerStep(format: format, range: range), ties: ties)
        } else {
            q = TensorQuantizer(format: format, scale: ScaleChoice.choose(rule, format: format, values: values, range: range, ties: ties), ties: ties)
        }
        return Quantized(codes: q.quantize(values).map { UInt64($0) }, rows: rows, cols: cols, quantizer: q)
    }
}
