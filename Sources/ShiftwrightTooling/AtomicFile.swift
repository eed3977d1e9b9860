import Foundation

/// Writes output files so that a reader (or a crash) never sees half of one: content goes to a
/// temporary sibling first and is renamed into place.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw ToolError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Writes a set of files all-or-nothing: everything is staged in a temporary directory next to
    /// `directory`, and only when every file is staged are they moved into place.
    public static func writeAll(_ files: [(name: String, data: Data)], into directory: String) throws {
        let dirURL = URL(fileURLWithPath: directory)
        let staging = dirURL.deletingLastPathComponent()
            .appendingPathComponent(".\(dirURL.lastPathComponent).staging-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dirURL, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: staging) }
            for file in files {
                try file.data.write(to: staging.appendingPathComponent(file.name))
            }
            for file in files {
                // rename(2) replaces an existing file atomically (Foundation's replaceItemAt fails
                // on Linux when the target exists).
                let from = staging.appendingPathComponent(file.name).path, to = dirURL.appendingPathComponent(file.name).path
                guard rename(from, to) == 0 else {
                    throw ToolError("cannot move \(file.name) into \(directory): \(String(cString: strerror(errno)))")
                }
            }
        } catch let error as ToolError {
            throw error
        } catch {
            throw ToolError("cannot write into \(directory): \(error.localizedDescription)")
        }
    }
}
