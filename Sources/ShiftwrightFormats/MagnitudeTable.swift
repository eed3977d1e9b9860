import BigInt
import Synchronization

/// The non-negative value set of a non-integer format in units, sorted ascending, with the
/// canonical code of each magnitude (sign bit clear; zero is code 0). Scale-independent, so it is
/// built once per format kind and shared.
final class MagnitudeTable: Sendable {
    /// Unit magnitudes, ascending; `units[0] == 0`.
    let units: [BigInt]
    /// Canonical code of each magnitude.
    let codes: [UInt64]
    /// The same magnitudes as Int64 when every pairwise sum fits (max < 2^61), else nil.
    let smallUnits: [Int64]?

    private init(format: NumberFormat) {
        var entries: [(BigInt, UInt64)] = []
        switch format.kind {
        case .int, .uint:
            entries = [] // integer formats round arithmetically, never through a table
        case .afp(let e, let m, _):
            for c in 0 ..< (UInt64(1) << UInt64(e + m)) { entries.append((format.unitValue(ofCode: c), c)) }
        case .ausn(let b, let s):
            entries.append((0, 0))
            for a in stride(from: (1 << b) - 1, through: 1, by: -1) {
                for k in 0 ..< (1 << s) {
                    let c = UInt64(a) << UInt64(s) | UInt64(k)
                    entries.append((format.unitValue(ofCode: c), c))
                }
            }
        case .ausnTiers:
            for c in MagnitudeTable.canonicalTierCodes(format) { entries.append((format.unitValue(ofCode: c), c)) }
            entries.sort { $0.0 < $1.0 }
        }
        units = entries.map(\.0)
        codes = entries.map(\.1)
        if let last = units.last, last.bitWidth <= 62 {
            smallUnits = units.map { Int64($0) }
        } else {
            smallUnits = nil
        }
    }

    /// Non-negative canonical codes of a tier-reading format: fields after a zero tier are zero.
    static func canonicalTierCodes(_ format: NumberFormat) -> [UInt64] {
        guard case .ausnTiers(let b, let tiers) = format.kind else { return [] }
        var tails: [UInt64] = [0]      // canonical assignments of the tier fields, as bits
        var active: [UInt64] = [0]     // prefixes whose tiers so far are all non-zero
        var used = 0
        for t in tiers {
            var next: [UInt64] = []
            for p in active { for q in 1 ..< (UInt64(1) << UInt64(t)) { next.append(p << UInt64(t) | q) } }
            used += t
            // Pad every prefix to the full field width.
            let total = tiers.reduce(0, +)
            tails += next.map { $0 << UInt64(total - used) }
            active = next
        }
        let fieldBits = tiers.reduce(0, +)
        var out: [UInt64] = [0]
        for a in 1 ..< (UInt64(1) << UInt64(b)) {
            for tail in tails { out.append(a << UInt64(fieldBits) | tail) }
        }
        return out
    }

    /// True when, under `ties`, an exact tie between magnitudes i and i+1 goes to i+1 (§3.3, §4.5):
    /// `even` picks the code with LSB 0, and the smaller magnitude when both or neither is even.
    func tieGoesUp(_ i: Int, ties: TieRule) -> Bool {
        ties == .even && codes[i] & 1 == 1 && codes[i + 1] & 1 == 0
    }

    private static let cache = Mutex<[NumberFormat.Kind: MagnitudeTable]>([:])

    /// The shared table of a non-integer format.
    static func of(_ format: NumberFormat) -> MagnitudeTable {
        if let hit = cache.withLock({ $0[format.kind] }) { return hit }
        let table = MagnitudeTable(format: format)
        return cache.withLock { dict in
            if let hit = dict[format.kind] { return hit }
            dict[format.kind] = table
            return table
        }
    }
}
