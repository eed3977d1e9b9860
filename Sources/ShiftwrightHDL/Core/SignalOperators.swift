import BigInt

// Pointwise comparison operators, spelled like Swift's SIMD comparisons (`.==`, `.<`, …): they
// return a 1-bit Signal, never a Bool, so `x .< limit` reads like the math and cannot be confused
// with comparing the handles. Operands compare as numbers (any widths, mixed signedness promoted
// losslessly), exactly like `eq`/`lt`/…. A constant on either side takes the narrowest type.
//
// Precedence is Swift's: `.==` binds tighter than `&&`/`||` but looser than `&`/`|`, so combine
// comparisons with `&&`/`||` (below), or parenthesize: `(a .== 1) & b`.
extension Signal {
    /// 1 when `a == b` as numbers.
    public static func .== (a: Signal, b: Signal) -> Signal { a.compare(.eq, b, nil) }
    /// 1 when `a != b` as numbers.
    public static func .!= (a: Signal, b: Signal) -> Signal { a.compare(.ne, b, nil) }
    /// 1 when `a < b` as numbers.
    public static func .< (a: Signal, b: Signal) -> Signal { a.compare(.lt, b, nil) }
    /// 1 when `a <= b` as numbers.
    public static func .<= (a: Signal, b: Signal) -> Signal { a.compare(.le, b, nil) }
    /// 1 when `a > b` as numbers.
    public static func .> (a: Signal, b: Signal) -> Signal { a.compare(.gt, b, nil) }
    /// 1 when `a >= b` as numbers.
    public static func .>= (a: Signal, b: Signal) -> Signal { a.compare(.ge, b, nil) }

    /// `value` as a constant of this signal's module: the narrowest type, signed when the value
    /// is negative or the signal is signed (so no promotion is needed).
    func literal(_ value: BigInt) -> Signal { builder.constant(value, signed: value < 0 || isSigned) }

    /// 1 when the signal equals the constant.
    public static func .== (a: Signal, b: BigInt) -> Signal { a .== a.literal(b) }
    /// 1 when the signal differs from the constant.
    public static func .!= (a: Signal, b: BigInt) -> Signal { a .!= a.literal(b) }
    /// 1 when the signal is below the constant.
    public static func .< (a: Signal, b: BigInt) -> Signal { a .< a.literal(b) }
    /// 1 when the signal is at most the constant.
    public static func .<= (a: Signal, b: BigInt) -> Signal { a .<= a.literal(b) }
    /// 1 when the signal is above the constant.
    public static func .> (a: Signal, b: BigInt) -> Signal { a .> a.literal(b) }
    /// 1 when the signal is at least the constant.
    public static func .>= (a: Signal, b: BigInt) -> Signal { a .>= a.literal(b) }

    /// 1 when the constant equals the signal.
    public static func .== (a: BigInt, b: Signal) -> Signal { b.literal(a) .== b }
    /// 1 when the constant differs from the signal.
    public static func .!= (a: BigInt, b: Signal) -> Signal { b.literal(a) .!= b }
    /// 1 when the constant is below the signal.
    public static func .< (a: BigInt, b: Signal) -> Signal { b.literal(a) .< b }
    /// 1 when the constant is at most the signal.
    public static func .<= (a: BigInt, b: Signal) -> Signal { b.literal(a) .<= b }
    /// 1 when the constant is above the signal.
    public static func .> (a: BigInt, b: Signal) -> Signal { b.literal(a) .> b }
    /// 1 when the constant is at least the signal.
    public static func .>= (a: BigInt, b: Signal) -> Signal { b.literal(a) .>= b }

    // MARK: logic on 1-bit signals

    /// A 1-bit operand of a logic operator, or a placeholder saying why it is not one.
    static func logic(_ a: Signal, _ what: String) -> Signal? {
        a.width == 1 ? nil
            : a.builder.poison(.bit, "operand of '\(what)' must be 1 bit wide, got \(a.type); compare it or reduce it first")
    }

    /// Logical AND of two 1-bit signals (the bitwise `&`, at the precedence of `&&`, so
    /// `x .> 0 && y .< 4` needs no parentheses). Both sides are always built: this is hardware.
    public static func && (a: Signal, b: Signal) -> Signal { logic(a, "&&") ?? logic(b, "&&") ?? (a & b) }
    /// Logical OR of two 1-bit signals (the bitwise `|`, at the precedence of `||`).
    public static func || (a: Signal, b: Signal) -> Signal { logic(a, "||") ?? logic(b, "||") ?? (a | b) }
    /// Logical NOT of a 1-bit signal (the bitwise `~`).
    public static prefix func ! (a: Signal) -> Signal { logic(a, "!") ?? ~a }
}
