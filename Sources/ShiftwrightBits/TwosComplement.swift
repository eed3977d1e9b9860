import BigInt

/// Two's-complement bit patterns of arbitrary-precision integers: the one place every layer
/// (DSL interpreter, simulator ports, golden model reports) converts between a value and the
/// bits a port of a given width and signedness carries.
extension BigInt {
    /// The two's-complement bit pattern of `self` in `width` bits, as a non-negative integer.
    public func pattern(width: Int) -> BigInt {
        let modulus = BigInt(1) << width
        let r = self % modulus
        return r < 0 ? r + modulus : r
    }

    /// Reads a `width`-bit pattern as a value of the given signedness.
    public static func fromPattern(_ pattern: BigInt, width: Int, signed: Bool) -> BigInt {
        guard signed, width > 0, pattern >= (BigInt(1) << (width - 1)) else { return pattern }
        return pattern - (BigInt(1) << width)
    }

    /// `self` brought into the range of a `width`-bit port of the given signedness by keeping
    /// its low bits (what a wire of that width holds).
    public func wrapped(width: Int, signed: Bool) -> BigInt {
        BigInt.fromPattern(pattern(width: width), width: width, signed: signed)
    }

    /// `0b…` with exactly `width` digits: the two's-complement pattern as reports print it.
    public func binaryPattern(width: Int) -> String {
        let digits = String(pattern(width: width), radix: 2)
        return "0b" + String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}

extension Int64 {
    /// The low `width` bits of `word` read as a `width`-bit value (sign-extended when `signed`).
    @inline(__always)
    public static func fromPattern(_ word: UInt64, width: Int, signed: Bool) -> Int64 {
        let shift = 64 - width
        return signed ? Int64(bitPattern: word << shift) >> shift : Int64(bitPattern: (word << shift) >> shift)
    }
}
