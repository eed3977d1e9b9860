import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling

/// The configurations a design-space sweep synthesizes: every target × activation format ×
/// weight format, where the weight formats are the splits of each total width N (sign included)
/// of the chosen families, each PE paired with its int<N> multiplier baselines. The order is
/// fixed (target, activation, family, width, x), so every configuration has a stable index and id
/// and a shard (`SweepShard`) is the same slice on every machine.
public struct SweepPlan: Sendable {
    /// A weight-format family the sweep splits.
    public enum Family: String, CaseIterable, Sendable {
        /// `afp-eEmM`: x = exponent bits E, y = mantissa bits M.
        case afp
        /// `ausn-bBsS`, the mantissa reading (the default; the AUSN authors' released code):
        /// x = basic bits B, y = subdivision bits S.
        case ausn
        /// `ausn-bBtT1tT2…`, the tier reading (the AUSN paper's Algorithm 1): x = basic bits B,
        /// y = tier bits ΣTi, split into at most four tiers as evenly as possible, wider tiers first.
        case ausnTier = "ausn-tier"
        /// `pot-bB`, powers of two: one format per width, x = B, y = 0.
        case pot
        /// `intN`, the integer rows themselves: one per width, x = N − 1 magnitude bits, y = 0.
        case int

        /// The heat map's axis names (x, y).
        var axes: (x: String, y: String) {
            switch self {
            case .afp: ("exponent bits E", "mantissa bits M")
            case .ausn: ("basic bits B", "subdivision bits S")
            case .ausnTier: ("basic bits B", "tier bits ΣT")
            case .pot: ("basic bits B", "-")
            case .int: ("magnitude bits", "-")
            }
        }
    }

    /// One weight format of the sweep, placed on the heat map's axes.
    public struct Point: Sendable, Hashable {
        public let family: Family
        public let bits: Int
        public let x: Int
        public let y: Int
        public let weight: NumberFormat
    }

    /// One synthesis job of the sweep: a weight point with an activation format on a target.
    public struct Configuration: Sendable, Hashable {
        /// Position in `configurations` (the order shards and outputs follow).
        public let index: Int
        public let target: SynthTarget
        public let activation: NumberFormat
        public let point: Point
        /// `target/activation/weight`, e.g. `xc7+dsp/int8/afp-e2m1`: unique within the plan.
        public var id: String { "\(target)/\(activation.name)/\(point.weight.name)" }
    }

    public let activations: [NumberFormat]
    public let families: [Family]
    public let bits: ClosedRange<Int>
    public let targets: [SynthTarget]
    public let accumulationDepth: Int
    /// Every configuration, in the plan's order.
    public let configurations: [Configuration]

    public init(activations: [NumberFormat], families: [Family], bits: ClosedRange<Int>, targets: [SynthTarget],
                accumulationDepth: Int = 1024) throws {
        guard bits.lowerBound >= 2, bits.upperBound <= 12 else {
            throw ToolError("sweep widths must lie in 2..12 bits, got \(bits.lowerBound)..\(bits.upperBound)")
        }
        guard !families.isEmpty else { throw ToolError("the sweep needs at least one family (\(Self.familyNames))") }
        guard !activations.isEmpty else { throw ToolError("the sweep needs at least one activation format (--act)") }
        guard !targets.isEmpty else { throw ToolError("the sweep needs at least one target (--target)") }
        try Self.refuseRepeats(families.map(\.rawValue), "family")
        try Self.refuseRepeats(activations.map(\.name), "activation format")
        try Self.refuseRepeats(targets.map(\.name), "target")
        (self.activations, self.families, self.bits, self.targets, self.accumulationDepth) = (activations, families, bits, targets, accumulationDepth)
        let points = Self.points(families: families, bits: bits)
        guard !points.isEmpty else {
            throw ToolError("no format of the families \(families.map(\.rawValue).joined(separator: ",")) has \(bits.lowerBound)..\(bits.upperBound) bits (ausn-tier needs 3 or more, pot at most 7)")
        }
        var configurations: [Configuration] = []
        for target in targets {
            for activation in activations {
                for point in points {
                    configurations.append(Configuration(index: configurations.count, target: target, activation: activation, point: point))
                }
            }
        }
        self.configurations = configurations
    }

