import BigInt
import ShiftwrightFormats

/// What a processing element computes: an activation format, a weight format, how many products
/// it may accumulate without overflow, and whether the product is registered (docs/arithmetic.md §6.1).
public struct PEConfig: Sendable, Hashable {
    public let activation: NumberFormat
    public let weight: NumberFormat
    /// Declared maximum number of accumulations K (sets the accumulator width).
    public let accumulationDepth: Int
    /// Registers the product before the accumulator (latency 2 instead of 1).
    public let pipelined: Bool
    /// Accumulator width: product width + ceil(log2 K), unless overridden (baselines use the
    /// accumulator of the PE they are compared with).
    public let accumulatorWidth: Int
    /// How an integer × integer product is formed: radix-4 Booth in kept stages (the default), the
    /// same Booth chain flat, or the synthesis tool's `*`; the equal-effort baseline is whichever
    /// is smaller on the target.
    public let integerProduct: PEGenerator.IntegerProduct

    public static let maxAccumulatorWidth = 256

    public init(activation: NumberFormat, weight: NumberFormat, accumulationDepth: Int = 1024, pipelined: Bool = false,
                accumulatorWidth: Int? = nil, integerProduct: PEGenerator.IntegerProduct = .booth) throws {
        guard accumulationDepth >= 1 else { throw GeneratorError("accumulation depth K must be at least 1, got \(accumulationDepth)") }
        guard accumulationDepth <= 1 << 30 else { throw GeneratorError("accumulation depth K must be at most 2^30, got \(accumulationDepth)") }
        if case .ausnTiers = activation.kind {
            throw GeneratorError("tier-reading AUSN activations are not supported (use the mantissa reading ausn-bBsS for activations)")
        }
        if case .uint = weight.kind {
            throw GeneratorError("unsigned integer weights are not supported: weights are intN, afp, ausn or pot")
        }
        if case .afp(_, _, false) = weight.kind {
            throw GeneratorError("unsigned AFP (uafp) is for post-ReLU activations, not weights")
        }
        self.activation = activation
        self.weight = weight
        self.accumulationDepth = accumulationDepth
        self.pipelined = pipelined
        self.integerProduct = integerProduct
        let needed = PEConfig.productType(activation, weight).width + PEConfig.log2Ceiling(accumulationDepth)
        if let accumulatorWidth, accumulatorWidth < needed {
            throw GeneratorError("accumulator width \(accumulatorWidth) is narrower than the \(needed) bits K = \(accumulationDepth) accumulations need")
        }
        self.accumulatorWidth = accumulatorWidth ?? needed
        guard self.accumulatorWidth <= PEConfig.maxAccumulatorWidth else {
            throw GeneratorError("\(activation) x \(weight) needs a \(self.accumulatorWidth)-bit accumulator, over the \(PEConfig.maxAccumulatorWidth)-bit limit")
        }
    }

    /// The integer multiplier baseline users compare against: `intN × intM` with the bit counts of
    /// the activation and weight codes (an integer activation is kept as it is), and the same
    /// accumulator width.
    public func integerBaseline(_ product: PEGenerator.IntegerProduct = .booth) throws -> PEConfig {
        let act = activation.isInteger ? activation : try NumberFormat(.int(bits: max(2, activation.codeWidth)))
        return try PEConfig(activation: act, weight: try NumberFormat(.int(bits: max(2, weight.codeWidth))),
                            accumulationDepth: accumulationDepth, pipelined: pipelined, accumulatorWidth: accumulatorWidth,
                            integerProduct: product)
    }

    /// Clock cycles from an input vector to the accumulator showing its product.
    public var latency: Int { pipelined ? 2 : 1 }

    /// The Verilog module name: formats, accumulator width and pipelining, so distinct
    /// configurations never share a name.
    public var moduleName: String {
        "pe_\(GeneratorNames.token(activation))_\(GeneratorNames.token(weight))_acc\(accumulatorWidth)" + (pipelined ? "_pipe" : "")
            + (activation.isInteger && weight.isInteger ? integerProduct.nameSuffix : "")
    }

    /// Smallest signed type holding every product of the two formats.
    public static func productType(_ a: NumberFormat, _ w: NumberFormat) -> (width: Int, min: BigInt, max: BigInt) {
        let (amin, amax) = range(a), (wmin, wmax) = range(w)
        let corners = [amin * wmin, amin * wmax, amax * wmin, amax * wmax]
        let lo = corners.min()!, hi = corners.max()!
        var width = 1
        while !(lo >= -(BigInt(1) << (width - 1)) && hi <= (BigInt(1) << (width - 1)) - 1) { width += 1 }
        return (width, lo, hi)
    }

    /// Range of unit values of a format.
    static func range(_ f: NumberFormat) -> (BigInt, BigInt) {
        switch f.kind {
        case let .int(n): return (-(BigInt(1) << (n - 1)), (BigInt(1) << (n - 1)) - 1)
        case let .uint(n): return (0, (BigInt(1) << n) - 1)
        default: return (f.isSigned ? -f.maxUnitMagnitude : 0, f.maxUnitMagnitude)
        }
    }

    static func log2Ceiling(_ k: Int) -> Int {
        var bits = 0
        while (1 << bits) < k { bits += 1 }
        return bits
    }
}

/// A generator was asked for something it cannot build; the message says what and why.
public struct GeneratorError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension PEGenerator.IntegerProduct {
    /// What the module name of an integer × integer PE ends with: nothing for the default.
    var nameSuffix: String {
        switch self {
        case .booth: ""
        case .boothFlat: "_flat"
        case .multiply: "_mul"
        }
    }
}

/// Turns format names into identifier-safe tokens for module and file names.
public enum GeneratorNames {
    public static func token(_ format: NumberFormat) -> String {
        format.name.replacingOccurrences(of: "-", with: "_")
    }
}
