import BigInt

/// Enumerating a format's value set and quantizing whole tensors at a given scale.
extension NumberFormat {
    /// Every representable value at `scale` with its canonical code, ascending (negatives first,
    /// one zero). Integer formats list every code (up to 24 bits; wider ones throw).
    public func members(scale: Int) throws -> [(code: UInt64, value: Dyadic)] {
        if isInteger {
            guard codeWidth <= 24 else { throw FormatError("\(name): value set too large to enumerate (2^\(codeWidth) codes)") }
            return allCodes.map { ($0, decode($0, scale: scale)) }.sorted { $0.value < $1.value }
        }
        let table = MagnitudeTable.of(self)
        let unitExp = unitExponent(scale: scale)
        let positives = zip(table.codes, table.units).map { (code: $0.0, value: Dyadic($0.1, exponent: unitExp)) }
        let negatives = isSigned ? positives.dropFirst().reversed().map { (code: $0.code | signBit, value: -$0.value) } : []
        return negatives + positives
    }

    /// Quantizes a tensor to codes at `scale` (exactly as `quantize(_:scale:ties:greedy:)` per
    /// value, through the fast path). Throws for an empty tensor or NaN / ±Inf.
    public func quantize(tensor values: [Double], scale: Int, ties: TieRule = .even, greedy: Bool = false) throws -> [UInt64] {
        _ = try TensorRange(of: values)
        return TensorQuantizer(format: self, scale: scale, ties: ties, greedy: greedy).quantize(values).map { UInt64($0) }
    }
}

/// A requantizer bound to one target format and tie rule, for hot loops (co-simulation): the
/// same results as `Requantizer.requantize`, without the per-call table lookup.
public struct PreparedRequantizer: Sendable {
    public let target: NumberFormat
    public let ties: TieRule
    private let table: MagnitudeTable?

    public init(target: NumberFormat, ties: TieRule = .even) {
        self.target = target
        self.ties = ties
        table = target.isInteger ? nil : MagnitudeTable.of(target)
    }

    public func requantize(_ acc: Int64, shift: Int) -> UInt64 {
        if let table, let i = Rounding.index(acc, shift: shift, table: table, ties: ties, greedy: false) {
            return Requantizer.signed(table.codes[i], negative: acc < 0, format: target)
        }
        return Requantizer.requantize(acc, shift: shift, to: target, ties: ties)
    }

    public func requantize(_ acc: BigInt, shift: Int) -> UInt64 {
        Requantizer.requantize(acc, shift: shift, to: target, ties: ties)
    }
}
