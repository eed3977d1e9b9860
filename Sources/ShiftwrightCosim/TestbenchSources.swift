import Foundation
import ShiftwrightTooling

/// Locates the project's `testbench/` directory (the C++ driver): `$SHIFTWRIGHT_TESTBENCH` if set,
/// else the checkout this tool was built from.
public enum TestbenchSources {
    public static func directory() throws -> String {
        if let env = ProcessInfo.processInfo.environment["SHIFTWRIGHT_TESTBENCH"] { return env }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Sources/ShiftwrightCosim/<file>
        let dir = url.appendingPathComponent("testbench").path
        guard FileManager.default.fileExists(atPath: dir + "/sw_driver.cpp") else {
            throw ToolError("testbench/sw_driver.cpp not found (looked in \(dir)); set SHIFTWRIGHT_TESTBENCH to the testbench directory")
        }
        return dir
    }

    public static func driver() throws -> String {
        let path = try directory() + "/sw_driver.cpp"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ToolError("cannot read \(path)") }
        return text
    }
}

/// Where builds are cached: `$SHIFTWRIGHT_CACHE`, else `~/.cache/shiftwright`.
public enum BuildCache {
    public static var root: String {
        if let env = ProcessInfo.processInfo.environment["SHIFTWRIGHT_CACHE"] { return env }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/shiftwright").path
    }
}
