import Foundation
import ShiftwrightTooling

/// A SAIF 2.0 file (Switching Activity Interchange Format, backward direction): the activity of
/// each net of one instance over a simulated duration, in the form vendor power tools read
/// (Vivado `read_saif`, then `report_power`). Per net: T0, T1, TX (time at 0, 1, unknown), TC
/// (0↔1 transitions) and IG (glitches through x: 0 in a zero-delay two-state simulation). Bus
/// bits are written `name\[i\]`, the escaped form SAIF uses. The text is deterministic: nets in
/// the order given, no date.
public struct SwitchingActivityFile: Sendable, Equatable {
    /// One net's activity.
    public struct Net: Sendable, Equatable {
        public let name: String
        public let activity: ValueChangeDump.BitActivity
        public let glitches: Int
        public init(name: String, activity: ValueChangeDump.BitActivity, glitches: Int = 0) {
            (self.name, self.activity, self.glitches) = (name, activity, glitches)
        }
    }

    public let design: String
    /// The instance path the nets belong to (`DIVIDER` separated), e.g. the netlist's top module.
    public let instance: String
    /// The time unit, e.g. "1 ns".
    public let timescale: String
    public let duration: Int
    public let nets: [Net]
    public let program: String

    public init(design: String, instance: String, timescale: String, duration: Int, nets: [Net], program: String = "shiftwright") {
        (self.design, self.instance, self.timescale, self.duration, self.nets, self.program) = (design, instance, timescale, duration, nets, program)
    }

    /// The file's text.
    public var text: String {
        var lines = [
            "(SAIFILE",
            "(SAIFVERSION \"2.0\")",
            "(DIRECTION \"backward\")",
            "(DESIGN \"\(design)\")",
            "(VENDOR \"Shiftwright\")",
            "(PROGRAM_NAME \"\(program)\")",
            "(DIVIDER / )",
            "(TIMESCALE \(timescale))",
            "(DURATION \(duration))",
        ]
        let path = instance.split(separator: "/").map(String.init)
        for (depth, part) in path.enumerated() { lines.append(String(repeating: "  ", count: depth) + "(INSTANCE \(Self.escape(part))") }
        let pad = String(repeating: "  ", count: path.count)
        lines.append(pad + "(NET")
        for net in nets {
            let a = net.activity
            lines.append(pad + "  (\(Self.escape(net.name))")
            lines.append(pad + "    (T0 \(a.timeLow)) (T1 \(a.timeHigh)) (TX \(a.timeUnknown))")
            lines.append(pad + "    (TC \(a.toggles)) (IG \(net.glitches))")
            lines.append(pad + "  )")
        }
        lines.append(pad + ")")
        for depth in (0..<path.count).reversed() { lines.append(String(repeating: "  ", count: depth) + ")") }
        lines.append(")")
        return lines.joined(separator: "\n") + "\n"
    }

    /// SAIF identifiers escape every character but letters, digits and `_` with a backslash.
    static func escape(_ name: String) -> String {
        var out = ""
        for c in name {
            if !(c.isASCII && (c.isLetter || c.isNumber || c == "_")) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Reads back a file in the form `text` writes (SAIF 2.0 with one instance path and its NET
    /// section; IG is read, TC is the sum of rises and falls, so they come back as rises = TC,
    /// falls = 0). Throws one line naming the problem otherwise.
    public static func parse(_ text: String) throws -> SwitchingActivityFile {
        let tokens = try tokenize(text)
        var i = 0
        func next() throws -> String {
            guard i < tokens.count else { throw ToolError("SAIF: unexpected end of file") }
            defer { i += 1 }
            return tokens[i]
        }
        func expect(_ t: String) throws {
            let got = try next()
            guard got == t else { throw ToolError("SAIF: expected '\(t)', found '\(got)'") }
        }
        func number() throws -> Int {
            let t = try next()
            guard let n = Int(t) else { throw ToolError("SAIF: expected a number, found '\(t)'") }
            return n
        }
        try expect("("); try expect("SAIFILE")
        var header: [String: [String]] = [:]
        var path: [String] = []
        var nets: [Net] = []
        while true {
            let t = try next()
            if t == ")" { break }
            guard t == "(" else { throw ToolError("SAIF: expected '(', found '\(t)'") }
            let keyword = try next()
            switch keyword {
            case "INSTANCE":
                path.append(try next())
                while true {
                    let u = try next()
                    if u == ")" { break }
                    guard u == "(" else { throw ToolError("SAIF: expected '(' in INSTANCE, found '\(u)'") }
                    let inner = try next()
                    if inner == "INSTANCE" { path.append(try next()); continue }
                    guard inner == "NET" else { throw ToolError("SAIF: unsupported section '\(inner)'") }
                    while true {
                        let v = try next()
                        if v == ")" { break }
                        guard v == "(" else { throw ToolError("SAIF: expected a net, found '\(v)'") }
                        let name = try next()
                        var fields: [String: Int] = [:]
                        while true {
                            let w = try next()
                            if w == ")" { break }
                            guard w == "(" else { throw ToolError("SAIF: expected a field of net \(name)") }
                            let key = try next()
                            fields[key] = try number()
                            try expect(")")
                        }
                        guard let t0 = fields["T0"], let t1 = fields["T1"], let tx = fields["TX"], let tc = fields["TC"] else {
                            throw ToolError("SAIF: net \(name) lacks T0, T1, TX or TC")
                        }
                        nets.append(Net(name: name, activity: .init(rises: tc, falls: 0, timeLow: t0, timeHigh: t1, timeUnknown: tx),
                                        glitches: fields["IG"] ?? 0))
                    }
                }
            default:
                var values: [String] = []
                while true {
                    let u = try next()
                    if u == ")" { break }
                    values.append(u)
                }
                header[keyword] = values
            }
        }
        guard let duration = header["DURATION"]?.first.flatMap({ Int($0) }) else { throw ToolError("SAIF: no DURATION") }
        guard header["SAIFVERSION"] == ["2.0"] else { throw ToolError("SAIF: not version 2.0") }
        return SwitchingActivityFile(design: header["DESIGN"]?.first ?? "", instance: path.joined(separator: "/"),
                                     timescale: header["TIMESCALE"]?.joined(separator: " ") ?? "", duration: duration, nets: nets,
                                     program: header["PROGRAM_NAME"]?.first ?? "")
    }

    /// Parentheses, quoted strings (unquoted) and identifiers (escapes removed).
    static func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        var current = ""
        var chars = Array(text).makeIterator()
        func flush() { if !current.isEmpty { tokens.append(current); current = "" } }
        while let c = chars.next() {
            switch c {
            case "(", ")": flush(); tokens.append(String(c))
            case "\"":
                flush()
                var s = ""
                while let d = chars.next(), d != "\"" { s.append(d) }
                tokens.append(s)
            case "\\":
                guard let d = chars.next() else { throw ToolError("SAIF: backslash at end of file") }
                current.append(d)
            default:
                if c.isWhitespace { flush() } else { current.append(c) }
            }
        }
        flush()
        return tokens
    }
}
