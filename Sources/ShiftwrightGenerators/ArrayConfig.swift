import ShiftwrightFormats

/// What a PE array (docs/arithmetic.md §6.4) computes: an R×C weight-stationary array of `activation` ×
/// `weight` PEs, one requantizer per column producing `target` codes, an accumulator buffer of
/// `maxRows` rows (M per run) and up to `maxTiles` weight tiles per run (K up to R·maxTiles).
public struct ArrayConfig: Sendable, Hashable {
    public let rows: Int
    public let cols: Int
    public let activation: NumberFormat
    public let weight: NumberFormat
    /// Output format of the requantizers.
    public let target: NumberFormat
    /// Largest M (activation rows) of one run: the depth of the accumulator buffer.
    public let maxRows: Int
    /// Largest number of weight tiles of one run (K ≤ rows · maxTiles).
    public let maxTiles: Int
    /// Width of the signed run-time `shift` input.
    public let shiftBits: Int
    public let ties: TieRule

    /// Array sizes the generator accepts (larger arrays elaborate too; see the benchmark).
    public static let sizeRange = 1...256

    public init(rows: Int, cols: Int, activation: NumberFormat, weight: NumberFormat, target: NumberFormat? = nil,
                maxRows: Int = 256, maxTiles: Int = 16, shiftBits: Int = 8, ties: TieRule = .even) throws {
        for (what, v) in [("rows", rows), ("cols", cols)] where !Self.sizeRange.contains(v) {
            throw GeneratorError("array \(what) must be in \(Self.sizeRange.lowerBound)...\(Self.sizeRange.upperBound), got \(v)")
        }
        guard (1...65_536).contains(maxRows) else { throw GeneratorError("max rows M per run must be 1...65536, got \(maxRows)") }
        guard (1...4_096).contains(maxTiles) else { throw GeneratorError("max weight tiles per run must be 1...4096, got \(maxTiles)") }
        (self.rows, self.cols, self.activation, self.weight) = (rows, cols, activation, weight)
        self.target = try target ?? NumberFormat(parsing: "int8")
        (self.maxRows, self.maxTiles, self.shiftBits, self.ties) = (maxRows, maxTiles, shiftBits, ties)
        _ = try pe
        _ = try requantizer
        guard cols * self.target.codeWidth <= 1024, rows * activation.codeWidth <= 1024, cols * weight.codeWidth <= 1024 else {
            throw GeneratorError("a \(rows)x\(cols) array of \(activation) x \(weight) -> \(self.target) needs stream ports over the 1024-bit limit")
        }
    }

    /// The default array shipped in `rtl-out/`: 8×8, int8 activations × ausn-b3s2 weights, int8 out.
    public static func defaultConfiguration() throws -> ArrayConfig {
        try ArrayConfig(rows: 8, cols: 8, activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "ausn-b3s2"))
    }

    /// Largest K of one run.
    public var maxDepth: Int { rows * maxTiles }

    /// The PE of every array position: used as a registered multiplier (clear = 1), so its
    /// accumulator is exactly the product width.
    public var pe: PEConfig {
        get throws { try PEConfig(activation: activation, weight: weight, accumulationDepth: 1) }
    }

    /// Width of a column sum of R products.
    public var columnSumWidth: Int { PEConfig.productType(activation, weight).width + PEConfig.log2Ceiling(rows) }

    /// Width of the accumulator buffer: K = R·maxTiles products never overflow it.
    public var bufferWidth: Int { PEConfig.productType(activation, weight).width + PEConfig.log2Ceiling(maxDepth) }

    /// The per-column requantizer (combinational: latency 0).
    public var requantizer: RequantizerConfig {
        get throws { try RequantizerConfig(accumulatorWidth: bufferWidth, shiftBits: shiftBits, target: target, ties: ties) }
    }

    /// Address width of the accumulator buffer (also the width of `last_row`).
    public var rowIndexWidth: Int { max(1, PEConfig.log2Ceiling(maxRows)) }
    /// Width of `last_tile`.
    public var tileIndexWidth: Int { max(1, PEConfig.log2Ceiling(maxTiles)) }

    /// Verilog name of the array top; every parameter that changes the hardware is in it.
    public var moduleName: String {
        GeneratorNames.bounded("array_\(rows)x\(cols)_\(GeneratorNames.token(activation))_\(GeneratorNames.token(weight))_to_\(GeneratorNames.token(target))"
            + "_m\(maxRows)_t\(maxTiles)_s\(shiftBits)" + (ties == .even ? "" : "_ties_\(ties.rawValue)"))
    }

    /// Verilog name of the controller (depends only on R, the buffer depth, tiles and shift width).
    public var controllerName: String { "array_ctrl_r\(rows)_m\(maxRows)_t\(maxTiles)_s\(shiftBits)" }
}

extension GeneratorNames {
    /// Longest module name the DSL accepts.
    public static let maxModuleName = 64

    /// `name` itself when short enough, else its first 47 characters (without trailing
    /// underscores, so no `__` appears, which Verilator mangles) and a 16-digit FNV-1a hash of the
    /// whole name (deterministic, so distinct configurations keep distinct names).
    public static func bounded(_ name: String) -> String {
        guard name.count > maxModuleName else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        var head = String(name.prefix(maxModuleName - 17))
        while head.hasSuffix("_") { head.removeLast() }
        return head + "_" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
