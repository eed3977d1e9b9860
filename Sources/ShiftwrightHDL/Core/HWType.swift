import BigInt

/// The type of a hardware signal: a bit width and whether its bits are read as two's complement.
public struct HWType: Hashable, Sendable, CustomStringConvertible {
    /// Widths a signal may have. Wider designs are almost always a generator bug.
    public static let widthRange = 1...1024

    public let width: Int
    public let isSigned: Bool

    public init(width: Int, signed: Bool) {
        self.width = width
        self.isSigned = signed
    }

    public static func unsigned(_ width: Int) -> HWType { HWType(width: width, signed: false) }
    public static func signed(_ width: Int) -> HWType { HWType(width: width, signed: true) }
    public static let bit = HWType.unsigned(1)

    /// `UInt<8>` / `SInt<8>`, the spelling used in every diagnostic.
    public var description: String { "\(isSigned ? "SInt" : "UInt")<\(width)>" }

    /// Smallest value representable.
    public var minValue: BigInt { isSigned ? -(BigInt(1) << (width - 1)) : 0 }
    /// Largest value representable.
    public var maxValue: BigInt { isSigned ? (BigInt(1) << (width - 1)) - 1 : (BigInt(1) << width) - 1 }

    /// Whether `value` fits this type without loss.
    public func contains(_ value: BigInt) -> Bool { value >= minValue && value <= maxValue }

    /// The narrowest type of the given signedness that holds `value`.
    public static func minimal(for value: BigInt, signed: Bool) -> HWType {
        var width = 1
        while !HWType(width: width, signed: signed).contains(value) { width += 1 }
        return HWType(width: width, signed: signed)
    }
}
