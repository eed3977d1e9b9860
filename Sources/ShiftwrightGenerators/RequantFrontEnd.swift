import ShiftwrightHDL
import ShiftwrightFormats

/// The accumulator as every target family reads it: sign, magnitude and the position of the
/// magnitude's leading one, plus that position in the target's units (the value's exponent).
struct RequantFrontEnd {
    /// acc < 0.
    let negative: Signal
    /// |acc| as UInt<accumulatorWidth> (|−2^(W−1)| = 2^(W−1) fits).
    let magnitude: Signal
    /// |acc| ≠ 0.
    let nonzero: Signal
    /// Bit index L of the leading one of |acc| (0 when |acc| = 0).
    let leadingOne: Signal
    /// The run-time shift, signed.
    let shift: Signal
    /// p = L + shift: |acc| · 2^shift lies in [2^p, 2^(p+1)) target units (signed).
    let exponent: Signal

    init(_ m: ModuleBuilder, acc: Signal, shift: Signal) {
        let width = acc.width
        negative = acc.msb.named("negative")
        magnitude = m.negate(acc, when: negative).truncated(to: width).asUnsigned().named("magnitude")
        let (found, index) = m.leadingOne(magnitude)
        nonzero = found.named("nonzero")
        leadingOne = index.named("lead_pos")
        self.shift = shift
        exponent = (index + shift).named("lead_exp")
    }
}

/// The round-to-nearest decision shared by every family (§3.3, §4.5): go to the next grid point
/// above the truncated one when the remainder is over half a step, or exactly half with
/// `ties: even` and an odd truncated code (for every family here the next code is then even;
/// a tie between zero and the smallest value keeps zero because code 0 is even).
enum RequantRounding {
    static func roundUp(_ m: ModuleBuilder, _ split: RoundingSplit, floorOdd: Signal, ties: TieRule) -> Signal {
        switch ties {
        case .even: return (split.round & (split.sticky | floorOdd)).named("round_up")
        case .smaller: return (split.round & split.sticky).named("round_up")
        }
    }

    /// `signal` narrowed, or extended by its signedness, to `width` bits (for values known to fit).
    static func resized(_ signal: Signal, to width: Int) -> Signal {
        signal.width >= width ? signal.truncated(to: width) : signal.extended(to: width)
    }

    /// Smallest unsigned width holding `value` (≥ 1).
    static func bits(_ value: Int) -> Int { HWType.minimal(for: BigInt(max(value, 1)), signed: false).width }
}
