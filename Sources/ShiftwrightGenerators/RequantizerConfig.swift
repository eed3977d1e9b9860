import ShiftwrightFormats

/// What a requantization unit (docs/arithmetic.md §6.2) computes: a signed accumulator of `accumulatorWidth`
/// bits and a signed run-time `shift` of `shiftBits` bits in, the `target` code nearest to
/// acc · 2^shift out, with `ties` deciding exact halves, optionally with the output registered.
public struct RequantizerConfig: Sendable, Hashable {
    /// Width of the signed two's-complement `acc` input, 2...64.
    public let accumulatorWidth: Int
    /// Width of the signed `shift` input, 2...8 (shifts −2^(shiftBits−1) ..< 2^(shiftBits−1)).
    public let shiftBits: Int
    /// The output format: any intN, uintN, afp, uafp, ausn (mantissa or tier reading) or pot.
    public let target: NumberFormat
    /// Where exact halves go: `.even` (§3.3, §4.5) or `.smaller` (the AFP authors' code).
    public let ties: TieRule
    /// Registers the output code (latency 1 instead of 0).
    public let pipelined: Bool

    /// Supported accumulator widths.
    public static let accumulatorWidths = 2...64
    /// Supported shift input widths.
    public static let shiftWidths = 2...8

    /// Checks the widths; throws `GeneratorError` naming the violated limit.
    public init(accumulatorWidth: Int, shiftBits: Int = 6, target: NumberFormat, ties: TieRule = .even,
                pipelined: Bool = false) throws {
        guard Self.accumulatorWidths.contains(accumulatorWidth) else {
            throw GeneratorError("requantizer accumulator width must be in \(Self.accumulatorWidths.lowerBound)...\(Self.accumulatorWidths.upperBound) bits, got \(accumulatorWidth)")
        }
        guard Self.shiftWidths.contains(shiftBits) else {
            throw GeneratorError("requantizer shift input must be \(Self.shiftWidths.lowerBound)...\(Self.shiftWidths.upperBound) bits wide, got \(shiftBits)")
        }
        self.accumulatorWidth = accumulatorWidth
        self.shiftBits = shiftBits
        self.target = target
        self.ties = ties
        self.pipelined = pipelined
    }

    /// Clock cycles from (acc, shift) to the code: 0 (combinational) or 1 (pipelined).
    public var latency: Int { pipelined ? 1 : 0 }

    /// The Verilog module name, e.g. `requant_acc16_s6_to_afp_e3m2`; non-default tie rules and
    /// pipelining are appended so distinct configurations never share a name.
    public var moduleName: String {
        "requant_acc\(accumulatorWidth)_s\(shiftBits)_to_\(GeneratorNames.token(target))"
            + (ties == .even ? "" : "_ties_\(ties.rawValue)") + (pipelined ? "_pipe" : "")
    }
}
