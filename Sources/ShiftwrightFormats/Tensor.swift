/// A real tensor as read from or written to a `.npy` file: values in file order (C or Fortran,
/// as `fortranOrder` says) and the shape. Element-wise quantization keeps the order.
public struct Tensor: Sendable, Equatable {
    public var shape: [Int]
    public var fortranOrder: Bool
    public var values: [Double]

    public init(shape: [Int], fortranOrder: Bool = false, values: [Double]) {
        self.shape = shape
        self.fortranOrder = fortranOrder
        self.values = values
    }

    public init(_ values: [Double]) { self.init(shape: [values.count], values: values) }
}

/// Range facts of a tensor, found in one pass that also rejects what cannot be quantized.
public struct TensorRange: Sendable, Equatable {
    /// max |x|.
    public let maxMagnitude: Double
    /// max(x, 0): what unsigned formats scale to.
    public let maxPositive: Double
    public let count: Int

    /// Throws for an empty tensor and for NaN / ±Inf (naming the first offending index).
    public init<C: Collection>(of values: C) throws where C.Element == Double {
        guard !values.isEmpty else { throw FormatError("the tensor is empty: nothing to quantize") }
        var mx = 0.0, mp = 0.0
        for (i, x) in values.enumerated() {
            guard x.isFinite else { throw FormatError("the tensor contains \(x) at flat index \(i): only finite values can be quantized") }
            mx = Swift.max(mx, Swift.abs(x))
            mp = Swift.max(mp, x)
        }
        maxMagnitude = mx
        maxPositive = mp
        count = values.count
    }
}
