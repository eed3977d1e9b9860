/// One number format of docs/arithmetic.md §1 (`int8`, `afp-e3m2`, `ausn-b3s2`, `ausn-b3t2t2`, `pot-b4`, …):
/// what a code of that format means, independent of any per-tensor scale. Equality includes the
/// spelling (`pot-b4` and `ausn-b4s0` are the same arithmetic but different names); compare
/// `kind` to ask "same arithmetic?".
public struct NumberFormat: Hashable, Sendable, CustomStringConvertible {
    /// The family of a format and its field widths.
    public enum Kind: Sendable, Hashable {
        /// Two's-complement integer of `bits` bits.
        case int(bits: Int)
        /// Unsigned integer of `bits` bits.
        case uint(bits: Int)
        /// AFP (§3): optional sign, `exponentBits` exponent, `mantissaBits` mantissa.
        case afp(exponentBits: Int, mantissaBits: Int, signed: Bool)
        /// AUSN, mantissa reading (§4.2); `subdivisionBits` = 0 is power of two.
        case ausn(basicBits: Int, subdivisionBits: Int)
        /// AUSN, tier reading (§4.3), tiers listed most significant first.
        case ausnTiers(basicBits: Int, tierBits: [Int])
    }

    public let kind: Kind
    /// True when the name was spelled `pot-bB` (kind is `.ausn(basicBits: B, subdivisionBits: 0)`).
    let spelledPowerOfTwo: Bool

    /// Builds a format from its kind, checking the limits of docs/arithmetic.md §1.
    public init(_ kind: Kind) throws {
        try FormatName.validate(kind)
        self.kind = kind
        self.spelledPowerOfTwo = false
    }

    init(validated kind: Kind, spelledPowerOfTwo: Bool) {
        self.kind = kind
        self.spelledPowerOfTwo = spelledPowerOfTwo
    }

    /// Parses a name of docs/arithmetic.md §1; throws `FormatError` naming the problem or the violated limit.
    public init(parsing name: String) throws {
        self = try FormatName.parse(name)
    }

    /// The name of docs/arithmetic.md §1, exactly as parsed.
    public var name: String { FormatName.spell(self) }
    public var description: String { name }

    /// Total bits of a code, sign included.
    public var codeWidth: Int {
        switch kind {
        case .int(let n), .uint(let n): return n
        case .afp(let e, let m, let signed): return (signed ? 1 : 0) + e + m
        case .ausn(let b, let s): return 1 + b + s
        case .ausnTiers(let b, let tiers): return 1 + b + tiers.reduce(0, +)
        }
    }

    public var isSigned: Bool {
        switch kind {
        case .int, .ausn, .ausnTiers: return true
        case .uint: return false
        case .afp(_, _, let signed): return signed
        }
    }

    /// True for `intN` / `uintN`.
    public var isInteger: Bool {
        switch kind {
        case .int, .uint: return true
        default: return false
        }
    }

    /// True for every AUSN reading (mantissa, tiers, pot).
    public var isAUSN: Bool {
        switch kind {
        case .ausn, .ausnTiers: return true
        default: return false
        }
    }

    /// Number of codes, 2^codeWidth; every code in `allCodes` is a valid input of `unitValue`.
    public var codeCount: UInt64 { UInt64(1) << UInt64(codeWidth) }
    /// Every code of the format, 0 ..< 2^codeWidth (non-canonical codes included: they decode too).
    public var allCodes: Range<UInt64> { 0 ..< codeCount }
    /// Mask of the low `codeWidth` bits: `unitValue` reads only these.
    public var codeMask: UInt64 { codeCount &- 1 }
    /// The sign bit of a code (0 for unsigned formats).
    public var signBit: UInt64 { isSigned ? UInt64(1) << UInt64(codeWidth - 1) : 0 }
}
