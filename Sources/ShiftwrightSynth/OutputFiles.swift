import Foundation
import ShiftwrightTooling

/// Writes a set of output files with `AtomicFile.writeAll`. Works around its failure on Linux when
/// a file already exists (swift-corelibs-foundation's `replaceItemAt` reports "The file doesn't
/// exist"): files about to be replaced are removed first, so a re-run into the same directory works.
/// Reported upstream to the owner of ShiftwrightTooling; drop this once `writeAll` replaces files.
public enum OutputFiles {
    public static func writeAll(_ files: [(name: String, data: Data)], into directory: String) throws {
        for file in files {
            let path = "\(directory)/\(file.name)"
            if FileManager.default.fileExists(atPath: path) { try? FileManager.default.removeItem(atPath: path) }
        }
        try AtomicFile.writeAll(files, into: directory)
    }
}
