import Foundation
import ShiftwrightHDL
import ShiftwrightTooling

/// Where mismatch waveforms go and how a user opens them: `<directory>/<top>-mismatch.fst`, the
/// directory given with `--wave-dir` or, by default, `waves/` inside the cache directory (never
/// the working directory), each with a GTKWave save file (`.gtkw`) beside it that opens the dump
/// with the design's ports listed and the view at the traced window.
public enum Waveforms {
    /// The default folder of mismatch waveforms.
    public static var defaultDirectory: String { "\(CacheDirectory.root)/waves" }

    /// The waveform path for a mismatch of `top` in `directory` (default: `defaultDirectory`),
    /// creating the folder.
    public static func mismatchPath(top: String, directory: String?) throws -> String {
        let dir = directory ?? defaultDirectory
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return "\(dir)/\(top)-mismatch.fst"
    }

    /// The GTKWave save file path beside the dump at `path` (`x.fst` → `x.gtkw`).
    public static func saveFilePath(for path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("gtkw").path
    }

    /// A GTKWave save file for the dump at `path` of `top`: every port (Verilator's top scope
    /// `TOP`), one-bit ports in binary and wider ones in hex, the view starting at `fromCycle`
    /// (the driver advances 10 time units per cycle). Deterministic.
    public static func saveFile(dump path: String, top: String, ports: [PortSpec], fromCycle: Int) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var lines = [
            "[*] Shiftwright: waveform of \(top); open with: gtkwave \(saveFilePath(for: absolute))",
            "[dumpfile] \"\(absolute)\"",
            "[timestart] \(fromCycle * 10)",
            "[treeopen] TOP.",
        ]
        let ordered = ports.filter(\.isInput) + ports.filter { !$0.isInput }
        for port in ordered {
            lines.append(port.width == 1 ? "@28" : "@22")
            lines.append(port.width == 1 ? "TOP.\(port.name)" : "TOP.\(port.name)[\(port.width - 1):0]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the save file beside the dump at `path`; returns its path.
    @discardableResult
    public static func writeSaveFile(dump path: String, top: String, ports: [PortSpec], fromCycle: Int) throws -> String {
        let file = saveFilePath(for: path)
        try AtomicFile.write(saveFile(dump: path, top: top, ports: ports, fromCycle: fromCycle), to: file)
        return file
    }
}
