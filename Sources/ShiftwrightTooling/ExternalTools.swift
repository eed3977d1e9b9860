import Foundation

/// Knows the external tools Shiftwright drives, how to find them, and how to report their
/// versions (every report prints them, because area and lint results move between versions).
public enum ExternalTool: String, CaseIterable, Sendable {
    case verilator, yosys, nextpnrIce40 = "nextpnr-ice40"

    /// The Debian package that provides the tool.
    public var debianPackage: String {
        switch self {
        case .verilator: "verilator"
        case .yosys: "yosys"
        case .nextpnrIce40: "nextpnr-ice40"
        }
    }

    /// The path of the tool, or a `ToolError` telling the user how to install it.
    public func require() throws -> String {
        guard let path = ProcessRunner.which(rawValue) else {
            throw ToolError("\(rawValue) is not installed: run 'apt-get install -y --no-install-recommends \(debianPackage)' (or scripts/setup.sh)")
        }
        return path
    }

    /// The tool's one-line version string, e.g. "Verilator 5.006 2023-01-22".
    public func version() throws -> String {
        _ = try require()
        let flag = self == .yosys ? "-V" : "--version"
        let result = try ProcessRunner.run(rawValue, [flag])
        let text = result.stdout.isEmpty ? result.stderr : result.stdout
        return text.split(separator: "\n").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "unknown"
    }
}
