import ArgumentParser
import Foundation
import ShiftwrightFlows

/// The documented range of every numeric option that has no check of its own in the design
/// configurations (README, "Exit statuses and limits"), checked in `validate()` before any work:
/// a huge, zero or negative value is one clear line naming the option and the limit, never a
/// trap, an allocation the machine cannot hold or a run that never ends.
enum OptionLimits {
    /// Random vectors of an exported testbench (each costs tens of bytes of stimulus and golden
    /// values held at once, and written to files).
    static let vectors = 1...20_000_000
    /// Random vectors of `verify pe`/`verify requant` and `bench cosim`, which stream them in
    /// fixed-size chunks (memory stays flat, so only time limits a run).
    static let streamedVectors = 1...10_000_000_000
    /// Activation rows M of a random GEMM (the array's buffer depth limit).
    static let gemmRows = 1...65_536
    /// Reduction depth K of a random GEMM (further limited by rows x max-tiles).
    static let gemmDepth = 1...1_048_576
    /// Activations M x K of one random GEMM (both factors are in range, so the product cannot overflow).
    static let gemmElements = 16_777_216
    /// Random GEMMs of one `verify array` or `bench array` run.
    static let gemms = 1...10_000
    /// Graph nodes of `bench elaborate`.
    static let cells = 100...10_000_000
    /// Timed repetitions of a benchmark.
    static let repeats = 1...1_000
    /// Parallel Yosys processes.
    static let jobs = 1...256
    /// The nextpnr placer seed (a C int).
    static let placerSeed = 0...Int(Int32.max)
    /// PE rows and columns of `infer`'s arrays (the array generator's limit; the columns are
    /// further limited by the width of a result row).
    static let arraySide = ArrayConfig.sizeRange
    /// Test images of one `infer` run (further limited to the size of the test split).
    static let testImages = 1...1_000_000
    /// Square array sides of `bench array`.
    static let elaborateSide = 1...256, simulateSide = 1...64
    /// λ of the AFP cost trade-off.
    static let lambda = 0.0...1_000.0
    /// Replayed vectors or cycles of an exported testbench that may be zero
    /// (`--exhaustive-limit`, `--accumulation-cycles`): at most as many as `vectors`.
    static let testbenchCycles = 0...vectors.upperBound
    /// A per-layer SQNR target of `plan`, in dB.
    static let sqnrTarget = -100.0...200.0

    /// Throws a one-line `ValidationError` when `value` lies outside `range`.
    static func check<T: Comparable>(_ value: T, in range: ClosedRange<T>, _ option: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
        }
    }

    /// The same for an option that may be absent.
    static func check<T: Comparable>(_ value: T?, in range: ClosedRange<T>, _ option: String) throws {
        if let value { try check(value, in: range, option) }
    }

    /// A file the run will write (a waveform): its folder must exist and be writable, and no
    /// folder may stand in its place, so the run cannot end "passed" without writing it.
    static func checkWritable(_ path: String?, _ option: String) throws {
        guard let path else { return }
        guard !path.isEmpty else { throw ValidationError("\(option) is empty") }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("\(option) \(path) is a folder, not a file")
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(option) \(path): the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ValidationError("\(option) \(path): the folder \(folder) is not writable")
        }
    }
}
