import BigInt

/// Decoding codes to exact values (docs/arithmetic.md §3.1, §4.2, §4.3, §6.1): every value of a format is an
/// integer "unit value" times the format's unit 2^unitExponent(scale).
extension NumberFormat {
    /// Exact integer value of `code` (only its low `codeWidth` bits are read) in units of the
    /// format's smallest step:
    ///  int/uint: the integer itself (int codes are two's complement);
    ///  AFP: (-1)^s · σ · 2^(f*−1), σ = [f≠0]·2^M + m, f* = max(f,1);
    ///  AUSN mantissa: (-1)^s · (2^S + k) · 2^(2^B−1−a), 0 when a = 0;
    ///  AUSN tiers: (-1)^s · Σ terms, the smallest possible term being 1; 0 when a = 0.
    public func unitValue(ofCode code: UInt64) -> BigInt {
        if let small = unitValueIfSmall(ofCode: code) { return BigInt(small) }
        let c = code & codeMask
        let negative = isSigned && (c & signBit) != 0
        var magnitude = BigInt(0)
        switch kind {
        case .int, .uint:
            break // always small
        case .afp(_, let m, _):
            let (sigma, shift) = afpFields(c, mantissaBits: m)
            magnitude = BigInt(sigma) << shift
        case .ausn(let b, let s):
            let a = Int((c >> UInt64(s)) & ((1 << UInt64(b)) - 1))
            if a != 0 { magnitude = BigInt((1 << UInt64(s)) + (c & ((1 << UInt64(s)) - 1))) << ((1 << b) - 1 - a) }
        case .ausnTiers:
            for e in tierTermExponents(c) { magnitude += BigInt(1) << e }
        }
        return negative ? -magnitude : magnitude
    }

