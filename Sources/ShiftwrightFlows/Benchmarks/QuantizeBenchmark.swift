import Foundation
import ShiftwrightBits
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilator
import ShiftwrightVerilog

/// The `bench quantize` benchmark: values per second through the golden quantizer.
public struct QuantizeBenchmark: Sendable {

    /// Number of values.
    public var count: Int = 10_000_000
    /// Timed runs per format (the best is reported).
    public var repeats: Int = 3
    /// Seed of the generated data.
    public var seed: UInt64 = 1
    /// Skip the NumPy comparison.
    public var noNumpy = false

    public init() {}

    public func run(log: (String) -> Void) throws {
        guard count > 0, count <= 500_000_000 else { throw ToolError("--count must be in 1...500000000") }
        guard repeats > 0 else { throw ToolError("--repeat must be ≥ 1") }
        let data = BenchQuantizeData.laplace(count: count, scale: 0.05, seed: seed)
        let maxAbs = Double(data.reduce(Float(0)) { max($0, abs($1)) })
        let range = try TensorRange(of: [maxAbs])
        var codes = [UInt32](repeating: 0, count: count)
        log("bench quantize: \(count) float32 values, Laplace(0, 0.05), seed \(seed), best of \(repeats)")
        for name in ["afp-e3m2", "ausn-b3s2"] {
            let f = try NumberFormat(parsing: name)
            let scale = ScaleChoice.choose(.paper, format: f, values: [maxAbs], range: range)
            let q = TensorQuantizer(format: f, scale: scale)
            var best = Double.infinity
            for _ in 0 ..< repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                data.withUnsafeBufferPointer { input in
                    codes.withUnsafeMutableBufferPointer { q.quantize(input, into: $0) }
                }
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            let rate = Double(count) / best
            log(String(format: "  %-10@ scale %4d  Swift: %8.1f M values/s  (%.3f s)", name as NSString, scale, rate / 1e6, best))
            if !noNumpy { numpyComparison(f, q, data: data, codes: codes, log: log) }
        }
    }

    /// Times np.searchsorted over the value set on the same data; prints why when it cannot.
    private func numpyComparison(_ f: NumberFormat, _ q: TensorQuantizer, data: [Float], codes: [UInt32], log: (String) -> Void) {
        guard ProcessRunner.which("python3") != nil else { log("             NumPy: skipped (python3 not found)"); return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shiftwright-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let x = dir.appendingPathComponent("x.npy").path, vs = dir.appendingPathComponent("vs.npy").path
            let ours = dir.appendingPathComponent("ours.npy").path
            try Npy.encode(floats: data, shape: [data.count]).write(to: URL(fileURLWithPath: x))
            let set = q.valueSet
            try Npy.encode(set, shape: [set.count]).write(to: URL(fileURLWithPath: vs))
            // Our timed codes, decoded exactly, so NumPy checks the very output that was timed.
            var valueOf: [UInt32: Double] = [:]
            for m in try f.members(scale: q.scale) { valueOf[UInt32(m.code)] = m.value.doubleValue }
            try Npy.encode(codes.map { valueOf[$0] ?? .nan }, shape: [codes.count]).write(to: URL(fileURLWithPath: ours))
            let result = try ProcessRunner.run("python3", ["-c", BenchQuantizeData.numpyScript, x, vs, ours, String(repeats)])
            guard result.succeeded else { log("             NumPy: skipped (\(result.tail(lines: 1)))"); return }
            log("             " + result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            log("             NumPy: skipped (\(error))")
        }
    }
}

/// Data and the NumPy script of `bench quantize`.
enum BenchQuantizeData {
    /// Seeded Laplace(0, b) float32 values (SplitMix64 + inverse CDF).
    static func laplace(count: Int, scale b: Double, seed: UInt64) -> [Float] {
        var rng = SplitMix64(seed: seed)
        var out = [Float](repeating: 0, count: count)
        for i in 0 ..< count {
            let z = rng.next()
            let u = (Double(z >> 11) + 0.5) * 0x1p-53 - 0.5 // (−0.5, 0.5)
            out[i] = Float(-b * (u < 0 ? -1 : 1) * Foundation.log(1 - 2 * abs(u)))
        }
        return out
    }

    /// argv: x.npy (float32), value set (float64, ascending), our dequantized values, repeats.
    static let numpyScript = """
    import sys, time
    import numpy as np
    x = np.load(sys.argv[1]); vs = np.load(sys.argv[2]); ours = np.load(sys.argv[3]); reps = int(sys.argv[4])
    mids = (vs[1:] + vs[:-1]) / 2
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        q = vs[np.searchsorted(mids, x)]
        best = min(best, time.perf_counter() - t)
    differ = q != ours
    tie = np.isin(x.astype(np.float64), mids)
    log(f"NumPy: {x.size / best / 1e6:8.1f} M values/s  ({best:.3f} s, np.searchsorted, numpy {np.__version__}); "
          f"results differing from ours: {int(np.count_nonzero(differ & tie))} exact ties (NumPy sends them down), "
          f"{int(np.count_nonzero(differ & ~tie))} others")
    """
}
