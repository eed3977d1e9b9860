/// A failure that should reach the user as one clear line: bad input, a failed tool run, a design
/// that does not match. The CLI prints `description` and exits with the status of its `kind`
/// (README, "Exit statuses and limits"); nothing traps.
public struct ToolError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, which decides the exit status.
    public enum Kind: Sendable, Equatable {
        /// The user's options, files or environment are wrong (exit status 2).
        case badInput
        /// An external tool could not run, crashed or failed (exit status 3).
        case toolFailed
        /// A check ran and found a mismatch, a counterexample or lint findings (exit status 1).
        case checkFailed
    }

    public let message: String
    public let kind: Kind
    public init(_ message: String, kind: Kind = .badInput) {
        self.message = message
        self.kind = kind
    }

    /// An external tool that could not start, crashed or reported an error.
    public static func toolFailed(_ message: String) -> ToolError { ToolError(message, kind: .toolFailed) }
    /// A check that ran and failed (mismatch, counterexample, lint findings).
    public static func checkFailed(_ message: String) -> ToolError { ToolError(message, kind: .checkFailed) }

    public var description: String { message }
}
