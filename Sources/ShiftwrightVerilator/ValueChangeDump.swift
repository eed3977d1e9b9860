import Foundation
import ShiftwrightTooling

/// The switching activity of every traced bit in a VCD file (IEEE 1364 §18 value change dump):
/// per bit, its 0→1 and 1→0 changes and how long it was 0, 1 and unknown (x or z) between the
/// first timestamp and `endTime`. A bit's first value is an assignment, not a toggle, and so is
/// any change from or to x/z. Knows nothing of what was simulated.
public struct ValueChangeDump: Sendable {
    /// The activity of one bit over the dump.
    public struct BitActivity: Sendable, Hashable {
        public var rises = 0
        public var falls = 0
        /// Time spent at 0, at 1 and unknown, in the dump's time units.
        public var timeLow = 0
        public var timeHigh = 0
        public var timeUnknown = 0
        /// 0→1 plus 1→0 changes (SAIF's TC).
        public var toggles: Int { rises + falls }
        public init(rises: Int = 0, falls: Int = 0, timeLow: Int = 0, timeHigh: Int = 0, timeUnknown: Int = 0) {
            (self.rises, self.falls, self.timeLow, self.timeHigh, self.timeUnknown) = (rises, falls, timeLow, timeHigh, timeUnknown)
        }
    }

    /// The `$timescale` text, e.g. "1ps" (empty when the dump has none).
    public let timescale: String
    public let startTime: Int
    public let endTime: Int
    /// Scope path (names joined by `.`, e.g. "TOP.pe") → bit name → activity. A one-bit variable
    /// is named as declared (`en`), each bit of a wider one `name[i]` with i its declared index.
    public let scopes: [String: [String: BitActivity]]

    /// The bits of `scope`, or nil when the dump has no such scope.
    public func bits(inScope scope: String) -> [String: BitActivity]? { scopes[scope] }

    /// Reads a dump; `endTime` (default: the last timestamp) closes the last interval of every bit.
    /// Throws one line naming the problem when the text is not a VCD this reader understands.
    public static func parse(_ data: Data, endTime: Int? = nil) throws -> ValueChangeDump {
        var reader = Reader(bytes: [UInt8](data))
        return try reader.read(endTime: endTime)
    }

    private struct Variable {
        let scope: String
        let name: String
        let width: Int
        /// Declared index of bit 0 (the least significant) and the step towards the most significant.
        let lsbIndex: Int
        let step: Int
        let code: String
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func token() -> String? {
            guard let range = nextToken() else { return nil }
            return String(decoding: bytes[range], as: UTF8.self)
        }

        mutating func nextToken() -> Range<Int>? {
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            guard position < bytes.count else { return nil }
            let start = position
            while position < bytes.count, !Self.isSpace(bytes[position]) { position += 1 }
            return start..<position
        }

        static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

        /// Tokens up to (not including) the next `$end`.
        mutating func untilEnd(_ keyword: String) throws -> [String] {
            var tokens: [String] = []
            while let t = token() {
                if t == "$end" { return tokens }
                tokens.append(t)
            }
            throw ToolError("VCD: \(keyword) without $end")
        }

        mutating func read(endTime requestedEnd: Int?) throws -> ValueChangeDump {
            var scopePath: [String] = []
            var variables: [Variable] = []
            var timescale = ""
            header: while let t = token() {
                switch t {
                case "$scope":
                    let parts = try untilEnd(t)
                    guard parts.count >= 2 else { throw ToolError("VCD: $scope without a name") }
                    scopePath.append(parts[1])
                case "$upscope":
                    _ = try untilEnd(t)
                    guard !scopePath.isEmpty else { throw ToolError("VCD: $upscope outside any scope") }
                    scopePath.removeLast()
                case "$var":
                    let parts = try untilEnd(t)
                    guard parts.count >= 4, let width = Int(parts[1]), width >= 1 else {
                        throw ToolError("VCD: bad $var declaration '\(parts.joined(separator: " "))'")
                    }
                    var (lsb, step) = (0, 1)
                    if parts.count >= 5, let range = Self.range(parts[4]) {
                        (lsb, step) = (range.lsb, range.msb >= range.lsb ? 1 : -1)
                    }
                    variables.append(Variable(scope: scopePath.joined(separator: "."), name: parts[3], width: width,
                                              lsbIndex: lsb, step: step, code: parts[2]))
                case "$timescale":
                    timescale = try untilEnd(t).joined()
                case "$enddefinitions":
                    _ = try untilEnd(t)
                    break header
                default:
                    guard t.hasPrefix("$") else { throw ToolError("VCD: unexpected '\(t)' in the header") }
                    _ = try untilEnd(t)
                }
            }
            // One state per identifier code (aliased variables share a code).
            var codeIndex: [String: Int] = [:]
            var widths: [Int] = []
            for v in variables where codeIndex[v.code] == nil {
                codeIndex[v.code] = widths.count
                widths.append(v.width)
            }
            var offsets: [Int] = []
            var total = 0
            for w in widths { offsets.append(total); total += w }
            // Per bit: its value (0, 1, 2 = unknown, 3 = not yet assigned), since when, and its activity.
            var value = [UInt8](repeating: 3, count: total)
            var since = [Int](repeating: 0, count: total)
            var activity = [BitActivity](repeating: BitActivity(), count: total)
            var now: Int? = nil
            var start: Int? = nil

            func change(_ bit: Int, to new: UInt8, at time: Int) {
                let old = value[bit]
                if old == new { return }
                let held = time - since[bit]
                switch old {
                case 0: activity[bit].timeLow += held
                case 1: activity[bit].timeHigh += held
                default: activity[bit].timeUnknown += held
                }
                if old == 0 && new == 1 { activity[bit].rises += 1 }
                if old == 1 && new == 0 { activity[bit].falls += 1 }
                value[bit] = new
                since[bit] = time
            }
            func level(_ b: UInt8) -> UInt8? {
                switch b {
                case UInt8(ascii: "0"): 0
                case UInt8(ascii: "1"): 1
                case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "z"), UInt8(ascii: "Z"): 2
                default: nil
                }
            }
            func lookup(_ code: String) throws -> Int {
                guard let i = codeIndex[code] else { throw ToolError("VCD: value change for undeclared identifier '\(code)'") }
                return i
            }
            func requireTime() throws -> Int {
                guard let now else { throw ToolError("VCD: value change before the first timestamp") }
                return now
            }

