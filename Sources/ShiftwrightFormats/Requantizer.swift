import BigInt

/// docs/arithmetic.md §6.2: the code of `target` nearest to acc · 2^shift, the target's value measured in its
/// units (`unitValue`). Ties per `ties` (§3.3 for AFP/int, §4.5 for AUSN); saturates to the largest
/// magnitude; flushes to zero; uint/uafp clamp negatives to 0; zero is always the canonical code
/// (AFP: sign 0; AUSN: all-zero). intN targets use the full two's-complement range
/// [−2^(N−1), 2^(N−1)−1], because every intN code is a valid hardware operand. For the AUSN tier
/// reading only canonical codes are produced (fields after a zero tier are zero).
public enum Requantizer {
    public static func requantize(_ acc: BigInt, shift: Int, to target: NumberFormat, ties: TieRule = .even) -> UInt64 {
        round(acc, shift: shift, to: target, ties: ties, greedy: false)
    }

    /// Same results as the BigInt version; allocation-free for formats whose units fit Int64.
    public static func requantize(_ acc: Int64, shift: Int, to target: NumberFormat, ties: TieRule = .even) -> UInt64 {
        if !target.isInteger, acc != Int64.min {
            let table = MagnitudeTable.of(target)
            if let i = Rounding.index(acc, shift: shift, table: table, ties: ties, greedy: false) {
                return signed(table.codes[i], negative: acc < 0, format: target)
            }
        }
        if target.isInteger, let code = integerFast(acc, shift: shift, target: target, ties: ties) { return code }
        return requantize(BigInt(acc), shift: shift, to: target, ties: ties)
    }

    /// Shared exact path: nearest (or, with `greedy`, AUSN truncation) onto the target's grid.
    static func round(_ acc: BigInt, shift: Int, to target: NumberFormat, ties: TieRule, greedy: Bool) -> UInt64 {
        switch target.kind {
        case .int(let n):
            let r = Rounding.roundToInteger(acc, shift: shift, ties: ties, limit: n)
            let lo = -(BigInt(1) << (n - 1)), hi = (BigInt(1) << (n - 1)) - 1
            let v = Int64(min(max(r, lo), hi))
            return UInt64(bitPattern: v) & target.codeMask
        case .uint(let n):
            let r = Rounding.roundToInteger(acc, shift: shift, ties: ties, limit: n)
            return UInt64(min(max(r, 0), (BigInt(1) << n) - 1))
        default:
            let table = MagnitudeTable.of(target)
            let i = Rounding.index(BigInt(acc.magnitude), shift: shift, table: table, ties: ties, greedy: greedy)
            return signed(table.codes[i], negative: acc.sign == .minus, format: target)
        }
    }

    /// Applies the sign to a magnitude code: zero stays canonical, unsigned formats clamp to 0.
    static func signed(_ magnitudeCode: UInt64, negative: Bool, format: NumberFormat) -> UInt64 {
        if !negative || magnitudeCode == 0 { return magnitudeCode }
        return format.isSigned ? magnitudeCode | format.signBit : 0
    }

    /// Integer targets without BigInt when acc · 2^shift is comfortably inside Int64.
    private static func integerFast(_ acc: Int64, shift: Int, target: NumberFormat, ties: TieRule) -> UInt64? {
        guard acc != Int64.min, shift > -63 else { return nil }
        let a = acc.magnitude
        if shift > 0 && (64 - a.leadingZeroBitCount) + shift > 62 { return nil }
        let k = UInt64(max(0, -shift))
        var r = shift > 0 ? a << UInt64(shift) : a >> k
        if k > 0 {
            let rem = a & ((1 << k) - 1), half = UInt64(1) << (k - 1)
            if rem > half || (rem == half && ties == .even && r & 1 == 1) { r += 1 }
        }
        let v = acc < 0 ? -Int64(r) : Int64(r)
        switch target.kind {
        case .int(let n):
            let lo = -(Int64(1) << Int64(n - 1)), hi = (Int64(1) << Int64(n - 1)) - 1
            return UInt64(bitPattern: min(max(v, lo), hi)) & target.codeMask
        case .uint(let n):
            return UInt64(min(max(v, 0), (Int64(1) << Int64(n)) - 1))
        default:
            return nil
        }
    }
}

/// Exact quantization of single values at a power-of-two scale (AFP bias, AUSN top).
extension NumberFormat {
    /// The code nearest to the exact `value` at `scale` (§3.3, §4.5), or with `greedy` the AUSN
    /// Algorithm 1 truncation. Integer formats read `scale` as a power-of-two step 2^scale.
    public func quantize(_ value: Dyadic, scale: Int, ties: TieRule = .even, greedy: Bool = false) -> UInt64 {
        let unitExp = valueExponent(scale: scale)
        return Requantizer.round(value.significand, shift: value.exponent - unitExp, to: self, ties: ties, greedy: greedy && isAUSN)
    }

    /// Same for a Double; throws for NaN and ±Inf.
    public func quantize(_ x: Double, scale: Int, ties: TieRule = .even, greedy: Bool = false) throws -> UInt64 {
        guard let d = Dyadic(exactly: x) else { throw FormatError("cannot quantize \(x): not a finite number") }
        return quantize(d, scale: scale, ties: ties, greedy: greedy)
    }

    /// The code whose value is exactly `value` at `scale`, or nil when `value` is not representable.
    public func encode(_ value: Dyadic, scale: Int) -> UInt64? {
        let code = quantize(value, scale: scale)
        return decode(code, scale: scale) == value ? code : nil
    }
}
