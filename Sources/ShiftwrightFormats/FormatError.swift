/// A problem with a format name, a value or a tensor handed to the golden model: one clear line
/// that the CLI prints as is. Nothing in the model traps on user input; it throws this instead.
public struct FormatError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// How an exact tie between two neighbouring representable values is broken (docs/arithmetic.md §3.3, §4.5).
/// `even`: the code whose least significant bit is 0 wins; when both or neither code is even the
/// smaller magnitude wins (only possible for AUSN). `smaller`: the smaller magnitude always wins
/// (the behaviour of the AFP authors' released code).
public enum TieRule: String, Sendable, Hashable, CaseIterable {
    case even, smaller
}

extension TieRule {
    /// `even` or `smaller`, or a one-line error naming both.
    public static func parse(_ text: String) throws -> TieRule {
        guard let t = TieRule(rawValue: text) else { throw FormatError("bad --ties '\(text)': expected even or smaller") }
        return t
    }
}
