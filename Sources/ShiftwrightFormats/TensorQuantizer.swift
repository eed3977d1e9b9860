/// Quantizes real values (Double / Float) to codes of one format at one scale, fast and without
/// allocating per value: |x| is located among the decision thresholds of the value set (the
/// midpoints, or for AUSN `greedy` the members themselves) by a branch-free binary search (for
/// float32 buffers: by the exponent of |x| and a fixed scan of at most 8 thresholds), and an
/// exact tie is resolved by a per-threshold flag (§3.3, §4.5). The thresholds are checked to be
/// exact Doubles; when a format/scale pair has thresholds a Double cannot hold exactly, every value
/// takes the exact dyadic path instead, so results always equal `NumberFormat.quantize`.
///
/// Integer formats use the symmetric per-tensor real scale of docs/arithmetic.md §1 (`integerStep`): codes are
/// round-half-even (or half toward zero for `ties: smaller`) of x / step, clamped to
/// ±(2^(N−1) − 1) for intN and [0, 2^N − 1] for uintN.
public struct TensorQuantizer: Sendable {
    public let format: NumberFormat
    /// Bias / top (non-integer formats); for integers the power-of-two exponent when `integerStep` is a power of two.
    public let scale: Int
    /// Integer formats: the real step s (value = code · s).
    public let integerStep: Double?
    public let ties: TieRule
    public let greedy: Bool

    /// Padded to a power of two with +∞ (count ≥ members).
    private let thresholds: [Double]
    private let tieUp: [Bool]
    private let magnitudeCodes: [UInt32]
    /// Member magnitudes as Doubles (exact whenever `exactInDouble`).
    private let magnitudes: [Double]
    private let signBit: UInt32
    private let signed: Bool
    /// Float inputs: per binary exponent of |x|, how many thresholds lie below its binade, and at
    /// most how many lie inside one binade (`bucketWidth`); −1 when a binade holds more than 8
    /// (the binary search is used then).
    private let floatBucketStart: [Int32]
    private let bucketWidth: Int
    /// True when the fast path is exact for this format and scale.
    public let exactInDouble: Bool

    /// A quantizer at a power-of-two scale (AFP bias, AUSN top; for int/uint the step 2^scale).
    public init(format: NumberFormat, scale: Int, ties: TieRule = .even, greedy: Bool = false) {
        let step: Double? = format.isInteger ? Double(sign: .plus, exponent: scale, significand: 1) : nil
        self.init(format: format, scale: scale, step: step, ties: ties, greedy: greedy)
    }

    /// An integer quantizer with a real step (docs/arithmetic.md §1 baselines).
    public init(format: NumberFormat, integerStep step: Double, scale: Int = 0, ties: TieRule = .even) {
        self.init(format: format, scale: scale, step: step > 0 && step.isFinite ? step : 1, ties: ties, greedy: false)
    }

    private init(format: NumberFormat, scale: Int, step: Double?, ties: TieRule, greedy: Bool) {
        self.format = format
        self.scale = scale
        self.integerStep = format.isInteger ? (step ?? 1) : nil
        self.ties = ties
        self.greedy = greedy && format.isAUSN
        signBit = UInt32(truncatingIfNeeded: format.signBit)
        signed = format.isSigned
        guard !format.isInteger else {
            thresholds = []; tieUp = []; magnitudeCodes = []; magnitudes = []; exactInDouble = true
            floatBucketStart = []; bucketWidth = 0
            return
        }
        let table = MagnitudeTable.of(format)
        let unitExp = format.unitExponent(scale: scale)
        let n = table.units.count
        var thr: [Double] = [], up: [Bool] = []
        var exact = true
        func toDouble(_ d: Dyadic) -> Double {
            let v = d.doubleValue
            if !v.isFinite || Dyadic(exactly: v) != d { exact = false }
            return v
        }
        for i in 0 ..< n - 1 {
            if self.greedy {
                thr.append(toDouble(Dyadic(table.units[i + 1], exponent: unitExp)))
                up.append(true)
            } else {
                thr.append(toDouble(Dyadic(table.units[i] + table.units[i + 1], exponent: unitExp - 1)))
                up.append(table.tieGoesUp(i, ties: ties))
            }
        }
        // Float binades [2^(b−127), 2^(b−126)) (b = 0: [0, 2^−126)): thresholds below and inside.
        var inside = [Int](repeating: 0, count: 257) // index 256: at or beyond 2^128
        for v in thr {
            let b = v < 0x1p-126 ? 0 : (v >= 0x1p128 ? 256 : Int(v.exponent) + 127)
            inside[b] += 1
        }
        var starts = [Int32](repeating: 0, count: 256)
        var below = 0
        for b in 0 ..< 256 {
            starts[b] = Int32(below)
            below += inside[b]
        }
        let width = inside[0 ..< 256].max() ?? 0
        floatBucketStart = starts
        bucketWidth = width <= 8 ? width : -1
        var size = 1
        while size < n + 8 { size *= 2 } // binary search: ≥ n entries; buckets: room to scan 8
        thr += Array(repeating: .infinity, count: size - thr.count)
        up += Array(repeating: false, count: size - up.count)
        thresholds = thr
        tieUp = up
        magnitudeCodes = table.codes.map { UInt32(truncatingIfNeeded: $0) }
        magnitudes = table.units.map { toDouble(Dyadic($0, exponent: unitExp)) }
        exactInDouble = exact
    }

