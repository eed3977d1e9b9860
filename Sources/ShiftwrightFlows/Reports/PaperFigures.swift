/// The AUSN paper's Table 4 (docs/arithmetic.md §7): a 64×64 MAC array on a Xilinx ZCU104, totals for 4096 PEs.
public enum PaperFigures {
    /// An architecture column of Table 4.
    public enum Architecture: String, CaseIterable, Sendable {
        case multiplier = "multiplier"
        case shifter = "shifter+decoder"
        case ausn = "AUSN"
    }

    /// The weight widths of Table 4 (activations are 8 bits): 8/8, 8/5, 8/4.
    public static let weightBits = [8, 5, 4]
    public static let processingElements = 4096.0

    /// Array totals (LUT, FF) by architecture and weight bits, exactly as printed (the 8/5 shifter
    /// FF count, 512731, is implausible and marked "sic" in docs/arithmetic.md §7).
    public static func totals(_ arch: Architecture, weightBits: Int) -> (luts: Int, ffs: Int) {
        switch (arch, weightBits) {
        case (.multiplier, 8): (212_388, 192_293)
        case (.multiplier, 5): (187_262, 143_142)
        case (.multiplier, 4): (181_248, 108_729)
        case (.shifter, 8): (225_280, 86_317)
        case (.shifter, 5): (212_942, 512_731)
        case (.shifter, 4): (203_712, 45_729)
        case (.ausn, 8): (133_120, 54_313)
        case (.ausn, 5): (112_071, 45_127)
        case (.ausn, 4): (108_544, 44_032)
        default: (0, 0)
        }
    }

    /// Per-PE figures: totals / 4096.
    public static func perPE(_ arch: Architecture, weightBits: Int) -> (luts: Double, ffs: Double) {
        let t = totals(arch, weightBits: weightBits)
        return (Double(t.luts) / processingElements, Double(t.ffs) / processingElements)
    }

    /// Our weight formats for each cell of the table (docs/arithmetic.md §7: every bit counted, sign included).
    /// The first AUSN entry is the headline one; the others are the alternatives docs/arithmetic.md §7 lists. The
    /// shifter is a power-of-two weight of the same width (`pot-bB`, B = bits − 1, at most 6).
    public static func weights(_ arch: Architecture, weightBits: Int) -> [String] {
        switch (arch, weightBits) {
        case (.multiplier, _): ["int\(weightBits)"]
        // An 8-bit power-of-two weight would need B = 7 > 6, the format limit (docs/arithmetic.md §1.2): use pot-b6.
        case (.shifter, _): ["pot-b\(min(weightBits - 1, 6))"]
        case (.ausn, 8): ["ausn-b3s4", "ausn-b4s3"]
        case (.ausn, 5): ["ausn-b3s1", "ausn-b2s2"]
        case (.ausn, 4): ["ausn-b2s1", "ausn-b2t1", "pot-b3"]
        default: []
        }
    }
}