            while let range = nextToken() {
                let first = bytes[range.lowerBound]
                switch first {
                case UInt8(ascii: "#"):
                    guard let t = Int(String(decoding: bytes[(range.lowerBound + 1)..<range.upperBound], as: UTF8.self)), t >= 0 else {
                        throw ToolError("VCD: bad timestamp '\(String(decoding: bytes[range], as: UTF8.self))'")
                    }
                    if let now, t < now { throw ToolError("VCD: time goes backwards (#\(t) after #\(now))") }
                    if start == nil {
                        start = t
                        for i in 0..<total { since[i] = t }
                    }
                    now = t
                case UInt8(ascii: "b"), UInt8(ascii: "B"):
                    let digits = bytes[(range.lowerBound + 1)..<range.upperBound]
                    guard let codeRange = nextToken() else { throw ToolError("VCD: vector value without an identifier") }
                    let index = try lookup(String(decoding: bytes[codeRange], as: UTF8.self))
                    let time = try requireTime()
                    let width = widths[index], base = offsets[index]
                    guard let lead = digits.first.flatMap(level) else { throw ToolError("VCD: bad vector value") }
                    let fill: UInt8 = lead == 2 ? 2 : 0  // left-extension (IEEE 1364 §18.2.1)
                    let count = digits.count
                    for bit in 0..<width {
                        let new: UInt8
                        if bit < count {
                            guard let l = level(digits[digits.startIndex + count - 1 - bit]) else { throw ToolError("VCD: bad vector value") }
                            new = l
                        } else { new = fill }
                        change(base + bit, to: new, at: time)
                    }
                case UInt8(ascii: "r"), UInt8(ascii: "R"):
                    _ = nextToken()  // real values carry no bit activity
                case UInt8(ascii: "$"):
                    let word = String(decoding: bytes[range], as: UTF8.self)
                    if word == "$comment" { _ = try untilEnd(word) }
                    // $dumpvars, $dumpall, $dumpon, $dumpoff and $end only bracket value changes.
                default:
                    guard let l = level(first) else {
                        throw ToolError("VCD: unexpected '\(String(decoding: bytes[range], as: UTF8.self))' among value changes")
                    }
                    let index = try lookup(String(decoding: bytes[(range.lowerBound + 1)..<range.upperBound], as: UTF8.self))
                    change(offsets[index], to: l, at: try requireTime())
                }
            }
            guard let start, let last = now else { throw ToolError("VCD: no timestamps (an empty dump)") }
            let end = requestedEnd ?? last
            guard end >= last else { throw ToolError("VCD: end time \(end) is before the last timestamp \(last)") }
            for bit in 0..<total {
                let held = end - since[bit]
                switch value[bit] {
                case 0: activity[bit].timeLow += held
                case 1: activity[bit].timeHigh += held
                default: activity[bit].timeUnknown += held
                }
            }
            var scopes: [String: [String: BitActivity]] = [:]
            for v in variables {
                let index = codeIndex[v.code]!
                for bit in 0..<v.width {
                    let name = v.width == 1 ? v.name : "\(v.name)[\(v.lsbIndex + v.step * bit)]"
                    scopes[v.scope, default: [:]][name] = activity[offsets[index] + bit]
                }
            }
            return ValueChangeDump(timescale: timescale, startTime: start, endTime: end, scopes: scopes)
        }

        /// `[msb:lsb]` or `[i]`.
        static func range(_ text: String) -> (msb: Int, lsb: Int)? {
            guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
            let inner = text.dropFirst().dropLast().split(separator: ":").map { Int($0) }
            if inner.count == 2, let m = inner[0], let l = inner[1] { return (m, l) }
            if inner.count == 1, let i = inner[0] { return (i, i) }
            return nil
        }
    }
}
