import Foundation

/// An external program Shiftwright drives (Verilator, Yosys, nextpnr, …): how to find it, how to
/// install it, and its one-line version (every report prints it, because area, timing and lint
/// results move between versions). The one tool locator of the project.
public struct ExternalTool: Sendable, Hashable {
    /// The program name on PATH, or a path.
    public let executable: String
    /// How a user installs it, as a command line for the error message.
    public let installHint: String
    /// The flag that prints the version.
    public let versionFlag: String

    public init(_ executable: String, installHint: String, versionFlag: String = "--version") {
        self.executable = executable
        self.installHint = installHint
        self.versionFlag = versionFlag
    }

    public static let verilator = ExternalTool("verilator", installHint: "apt-get install -y --no-install-recommends verilator")
    public static let yosys = ExternalTool("yosys", installHint: "apt-get install -y --no-install-recommends yosys", versionFlag: "-V")

    /// The path of the tool, or a `ToolError` telling the user how to install it.
    @discardableResult
    public func require() throws -> String {
        guard let path = ProcessRunner.which(executable) else {
            throw ToolError.toolFailed("\(executable) is not installed: run '\(installHint)' (or scripts/setup.sh)")
        }
        return path
    }

    /// The first non-empty line the tool prints for its version flag, e.g. "Verilator 5.006 2023-01-22".
    public func version() throws -> String {
        try require()
        let result = try ProcessRunner.run(executable, [versionFlag])
        guard result.succeeded else {
            throw ToolError.toolFailed("\(executable) \(versionFlag) failed (\(result.exitDescription)): \(result.tail())")
        }
        let line = (result.stdout + "\n" + result.stderr).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        guard let line else { throw ToolError.toolFailed("\(executable) \(versionFlag) printed nothing") }
        return line
    }
}
