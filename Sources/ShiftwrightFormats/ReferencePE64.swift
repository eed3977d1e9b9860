import BigInt

/// `ReferencePE` for runs whose accumulator fits in Int64: the same clock rule and the same
/// products (from `unitValueIfSmall`), without allocation, for co-simulating millions of cycles.
/// Exists only when K accumulations of the largest product stay below 2^62.
public struct ReferencePE64: Sendable {
    @usableFromInline let activationValues: [Int64]
    @usableFromInline let weightValues: [Int64]
    @usableFromInline var state: Int64 = 0
    /// The accumulator after the last edge.
    public var accumulator: Int64 { state }

    /// nil when a unit value, a product, or K of them would not fit comfortably in Int64.
    public init?(activation: NumberFormat, weight: NumberFormat, maxAccumulations: Int) {
        guard activation.codeWidth <= 20, weight.codeWidth <= 20, maxAccumulations >= 1 else { return nil }
        var a: [Int64] = [], w: [Int64] = []
        for code in activation.allCodes {
            guard let v = activation.unitValueIfSmall(ofCode: code) else { return nil }
            a.append(v)
        }
        for code in weight.allCodes {
            guard let v = weight.unitValueIfSmall(ofCode: code) else { return nil }
            w.append(v)
        }
        let maxA = BigInt(a.map { $0.magnitude }.max() ?? 0), maxW = BigInt(w.map { $0.magnitude }.max() ?? 0)
        guard maxA * maxW * BigInt(maxAccumulations) < BigInt(1) << 62 else { return nil }
        activationValues = a
        weightValues = w
    }

    /// One clock edge; returns the accumulator after it. Inlinable: it is the golden side of the
    /// co-simulation hot loop, which lives in another module.
    @inlinable @inline(__always)
    public mutating func step(actCode: UInt64, weightCode: UInt64, enable: Bool, clear: Bool) -> Int64 {
        state = ReferencePE.clocked(state, enable: enable, clear: clear,
                                    product: activationValues[Int(actCode)] * weightValues[Int(weightCode)])
        return state
    }
}
