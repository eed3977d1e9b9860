import Foundation
import Testing
import ShiftwrightVerilator
import ShiftwrightFlows
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

    @Test func spreadOfTargetsMatchesTheGoldenModel() throws {
        let seed = Self.seed
        print("RequantRandomTests seed=\(seed) (rerun with SHIFTWRIGHT_SEED=\(seed))")
        let start = Date()
        let vectors = 100_000
        let configs = try Self.configs()
        let plans = try configs.enumerated().map { i, config in
            RequantVerification.plan(config, module: try RequantizerGenerator.module(config), randomVectors: vectors, seed: seed &+ UInt64(i),
                                     exhaustiveLimit: 1 << 22)
        }
        let outcomes = try BatchRunner.run(plans, name: "requant_random")
        #expect(outcomes.count == plans.count)
        for (config, (plan, outcome)) in zip(configs, zip(plans, outcomes)) {
            #expect(outcome.passed, "seed \(seed): \(outcome.design): \(outcome.mismatch ?? "")")
            // Small input spaces are covered whole; larger ones get `vectors` random pairs.
            let space = config.accumulatorWidth + config.shiftBits <= 22 ? 1 << (config.accumulatorWidth + config.shiftBits) : vectors
            #expect(plan.cycles >= space, "\(outcome.design): \(outcome.coverage)")
        }
        print("RequantRandomTests: \(plans.reduce(0) { $0 + $1.cycles }) vectors over \(plans.count) configurations in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}
