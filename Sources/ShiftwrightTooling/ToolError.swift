/// A failure that should reach the user as one clear line: a missing tool, a failed tool run,
/// bad input. The CLI prints `description` and exits non-zero; nothing traps.
public struct ToolError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
