import BigInt

/// Where in the user's Swift source a piece of hardware was described: diagnostics point here,
/// and the Verilog backend writes it next to each signal so RTL maps back to source.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int

    public init(file: StaticString, line: UInt) {
        self.file = "\(file)"
        self.line = Int(line)
    }

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
