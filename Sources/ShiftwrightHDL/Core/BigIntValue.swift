@_exported import BigInt

/// Arbitrary-precision integers for constants and simulation values (widths go up to 1024 bits).
public typealias BigIntValue = BigInt

extension BigInt {
    /// The two's-complement bit pattern of `self` in `width` bits, as a non-negative integer.
    func pattern(width: Int) -> BigInt {
        let modulus = BigInt(1) << width
        let r = self % modulus
        return r < 0 ? r + modulus : r
    }

    /// Reads a `width`-bit pattern as a value of the given signedness.
    static func fromPattern(_ pattern: BigInt, width: Int, signed: Bool) -> BigInt {
        guard signed, width > 0, pattern >= (BigInt(1) << (width - 1)) else { return pattern }
        return pattern - (BigInt(1) << width)
    }
}
