import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling

/// The weight formats a design-space sweep covers: every AFP (E, M) and AUSN (B, S) split of
/// each total width N (sign included), each paired with the int<N> multiplier baseline.
public struct SweepPlan: Sendable {
    /// A weight-format family the sweep splits.
    public enum Family: String, CaseIterable, Sendable {
        /// `afp-eEmM`: x = exponent bits E, y = mantissa bits M.
        case afp
        /// `ausn-bBsS`: x = basic bits B, y = subdivision bits S.
        case ausn
    }

    /// One weight format of the sweep, placed on the heat map's axes.
    public struct Point: Sendable, Hashable {
        public let family: Family
        public let bits: Int
        public let x: Int
        public let y: Int
        public let weight: NumberFormat
    }

    public let activation: NumberFormat
    public let families: [Family]
    public let bits: ClosedRange<Int>
    public let accumulationDepth: Int

    public init(activation: NumberFormat, families: [Family], bits: ClosedRange<Int>, accumulationDepth: Int = 1024) throws {
        guard bits.lowerBound >= 2, bits.upperBound <= 12 else {
            throw ToolError("sweep widths must lie in 2..12 bits, got \(bits.lowerBound)..\(bits.upperBound)")
        }
        guard !families.isEmpty else { throw ToolError("the sweep needs at least one family (afp, ausn)") }
        self.activation = activation
        self.families = families
        self.bits = bits
        self.accumulationDepth = accumulationDepth
    }

    /// Parses `4..8` or `6`.
    public static func parseBits(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.components(separatedBy: "..")
        guard (1...2).contains(parts.count), let lo = Int(parts[0]), let hi = Int(parts[parts.count - 1]), lo <= hi else {
            throw ToolError("bad bit range '\(text)': use N or LO..HI, e.g. 4..8")
        }
        return lo...hi
    }

    /// Parses `afp,ausn`.
    public static func parseFamilies(_ text: String) throws -> [Family] {
        try text.split(separator: ",").map {
            guard let f = Family(rawValue: $0.trimmingCharacters(in: .whitespaces)) else {
                throw ToolError("unknown family '\($0)': use afp, ausn")
            }
            return f
        }
    }

    /// Every split, in a stable order: family, then width, then x.
    public var points: [Point] {
        var out: [Point] = []
        for family in families {
            for n in bits {
                let xs = family == .afp ? Array(0...min(8, n - 1)) : Array(1...min(6, max(1, n - 1)))
                for x in xs {
                    let y = n - 1 - x
                    guard y >= 0 else { continue }
                    let name = family == .afp ? "afp-e\(x)m\(y)" : "ausn-b\(x)s\(y)"
                    guard let weight = try? NumberFormat(parsing: name) else { continue }
                    out.append(Point(family: family, bits: n, x: x, y: y, weight: weight))
                }
            }
        }
        return out
    }

    /// The PE of a point and its int<bits> baseline, sharing one accumulator width.
    public func pair(_ point: Point) throws -> BaselinePair {
        try BaselinePair(PEConfig(activation: activation, weight: point.weight, accumulationDepth: accumulationDepth))
    }
}
