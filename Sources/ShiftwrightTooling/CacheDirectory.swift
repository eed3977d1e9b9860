import Foundation

/// Where content-addressed builds (Verilator models, later synthesis results) are cached:
/// `$SHIFTWRIGHT_CACHE` when set and not empty, else `~/.cache/shiftwright`.
public enum CacheDirectory {
    public static var root: String {
        if let env = ProcessInfo.processInfo.environment["SHIFTWRIGHT_CACHE"], !env.isEmpty { return env }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/shiftwright").path
    }
}