    /// Same as `unitValue(ofCode:)`, allocation-free; nil when the value does not fit Int64.
    public func unitValueIfSmall(ofCode code: UInt64) -> Int64? {
        let c = code & codeMask
        let negative = isSigned && (c & signBit) != 0
        var magnitude: UInt64 = 0
        switch kind {
        case .int(let n):
            return negative ? Int64(c) - Int64(1) << Int64(n) : Int64(c)
        case .uint:
            return Int64(c)
        case .afp(_, let m, _):
            let (sigma, shift) = afpFields(c, mantissaBits: m)
            guard sigma == 0 || shift + (64 - sigma.leadingZeroBitCount) <= 64 else { return nil }
            magnitude = sigma << UInt64(shift)
        case .ausn(let b, let s):
            let a = Int((c >> UInt64(s)) & ((1 << UInt64(b)) - 1))
            if a != 0 {
                let shift = (1 << b) - 1 - a
                guard shift + s + 1 <= 64 else { return nil }
                magnitude = ((1 << UInt64(s)) + (c & ((1 << UInt64(s)) - 1))) << UInt64(shift)
            }
        case .ausnTiers:
            var terms = TierTerms(format: self, code: c)
            while let e = terms.next() {
                guard e <= 63 else { return nil }
                let (sum, overflow) = magnitude.addingReportingOverflow(1 << UInt64(e))
                guard !overflow else { return nil }
                magnitude = sum
            }
        }
        if negative {
            return magnitude <= UInt64(1) << 63 ? Int64(bitPattern: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// log2 of the unit for a scale: AFP (scale = bias): 1 − bias − M; AUSN mantissa (scale = top):
    /// top + 1 − (2^B−1) − S; tiers: top + 1 − (2^B−1) − Σ(2^Ti − 1); int/uint: 0 (integer formats
    /// carry no power-of-two scale; their per-tensor real scale lives in `TensorQuantizer`).
    public func unitExponent(scale: Int) -> Int {
        switch kind {
        case .int, .uint: return 0
        case .afp(_, let m, _): return 1 - scale - m
        case .ausn(let b, let s): return scale + 1 - ((1 << b) - 1) - s
        case .ausnTiers(let b, let tiers): return scale + 1 - ((1 << b) - 1) - tiers.reduce(0) { $0 + (1 << $1) - 1 }
        }
    }

    /// log2 of the step between neighbouring unit values when values are read at `scale`:
    /// `unitExponent(scale:)` for AFP / AUSN; for int / uint the scale itself, read as a
    /// power-of-two step (value = integer · 2^scale), so that `decode`, `quantize` and `encode`
    /// agree for every family. (`unitExponent` of an integer format stays 0: the PE's unit.)
    public func valueExponent(scale: Int) -> Int {
        isInteger ? scale : unitExponent(scale: scale)
    }

    /// The exact value of `code` at a scale (AFP bias, AUSN top, integer step 2^scale):
    /// unitValue · 2^valueExponent.
    public func decode(_ code: UInt64, scale: Int) -> Dyadic {
        Dyadic(unitValue(ofCode: code), exponent: valueExponent(scale: scale))
    }

    /// Largest |unitValue| over all codes (int: 2^(N−1), from the code −2^(N−1)).
    public var maxUnitMagnitude: BigInt {
        switch kind {
        case .int(let n): return BigInt(1) << (n - 1)
        case .uint(let n): return (BigInt(1) << n) - 1
        default: return MagnitudeTable.of(self).units.last ?? 0
        }
    }

    /// Largest representable magnitude at a scale, exactly.
    public func maxValue(scale: Int) -> Dyadic { Dyadic(maxUnitMagnitude, exponent: valueExponent(scale: scale)) }

    /// The code in binary with its fields separated by `|` (sign | exponent | mantissa, …).
    public func binaryFields(of code: UInt64) -> String {
        let c = code & codeMask
        var widths: [Int]
        switch kind {
        case .int(let n), .uint(let n): widths = [n]
        case .afp(let e, let m, let signed): widths = (signed ? [1] : []) + [e, m]
        case .ausn(let b, let s): widths = [1, b, s]
        case .ausnTiers(let b, let tiers): widths = [1, b] + tiers
        }
        widths = widths.filter { $0 > 0 }
        var fields: [String] = []
        var remaining = codeWidth
        for w in widths {
            remaining -= w
            let v = (c >> UInt64(remaining)) & ((1 << UInt64(w)) - 1)
            let bits = String(v, radix: 2)
            fields.append(String(repeating: "0", count: w - bits.count) + bits)
        }
        return fields.joined(separator: "|")
    }

    // MARK: helpers

    /// AFP σ and the shift f* − 1 of a (sign-stripped or not) code.
    private func afpFields(_ c: UInt64, mantissaBits m: Int) -> (sigma: UInt64, shift: Int) {
        guard case .afp(let e, _, _) = kind else { return (0, 0) }
        let f = Int((c >> UInt64(m)) & ((1 << UInt64(e)) - 1))
        let mant = c & ((1 << UInt64(m)) - 1)
        let sigma = (f != 0 ? UInt64(1) << UInt64(m) : 0) + mant
        return (sigma, max(f, 1) - 1)
    }

    /// Exponents (relative to the unit) of the terms of a tier-reading code, largest first.
    func tierTermExponents(_ code: UInt64) -> [Int] {
        var out: [Int] = []
        var terms = TierTerms(format: self, code: code & codeMask)
        while let e = terms.next() { out.append(e) }
        return out
    }
}

/// Walks the terms of a tier-reading AUSN code without allocating.
struct TierTerms {
    private let code: UInt64
    private let tiers: [Int]
    private var tierIndex = 0
    private var shiftLeft: Int
    private var current: Int?

    init(format: NumberFormat, code: UInt64) {
        guard case .ausnTiers(let b, let tiers) = format.kind else {
            self.code = 0; self.tiers = []; self.shiftLeft = 0; self.current = nil
            return
        }
        let fieldBits = tiers.reduce(0, +)
        let a = Int((code >> UInt64(fieldBits)) & ((1 << UInt64(b)) - 1))
        self.code = code
        self.tiers = tiers
        self.shiftLeft = fieldBits
        self.current = a == 0 ? nil : (1 << b) - 1 - a + tiers.reduce(0) { $0 + (1 << $1) - 1 }
        self.tierIndex = -1
    }

    mutating func next() -> Int? {
        guard let e = current else { return nil }
        // Prepare the following term.
        tierIndex += 1
        if tierIndex < tiers.count {
            shiftLeft -= tiers[tierIndex]
            let q = Int((code >> UInt64(shiftLeft)) & ((1 << UInt64(tiers[tierIndex])) - 1))
            current = q == 0 ? nil : e - q
            if q == 0 { tierIndex = tiers.count }
        } else {
            current = nil
        }
        return e
    }
}
