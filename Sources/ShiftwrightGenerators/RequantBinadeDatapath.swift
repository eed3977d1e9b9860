import ShiftwrightHDL
import ShiftwrightFormats

/// AFP and AUSN mantissa-reading targets, both a grid of binades: binade e ∈ 0...maxExponent
/// holds (2^P + k) · 2^e units, k < 2^P. Below binade 0, AFP has subnormals (steps of one unit,
/// codes 0..<2^P) and AUSN only zero and its smallest value 2^P.
///
/// Hardware: the leading-one exponent p = L + shift picks the binade e = p − P (or the region
/// below); one rounding cut of |acc| at bit e − shift keeps the P+1-bit significand t with its
/// round and sticky bits; t + round-up is added onto e·2^P, so a significand overflow carries
/// into the exponent; saturation when p is past the top binade or the carry leaves it.
enum RequantBinadeDatapath {
    struct Grid {
        /// P: mantissa (AFP) or subdivision (AUSN) bits.
        let fractionBits: Int
        /// The top binade; −1 when there is none (AFP with E = 0: fixed point, subnormals only).
        let maxExponent: Int
        /// AFP subnormals below binade 0 (else AUSN: zero or the smallest value).
        let subnormals: Bool
    }

    /// AFP (E, M): binades f − 1 for f = 1...2^E − 1; the magnitude code f·2^M + m is the grid index.
    static func afpMagnitude(_ m: ModuleBuilder, _ input: RequantFrontEnd, exponentBits e: Int, mantissaBits p: Int,
                             ties: TieRule) -> Signal {
        let grid = Grid(fractionBits: p, maxExponent: (1 << e) - 2, subnormals: true)
        let (index, saturated) = roundedIndex(m, input, grid, ties: ties) { t, _ in t[0] }
        let width = e + p
        let maxCode = BigInt((1 << width) - 1)
        let overflow = (saturated | index.gt(maxCode)).named("saturate")
        return m.mux(overflow, m.constant(maxCode, .unsigned(width)), RequantRounding.resized(index, to: width)).named("magnitude_code")
    }

    /// AUSN (B, S): binade e has basic field a = 2^B − 1 − e, subdivision k.
    static func ausnMagnitude(_ m: ModuleBuilder, _ input: RequantFrontEnd, basicBits b: Int, subdivisionBits s: Int,
                              ties: TieRule) -> Signal {
        let grid = Grid(fractionBits: s, maxExponent: (1 << b) - 2, subnormals: false)
        // The truncated code's LSB: k's LSB, or for S = 0 the LSB of a = ~e (t = 0 below binade 0,
        // where the truncated code is zero).
        let (index, saturated) = roundedIndex(m, input, grid, ties: ties) { t, e in
            s > 0 ? t[0] : (t[0] & ~e[0])
        }
        // index = (e + 1)·2^S + k after rounding, or 0 for zero.
        let binadePlusOne = (s > 0 ? index[index.width - 1, s] : index).named("binade_plus_one")
        let overflow = (saturated | binadePlusOne.ge(BigInt(1 << b))).named("saturate")
        let basic = (m.constant(BigInt(1 << b), .unsigned(b + 1)) - binadePlusOne).truncated(to: b).asUnsigned()
        let fields = s > 0 ? m.concat(basic, index[s - 1, 0]) : basic
        let maxCode = BigInt((1 << (s + 1)) - 1)  // a = 1, k all ones
        let zero = index.isZero.named("round_to_zero")
        let width = b + s
        let regular = m.mux(zero, m.constant(0, .unsigned(width)), fields)
        return m.mux(overflow, m.constant(maxCode, .unsigned(width)), regular).named("magnitude_code")
    }

    /// The rounded grid index e·2^P + t + up (or, below binade 0 without subnormals, up·2^P) and
    /// a flag for values past the top binade. `floorOdd(t, e)` gives the LSB of the truncated code
    /// from the significand t and the binade e.
    static func roundedIndex(_ m: ModuleBuilder, _ input: RequantFrontEnd, _ grid: Grid, ties: TieRule,
                             floorOdd: (Signal, Signal) -> Signal) -> (index: Signal, saturated: Signal) {
        let p = grid.fractionBits
        let exponent = input.exponent
        let saturated = (input.nonzero & exponent.gt(BigInt(p + grid.maxExponent))).named("past_top")
        // Zero takes the below-binade path, where the truncated value is 0 and nothing rounds up.
        let normal = (input.nonzero & exponent.ge(BigInt(p))).named("normal")
        let binadeWidth = RequantRounding.bits(grid.maxExponent + 1)
        let binadeRaw = RequantRounding.resized(exponent - BigInt(p), to: binadeWidth).asUnsigned()
        let binade = m.mux(normal, binadeRaw, m.constant(0, .unsigned(binadeWidth))).named("binade")
        // The cut: bit L − P of |acc| in a binade, else the fixed step below binade 0.
        let belowStep = grid.subnormals ? 0 : p
        let inBinade = (input.leadingOne - BigInt(p))
        let below = (m.constant(BigInt(belowStep), .signed(RequantRounding.bits(belowStep) + 1)) - input.shift)
        let cutWidth = max(inBinade.width, below.width)
        let cut = m.mux(normal, inBinade.extended(to: cutWidth), below.extended(to: cutWidth)).named("cut_pos")
        let split = m.roundingSplit(input.magnitude, at: cut, maxLeftShift: p, quotientWidth: p + 1, name: "cut")
        let significand = split.quotient.named("significand")
        let up = RequantRounding.roundUp(m, split, floorOdd: floorOdd(significand, binade), ties: ties)
        let rounded = (significand + up).named("significand_rounded")
        let index: Signal
        if grid.subnormals {
            index = (binade << p) + rounded
        } else {
            let lifted = (binade << p) + rounded
            // Below binade 0 the truncated value is 0: rounding up gives the smallest value 2^P.
            let flushed = (up << p).extended(to: lifted.width)
            index = m.mux(normal, lifted, flushed)
        }
        return (index.named("grid_index"), saturated)
    }
}
