/// Parsing and spelling of the format names of docs/arithmetic.md §1, with the limits checked there.
enum FormatName {
    static func parse(_ raw: String) throws -> NumberFormat {
        let name = raw
        func malformed(_ expected: String) -> FormatError {
            FormatError("malformed format name '\(name)': expected \(expected)")
        }
        if let rest = name.dropPrefix("uint") {
            guard let n = number(rest) else { throw malformed("uintN, N a plain number (e.g. uint8)") }
            return try make(.uint(bits: n))
        }
        if let rest = name.dropPrefix("int") {
            guard let n = number(rest) else { throw malformed("intN, N a plain number (e.g. int8)") }
            return try make(.int(bits: n))
        }
        for (prefix, signed) in [("uafp-e", false), ("afp-e", true)] {
            guard let rest = name.dropPrefix(prefix) else { continue }
            let shape = "\(signed ? "" : "u")afp-eEmM (e.g. \(signed ? "" : "u")afp-e3m2)"
            let parts = rest.split(separator: "m", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let e = number(parts[0]), let m = number(parts[1]) else { throw malformed(shape) }
            return try make(.afp(exponentBits: e, mantissaBits: m, signed: signed))
        }
        if let rest = name.dropPrefix("pot-b") {
            guard let b = number(Substring(rest)) else { throw malformed("pot-bB (e.g. pot-b4)") }
            try validate(.ausn(basicBits: b, subdivisionBits: 0), name: name)
            return NumberFormat(validated: .ausn(basicBits: b, subdivisionBits: 0), spelledPowerOfTwo: true)
        }
        if let rest = name.dropPrefix("ausn-b") {
            let shape = "ausn-bBsS (e.g. ausn-b3s2) or ausn-bBtT1tT2… (e.g. ausn-b3t2t1)"
            if rest.contains("s") {
                let parts = rest.split(separator: "s", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, let b = number(parts[0]), let s = number(parts[1]) else { throw malformed(shape) }
                return try make(.ausn(basicBits: b, subdivisionBits: s))
            }
            let parts = rest.split(separator: "t", omittingEmptySubsequences: false)
            guard parts.count >= 2, let b = number(parts[0]) else { throw malformed(shape) }
            var tiers: [Int] = []
            for p in parts.dropFirst() {
                guard let t = number(p) else { throw malformed(shape) }
                tiers.append(t)
            }
            return try make(.ausnTiers(basicBits: b, tierBits: tiers))
        }
        throw FormatError("unknown format name '\(name)': expected intN, uintN, afp-eEmM, uafp-eEmM, ausn-bBsS, ausn-bBtT1tT2… or pot-bB")

        func make(_ kind: NumberFormat.Kind) throws -> NumberFormat {
            try validate(kind, name: name)
            return NumberFormat(validated: kind, spelledPowerOfTwo: false)
        }
    }

    /// A plain decimal number without sign or leading zeros (so that names round-trip exactly).
    private static func number(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 4, s.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        if s.count > 1 && s.first == "0" { return nil }
        return Int(s)
    }

    static func validate(_ kind: NumberFormat.Kind, name: String? = nil) throws {
        let label = name ?? "format"
        func check(_ ok: Bool, _ limit: String) throws {
            if !ok { throw FormatError("\(label): \(limit)") }
        }
        switch kind {
        case .int(let n):
            try check((2...32).contains(n), "intN needs N in 2..32 (got \(n))")
        case .uint(let n):
            try check((1...32).contains(n), "uintN needs N in 1..32 (got \(n))")
        case .afp(let e, let m, let signed):
            try check((0...8).contains(e), "AFP exponent bits E must be in 0..8 (got \(e))")
            try check((0...10).contains(m), "AFP mantissa bits M must be in 0..10 (got \(m))")
            let w = 1 + e + m
            try check((2...16).contains(w), "AFP needs 2 ≤ 1+E+M ≤ 16 (got 1+\(e)+\(m) = \(w))\(signed ? "" : " (uafp: same bound, without the sign bit)")")
        case .ausn(let b, let s):
            try check((1...6).contains(b), "AUSN basic bits B must be in 1..6 (got \(b))")
            try check((0...8).contains(s), "AUSN subdivision bits S must be in 0..8 (got \(s))")
            try check(1 + b + s <= 16, "AUSN needs 1+B+S ≤ 16 (got \(1 + b + s))")
        case .ausnTiers(let b, let tiers):
            try check((1...6).contains(b), "AUSN basic bits B must be in 1..6 (got \(b))")
            try check((1...4).contains(tiers.count), "AUSN tier reading needs 1..4 tiers (got \(tiers.count))")
            for t in tiers { try check((1...4).contains(t), "each AUSN tier must have 1..4 bits (got \(t))") }
            let w = 1 + b + tiers.reduce(0, +)
            try check(w <= 16, "AUSN needs 1+B+ΣT ≤ 16 (got \(w))")
        }
    }

    static func spell(_ f: NumberFormat) -> String {
        switch f.kind {
        case .int(let n): return "int\(n)"
        case .uint(let n): return "uint\(n)"
        case .afp(let e, let m, let signed): return "\(signed ? "" : "u")afp-e\(e)m\(m)"
        case .ausn(let b, let s): return f.spelledPowerOfTwo ? "pot-b\(b)" : "ausn-b\(b)s\(s)"
        case .ausnTiers(let b, let tiers): return "ausn-b\(b)" + tiers.map { "t\($0)" }.joined()
        }
    }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