    /// The docs/arithmetic.md §1 symmetric integer scale for a tensor: max|x| / (2^(N−1) − 1), uint max(x) / (2^N − 1).
    public static func integerStep(format: NumberFormat, range: TensorRange) -> Double {
        let levels: Double
        switch format.kind {
        case .int(let n): levels = Double((1 << (n - 1)) - 1)
        case .uint(let n): levels = Double((1 << n) - 1)
        default: return 1
        }
        let m = format.isSigned ? range.maxMagnitude : range.maxPositive
        return m > 0 ? m / levels : 1
    }

    /// Index of the chosen member magnitude for |x| (fast path only).
    @inline(__always)
    private func magnitudeIndex(_ a: Double, _ thr: UnsafeBufferPointer<Double>, _ up: UnsafeBufferPointer<Bool>) -> Int {
        var i = 0
        var step = thr.count >> 1
        while step > 0 {
            i = thr[i + step - 1] < a ? i + step : i
            step >>= 1
        }
        if thr[i] == a && up[i] { i += 1 }
        return i
    }

    @inline(__always)
    private func integerCode(_ x: Double) -> (code: UInt32, value: Double) {
        let step = integerStep ?? 1
        let q = x / step
        var r = ties == .even ? q.rounded(.toNearestOrEven) : q.rounded(.toNearestOrAwayFromZero)
        if ties == .smaller, abs(q - q.rounded(.towardZero)) == 0.5 { r = q.rounded(.towardZero) }
        switch format.kind {
        case .int(let n):
            let lim = Double((1 << (n - 1)) - 1)
            r = min(max(r, -lim), lim)
            return (UInt32(truncatingIfNeeded: Int64(r)) & UInt32(truncatingIfNeeded: format.codeMask), r * step)
        case .uint(let n):
            r = min(max(r, 0), Double((1 << n) - 1))
            return (UInt32(r), r * step)
        default:
            return (0, 0)
        }
    }

    /// The code of one finite value (NaN and ±Inf must be rejected beforehand; see `TensorRange`).
    public func code(_ x: Double) -> UInt32 {
        if integerStep != nil { return integerCode(x).code }
        if !exactInDouble {
            guard let d = Dyadic(exactly: x) else { return 0 }
            return UInt32(truncatingIfNeeded: format.quantize(d, scale: scale, ties: ties, greedy: greedy))
        }
        let i = thresholds.withUnsafeBufferPointer { t in tieUp.withUnsafeBufferPointer { u in magnitudeIndex(abs(x), t, u) } }
        return signedCode(i, negative: x < 0)
    }

    @inline(__always)
    private func signedCode(_ i: Int, negative: Bool) -> UInt32 {
        let c = magnitudeCodes[i]
        if !negative || c == 0 { return c }
        return signed ? c | signBit : 0
    }

    /// The value of a code produced by this quantizer, as a Double (exact when `exactInDouble`).
    public func value(ofCode code: UInt32) -> Double {
        if let step = integerStep {
            guard let u = format.unitValueIfSmall(ofCode: UInt64(code)) else { return 0 }
            return Double(u) * step
        }
        return format.decode(UInt64(code), scale: scale).doubleValue
    }

