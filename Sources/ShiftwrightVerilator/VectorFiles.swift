import Foundation
import ShiftwrightTooling
#if canImport(Glibc)
import Glibc
#endif

/// Moves large word arrays to and from the driver's files without intermediate copies, on a
/// RAM-backed directory (/dev/shm) when the machine has one.
enum VectorFiles {
    static func scratchDirectory() throws -> String {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path
        return try ScratchSpace.makeDirectory("shiftwright-run", in: base)
    }

    static func write(_ words: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ToolError("cannot create \(path)") }
        defer { close(fd) }
        try words.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                guard n > 0 else { throw ToolError("cannot write \(path)") }
                offset += n
            }
        }
    }

    static func read(_ path: String, bytes: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ToolError("cannot open \(path)") }
        defer { close(fd) }
        var words = [UInt8](repeating: 0, count: bytes)
        var offset = 0
        try words.withUnsafeMutableBytes { raw in
            while offset < bytes {
                let n = Glibc.read(fd, raw.baseAddress! + offset, bytes - offset)
                guard n > 0 else { throw ToolError("\(path) holds \(offset) bytes, expected \(bytes)") }
                offset += n
            }
        }
        return words
    }
}