    /// The single-activation, single-target plan of the original `sweep`.
    public init(activation: NumberFormat, families: [Family], bits: ClosedRange<Int>, target: SynthTarget,
                accumulationDepth: Int = 1024) throws {
        try self.init(activations: [activation], families: families, bits: bits, targets: [target], accumulationDepth: accumulationDepth)
    }

    static let familyNames = Family.allCases.map(\.rawValue).joined(separator: ", ")

    private static func refuseRepeats(_ names: [String], _ what: String) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted { throw ToolError("the sweep lists \(what) '\(name)' twice") }
    }

    /// Parses `4..8` or `6`.
    public static func parseBits(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.components(separatedBy: "..")
        guard (1...2).contains(parts.count), let lo = Int(parts[0]), let hi = Int(parts[parts.count - 1]), lo <= hi else {
            throw ToolError("bad bit range '\(text)': use N or LO..HI, e.g. 4..8")
        }
        return lo...hi
    }

    /// Parses `afp,ausn,ausn-tier,pot,int`.
    public static func parseFamilies(_ text: String) throws -> [Family] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map {
            guard let f = Family(rawValue: $0.trimmingCharacters(in: .whitespaces)) else {
                throw ToolError("unknown family '\($0)': use \(familyNames)")
            }
            return f
        }
    }

    /// Parses `int8,int4` (any format name an activation may take).
    public static func parseActivations(_ text: String) throws -> [NumberFormat] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { try NumberFormat(parsing: String($0)) }
    }

    /// Parses `xc7,ice40` (each a `SynthTarget` name), all with or without DSP blocks.
    public static func parseTargets(_ text: String, useDSP: Bool) throws -> [SynthTarget] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { try SynthTarget(String($0), useDSP: useDSP) }
    }

    /// The distinct weight points, in configuration order (family, width, x).
    public var points: [Point] { Self.points(families: families, bits: bits) }

    static func points(families: [Family], bits: ClosedRange<Int>) -> [Point] {
        var out: [Point] = []
        for family in families {
            for n in bits {
                for (x, name) in splits(family, bits: n) {
                    guard let weight = try? NumberFormat(parsing: name) else { continue }
                    out.append(Point(family: family, bits: n, x: x, y: family == .pot || family == .int ? 0 : n - 1 - x, weight: weight))
                }
            }
        }
        return out
    }

    /// The (x, format name) splits of one family at width n, before validity filtering.
    private static func splits(_ family: Family, bits n: Int) -> [(Int, String)] {
        switch family {
        case .afp: return (0...min(8, n - 1)).map { ($0, "afp-e\($0)m\(n - 1 - $0)") }
        case .ausn: return (1...min(6, max(1, n - 1))).map { ($0, "ausn-b\($0)s\(n - 1 - $0)") }
        case .ausnTier:
            guard n >= 3 else { return [] }
            return (1...min(6, n - 2)).map { b in (b, "ausn-b\(b)" + tiers(n - 1 - b).map { "t\($0)" }.joined()) }
        case .pot: return n - 1 <= 6 ? [(n - 1, "pot-b\(n - 1)")] : []
        case .int: return [(n - 1, "int\(n)")]
        }
    }

    /// `total` tier bits in at most four tiers of about two bits, wider tiers first: 3 → 2,1; 9 → 3,2,2,2.
    static func tiers(_ total: Int) -> [Int] {
        let count = min(4, (total + 1) / 2)
        return (0..<count).map { total / count + ($0 < total % count ? 1 : 0) }
    }

    /// The PE of a configuration and its int<bits> baselines, sharing one accumulator width.
    public func pair(_ configuration: Configuration) throws -> BaselinePair {
        try BaselinePair(PEConfig(activation: configuration.activation, weight: configuration.point.weight, accumulationDepth: accumulationDepth))
    }

    /// Identifies the plan: its configuration ids in order and the accumulation depth, plus
    /// `extra` (the digest of the weight tensor scored for the scatter, when one is given).
    public func fingerprint(extra: String = "") -> String {
        var hash = ContentHash()
        hash.add("sweep plan v1")
        hash.add("depth \(accumulationDepth)")
        for c in configurations { hash.add(c.id) }
        hash.add(extra)
        return hash.hex
    }
}
