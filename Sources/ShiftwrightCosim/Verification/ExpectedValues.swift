import BigInt
import ShiftwrightHDL

/// Golden output values for a run, stored compactly: `Int64` when the port is at most 64 bits
/// wide (millions of cycles cost 8 bytes each), arbitrary precision otherwise.
public struct ExpectedValues: Sendable {
    private let small: [Int64]
    private let large: [BigInt]

    /// One golden value, in whichever representation the model produced.
    public enum Value: ExpressibleByIntegerLiteral {
        case small(Int64), large(BigInt)
        public init(integerLiteral value: Int64) { self = .small(value) }
        var big: BigInt { switch self { case let .small(v): BigInt(v); case let .large(v): v } }
    }

    /// Calls `golden` for cycles 0..<count in order.
    public init(count: Int, width: Int, _ golden: (Int) -> Value) {
        if width <= 64 {
            var values = [Int64](); values.reserveCapacity(count)
            for i in 0..<count {
                switch golden(i) {
                case let .small(v): values.append(v)
                case let .large(v): values.append(Int64(truncatingIfNeeded: v))
                }
            }
            small = values
            large = []
        } else {
            small = []
            large = (0..<count).map { golden($0).big }
        }
    }

    public func value(_ i: Int) -> BigInt { large.isEmpty ? BigInt(small[i]) : large[i] }

    /// Whether the port's output at `cycle` equals the expected value at `index` (nil: zero).
    @inline(__always)
    public func matches(_ index: Int?, port: PortSpec, view: OutputView, cycle: Int) -> Bool {
        if large.isEmpty {
            let actual = PortLayout.loadSmall(width: port.width, signed: port.signed, word: view.word(cycle))
            return actual == (index.map { small[$0] } ?? 0)
        }
        let words = view.row(cycle, count: (port.width + 63) / 64)
        return PortLayout.load(port: port, from: words, at: 0) == (index.map { large[$0] } ?? 0)
    }
}