    /// Quantizes a buffer of values (the hot loop: no allocation per value). When every binade
    /// of Float holds at most 8 thresholds, |x| is located by its exponent and a short
    /// branch-free scan instead of the binary search.
    public func quantize(_ input: UnsafeBufferPointer<Float>, into codes: UnsafeMutableBufferPointer<UInt32>) {
        let n = min(input.count, codes.count)
        guard integerStep == nil, exactInDouble else {
            for k in 0 ..< n { codes[k] = code(Double(input[k])) }
            return
        }
        let width = bucketWidth
        let signOr = signed ? signBit : 0, keepIfNegative: UInt32 = signed ? ~0 : 0
        thresholds.withUnsafeBufferPointer { t in
            tieUp.withUnsafeBufferPointer { u in
                magnitudeCodes.withUnsafeBufferPointer { mc in
                    floatBucketStart.withUnsafeBufferPointer { starts in
                        for k in 0 ..< n {
                            let bits = input[k].bitPattern
                            let a = Double(Float(bitPattern: bits & 0x7FFF_FFFF))
                            var i: Int
                            if width >= 0 {
                                let s = Int(starts[Int(bits >> 23) & 0xFF])
                                // A fixed, unrolled scan of 4 or 8 entries (entries past the
                                // binade are ≥ its upper end, so they never count).
                                var c0 = (t[s] < a ? 1 : 0) &+ (t[s &+ 1] < a ? 1 : 0)
                                c0 &+= (t[s &+ 2] < a ? 1 : 0) &+ (t[s &+ 3] < a ? 1 : 0)
                                if width > 4 {
                                    c0 &+= (t[s &+ 4] < a ? 1 : 0) &+ (t[s &+ 5] < a ? 1 : 0)
                                    c0 &+= (t[s &+ 6] < a ? 1 : 0) &+ (t[s &+ 7] < a ? 1 : 0)
                                }
                                i = s &+ c0
                                if t[i] == a && u[i] { i &+= 1 }
                            } else {
                                i = magnitudeIndex(a, t, u)
                            }
                            let c = mc[i]
                            codes[k] = bits >> 31 == 0 ? c : (c & keepIfNegative) | (c != 0 ? signOr : 0)
                        }
                    }
                }
            }
        }
    }

    /// Quantizes Doubles to codes.
    public func quantize(_ values: [Double]) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: values.count)
        if integerStep == nil, exactInDouble {
            thresholds.withUnsafeBufferPointer { t in
                tieUp.withUnsafeBufferPointer { u in
                    for k in values.indices {
                        let x = values[k]
                        out[k] = signedCode(magnitudeIndex(abs(x), t, u), negative: x < 0)
                    }
                }
            }
        } else {
            for k in values.indices { out[k] = code(values[k]) }
        }
        return out
    }

    /// The quantized values Q(x) as Doubles (exact when `exactInDouble`).
    public func dequantized(_ values: [Double]) -> [Double] {
        values.map { quantizedValue($0) }
    }

    /// Q(x) for one value.
    @inline(__always)
    public func quantizedValue(_ x: Double) -> Double {
        if integerStep != nil { return integerCode(x).value }
        if !exactInDouble { return value(ofCode: code(x)) }
        let i = thresholds.withUnsafeBufferPointer { t in tieUp.withUnsafeBufferPointer { u in magnitudeIndex(abs(x), t, u) } }
        let c = signedCode(i, negative: x < 0)
        if c == 0 { return 0 }
        return x < 0 ? -magnitudes[i] : magnitudes[i]
    }

    /// Largest representable magnitude R as a Double.
    public var largestValue: Double {
        if let step = integerStep {
            switch format.kind {
            case .int(let n): return Double((1 << (n - 1)) - 1) * step
            case .uint(let n): return Double((1 << n) - 1) * step
            default: return 0
            }
        }
        return format.maxValue(scale: scale).doubleValue
    }

    /// The errors of quantizing `values` (§5.2 terms, MSE, SQNR).
    public func errorStats(_ values: [Double]) -> ErrorStats {
        var acc = ErrorStats.Accumulator(largest: largestValue)
        for x in values { acc.add(x, quantizedValue(x)) }
        return acc.result
    }

    /// Every member of the value set, signed, ascending (for comparisons such as NumPy's searchsorted).
    public var valueSet: [Double] {
        if integerStep != nil { return [] }
        let positives = magnitudes
        let negatives = signed ? positives.dropFirst().reversed().map { -$0 } : []
        return negatives + positives
    }
}
