import BigInt

/// An exact dyadic rational `significand · 2^exponent`: the only kind of number the golden model
/// computes with. Normalised (odd significand, or zero with exponent 0), so `==` is value equality.
public struct Dyadic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let significand: BigInt
    public let exponent: Int

    public init(_ significand: BigInt, exponent: Int = 0) {
        if significand.isZero {
            self.significand = 0
            self.exponent = 0
        } else {
            let tz = significand.magnitude.trailingZeroBitCount
            self.significand = significand >> tz
            self.exponent = exponent + tz
        }
    }

    public init(_ value: Int) { self.init(BigInt(value)) }

    public static let zero = Dyadic(0)

    /// The exact value of a finite Double (every finite Double is dyadic); nil for NaN and ±Inf.
    public init?(exactly x: Double) {
        guard x.isFinite else { return nil }
        if x == 0 { self.init(0); return }
        // x = ±significand · 2^exponent with significand in [1, 2), also for subnormals.
        let sig = Int64(x.significand * 0x1p52)
        self.init(BigInt(x.sign == .minus ? -sig : sig), exponent: Int(x.exponent) - 52)
    }

    public var isZero: Bool { significand.isZero }
    public var signum: Int { significand.isZero ? 0 : (significand.sign == .minus ? -1 : 1) }
    public var magnitude: Dyadic { Dyadic(BigInt(significand.magnitude), exponent: exponent) }

    /// Multiplies by 2^k exactly.
    public func shifted(by k: Int) -> Dyadic { isZero ? self : Dyadic(significand, exponent: exponent + k) }

    public static prefix func - (x: Dyadic) -> Dyadic { Dyadic(-x.significand, exponent: x.exponent) }

    public static func + (a: Dyadic, b: Dyadic) -> Dyadic {
        if a.isZero { return b }
        if b.isZero { return a }
        let e = min(a.exponent, b.exponent)
        return Dyadic((a.significand << (a.exponent - e)) + (b.significand << (b.exponent - e)), exponent: e)
    }

    public static func - (a: Dyadic, b: Dyadic) -> Dyadic { a + (-b) }

    public static func * (a: Dyadic, b: Dyadic) -> Dyadic {
        Dyadic(a.significand * b.significand, exponent: a.exponent + b.exponent)
    }

    public static func < (a: Dyadic, b: Dyadic) -> Bool { (a - b).signum < 0 }

    /// Nearest Double (exact whenever the value fits a Double's 53 bits and exponent range).
    public var doubleValue: Double {
        if isZero { return 0 }
        let mag = significand.magnitude
        let width = mag.bitWidth
        // Keep 64 leading bits; the rest only affects rounding below Double's precision.
        let drop = max(0, width - 64)
        let top = UInt64(mag >> drop)
        let sticky: UInt64 = drop > 0 && (mag & ((BigUInt(1) << drop) - 1)) != 0 ? 1 : 0
        let v = Double(sign: .plus, exponent: exponent + drop, significand: Double(top | sticky))
        return significand.sign == .minus ? -v : v
    }

    /// The value as an exact decimal string (a dyadic rational always has a finite expansion).
    public var description: String {
        if isZero { return "0" }
        let neg = significand.sign == .minus
        let mag = BigInt(significand.magnitude)
        var text: String
        if exponent >= 0 {
            text = String(mag << exponent)
        } else {
            let k = -exponent
            var digits = String(mag * BigInt(5).power(k))
            if digits.count <= k { digits = String(repeating: "0", count: k - digits.count + 1) + digits }
            let cut = digits.index(digits.endIndex, offsetBy: -k)
            text = digits[..<cut] + "." + digits[cut...]
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return neg ? "-" + text : text
    }
}
