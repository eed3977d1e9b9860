import BigInt

/// docs/arithmetic.md §6.1: cycle-level reference of one processing element (no pipeline). On each clock edge:
/// if clear { acc = enable ? p : 0 } else if enable { acc += p } else hold, with
/// p = act.unitValue(actCode) · weight.unitValue(weightCode), an exact integer relative to the
/// product of the two scales. The accumulator is unbounded (the hardware sizes it not to overflow).
public struct ReferencePE: Sendable {
    public let activation: NumberFormat
    public let weight: NumberFormat
    public private(set) var accumulator: BigInt = 0

    public init(activation: NumberFormat, weight: NumberFormat) {
        self.activation = activation
        self.weight = weight
    }

    /// The exact product of two codes in units of (activation unit · weight unit).
    public static func product(_ a: UInt64, _ w: UInt64, activation: NumberFormat, weight: NumberFormat) -> BigInt {
        if let x = activation.unitValueIfSmall(ofCode: a), let y = weight.unitValueIfSmall(ofCode: w) {
            let (p, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return BigInt(p) }
        }
        return activation.unitValue(ofCode: a) * weight.unitValue(ofCode: w)
    }

    /// One clock edge; returns the accumulator after it.
    @discardableResult
    public mutating func step(actCode: UInt64, weightCode: UInt64, enable: Bool, clear: Bool) -> BigInt {
        accumulator = Self.clocked(accumulator, enable: enable, clear: clear,
                                   product: Self.product(actCode, weightCode, activation: activation, weight: weight))
        return accumulator
    }

    /// The clock rule of §6.1, shared by every reference PE: the accumulator after one edge.
    /// Inlinable, so the co-simulation checkers' hot loops (another module) inline it.
    @usableFromInline @inlinable
    static func clocked<T: AdditiveArithmetic>(_ accumulator: T, enable: Bool, clear: Bool, product: @autoclosure () -> T) -> T {
        if clear { return enable ? product() : .zero }
        return enable ? accumulator + product() : accumulator
    }
}
