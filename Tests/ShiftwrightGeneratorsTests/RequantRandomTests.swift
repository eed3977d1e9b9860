import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightGenerators

/// Seeded random co-simulation over a wide spread of targets, widths, tie rules and pipelining.
@Suite struct RequantRandomTests {
    /// Seed from $SHIFTWRIGHT_SEED, else a fixed default; always printed so failures reproduce.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["SHIFTWRIGHT_SEED"].flatMap(UInt64.init) ?? 20_261_123
    }

    /// (target, accumulator width, shift bits, ties, pipelined)
    static let spread: [(String, Int, Int, TieRule, Bool)] = [
        ("uint8", 12, 5, .even, false), ("int4", 8, 4, .even, false), ("afp-e2m1", 10, 6, .even, false),
        ("afp-e4m3", 32, 8, .even, false), ("uafp-e3m2", 20, 6, .even, false), ("afp-e0m3", 9, 4, .even, false),
        ("ausn-b2s1", 14, 5, .even, false), ("pot-b4", 24, 7, .even, false), ("ausn-b3t2", 16, 6, .even, false),
        ("ausn-b2t1t2", 18, 6, .even, false), ("ausn-b2t3t3t3", 28, 7, .even, false), ("ausn-b1t4", 11, 3, .even, false),
        ("int8", 16, 6, .smaller, false), ("afp-e3m2", 16, 6, .smaller, false), ("ausn-b3s2", 16, 6, .smaller, false),
        ("pot-b3", 13, 5, .smaller, false), ("ausn-b3t2", 16, 6, .smaller, false), ("uint4", 8, 3, .smaller, false),
        ("afp-e4m3", 24, 8, .even, true), ("ausn-b3t2t1", 32, 8, .even, true), ("int32", 64, 8, .even, false),
        ("afp-e8m7", 64, 8, .even, false), ("ausn-b6s8", 40, 8, .even, false), ("uafp-e0m1", 8, 2, .even, false),
    ]

    static func configs() throws -> [RequantizerConfig] {
        try spread.map { name, acc, shift, ties, pipelined in
            try RequantizerConfig(accumulatorWidth: acc, shiftBits: shift, target: try NumberFormat(parsing: name),
                                  ties: ties, pipelined: pipelined)
        }
    }

    /// A random input: magnitudes of every bit length equally likely, sometimes sparse (ties and
    /// exact grid values), sometimes the extremes; shifts uniform over the whole range.
    static func vector(_ config: RequantizerConfig, _ rng: inout SplitMix64) -> RequantVector {
        let w = config.accumulatorWidth
        let half = 1 << (config.shiftBits - 1)
        let shift = Int.random(in: -half..<half, using: &rng)
        let length = Int.random(in: 0...w, using: &rng)
        // A magnitude of w bits only exists as the most negative accumulator.
        if length == w { return RequantVector(acc: w == 64 ? Int64.min : -(Int64(1) << Int64(w - 1)), shift: shift) }
        var magnitude: Int64 = length == 0 ? 0 : (Int64(1) << Int64(length - 1))
        if length > 1 {
            var low = rng.next() & ((UInt64(1) << UInt64(length - 1)) - 1)
            if Bool.random(using: &rng) { low &= rng.next() & rng.next() }  // sparse: few set bits
            magnitude |= Int64(bitPattern: low)
        }
        return RequantVector(acc: Bool.random(using: &rng) ? -magnitude : magnitude, shift: shift)
    }

    @Test func spreadOfTargetsMatchesTheGoldenModel() throws {
        let seed = Self.seed
        print("RequantRandomTests seed=\(seed) (rerun with SHIFTWRIGHT_SEED=\(seed))")
        let start = Date()
        let configs = try Self.configs()
        let bench = try RequantBench(configs, name: "requant_random")
        var rng = SplitMix64(seed: seed)
        let cycles = 100_000
        var inputs: [RequantVector] = []
        inputs.reserveCapacity(cycles * configs.count)
        for _ in 0..<cycles { for config in configs { inputs.append(Self.vector(config, &rng)) } }
        let result = try bench.check(cycles: cycles) { cycle, d in inputs[cycle * configs.count + d] }
        #expect(result.mismatch == nil, "seed \(seed): \(result.mismatch.map { "\($0)" } ?? "")")
        #expect(result.comparisons == cycles * configs.count)
        print("RequantRandomTests: \(result.comparisons) vectors over \(configs.count) configurations in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}
