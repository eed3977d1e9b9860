import BigInt
import ShiftwrightHDL

/// Golden output values for a run, stored compactly: `Int64` when the port is at most 64 bits
/// wide (millions of cycles cost 8 bytes each), arbitrary precision otherwise.
public struct ExpectedValues: Sendable {
    private let small: [Int64]
    private let large: [BigInt]
    /// Cycles whose golden value does not fit the port: no output can match them.
    private let unrepresentable: Set<Int>

    /// One golden value, in whichever representation the model produced.
    public enum Value: ExpressibleByIntegerLiteral {
        case small(Int64), large(BigInt)
        public init(integerLiteral value: Int64) { self = .small(value) }
        var big: BigInt { switch self { case let .small(v): BigInt(v); case let .large(v): v } }
    }

    /// Calls `golden` for cycles 0..<count in order.
    public init(count: Int, width: Int, signed: Bool = true, _ golden: (Int) -> Value) {
        let type = HWType(width: width, signed: signed)
        var outOfRange = Set<Int>()
        if width <= 64 {
            var values = [Int64](); values.reserveCapacity(count)
            let fits: (Int64) -> Bool = width == 64 ? { _ in true }
                : signed ? { $0 >= -(Int64(1) << (width - 1)) && $0 < (Int64(1) << (width - 1)) } : { $0 >= 0 && $0 < (Int64(1) << width) }
            for i in 0..<count {
                switch golden(i) {
                case let .small(v):
                    if !fits(v) { outOfRange.insert(i) }
                    values.append(v)
                case let .large(v):
                    if !type.contains(v) { outOfRange.insert(i) }
                    values.append(Int64(truncatingIfNeeded: v))
                }
            }
            small = values
            large = []
        } else {
            let values = (0..<count).map { golden($0).big }
            outOfRange = Set(values.indices.filter { !type.contains(values[$0]) })
            small = []
            large = values
        }
        unrepresentable = outOfRange
    }

    public func value(_ i: Int) -> BigInt { large.isEmpty ? BigInt(small[i]) : large[i] }

    /// Whether the port's output at `cycle` equals the expected value at `index` (nil: zero).
    @inline(__always)
    public func matches(_ index: Int?, port: PortSpec, view: OutputView, cycle: Int) -> Bool {
        if let index, !unrepresentable.isEmpty, unrepresentable.contains(index) { return false }
        if large.isEmpty {
            let actual = PortLayout.loadSmall(width: port.width, signed: port.signed, word: view.word(cycle))
            return actual == (index.map { small[$0] } ?? 0)
        }
        let words = view.row(cycle, count: (port.width + 63) / 64)
        return PortLayout.load(port: port, from: words, at: 0) == (index.map { large[$0] } ?? 0)
    }
}
