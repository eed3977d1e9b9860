import BigInt

/// One problem found while building or elaborating a module, pointing at the user's source line.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var location: SourceLocation?
    public let message: String

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

/// Thrown by `Module.build` when a description is not valid hardware: every problem found is
/// listed, each with the Swift file and line that caused it.
public struct ElaborationError: Error, CustomStringConvertible, Sendable {
    public let module: String
    public let diagnostics: [Diagnostic]

    public var description: String {
        if diagnostics.count == 1 { return "module '\(module)': \(diagnostics[0])" }
        return "module '\(module)': \(diagnostics.count) errors, the first: \(diagnostics[0])\n"
            + diagnostics.map { "  \($0)" }.joined(separator: "\n")
    }

    /// Messages only, for tests that check which problem was found.
    public var messages: [String] { diagnostics.map(\.message) }
}
