import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator
import ShiftwrightFlows

/// The generated PEs against the golden model in Verilator: every default configuration
/// exhaustively (one batched Verilator build), more format pairs seeded-random.
@Suite struct PEVerificationTests {
    static var seed: UInt64 { ProcessInfo.processInfo.environment["SHIFTWRIGHT_SEED"].flatMap(UInt64.init) ?? 7 }

    @Test func everyDefaultPEIsExactExhaustively() throws {
        let configs = try DefaultDesigns.peConfigs()
        let plans = try configs.map { PEVerification.plan($0, module: try PEGenerator.module($0)) }
        let outcomes = try BatchRunner.run(plans, name: "default_pes")
        #expect(outcomes.count == configs.count)
        for outcome in outcomes {
            #expect(outcome.coverage.hasPrefix("exhaustive"), "\(outcome.design): \(outcome.coverage)")
            #expect(outcome.passed, "\(outcome.design): \(outcome.mismatch ?? "")")
        }
    }

    /// Every layout of the integer MAC that a comparison may pick as the baseline (Booth in kept
    /// stages, Booth flat, the tool's `*`) is exact, for the Table 4 baselines int8 × int4, int5
    /// and int8, over every product (one batched build).
    @Test func everyIntegerMACLayoutIsExactExhaustively() throws {
        var plans: [VectorPlan] = []
        for weight in ["int4", "int5", "int8"] {
            for layout in PEGenerator.IntegerProduct.allCases {
                let config = try PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: weight),
                                          accumulationDepth: 1024, integerProduct: layout)
                plans.append(PEVerification.plan(config, module: try PEGenerator.module(config)))
            }
        }
        let outcomes = try BatchRunner.run(plans, name: "integer_layouts")
        #expect(outcomes.count == 9)
        #expect(Set(outcomes.map(\.design)).count == 9, "every layout is a module of its own name")
        for outcome in outcomes {
            #expect(outcome.coverage.hasPrefix("exhaustive"), "\(outcome.design): \(outcome.coverage)")
            #expect(outcome.passed, "\(outcome.design): \(outcome.mismatch ?? "")")
        }
    }

    @Test func moreFormatPairsSeededRandom() throws {
        let seed = Self.seed
        print("PEVerificationTests seed=\(seed)")
        let pairs: [(String, String, Int, Bool)] = [
            ("uint8", "ausn-b3s2", 16, false), ("int8", "ausn-b2t1t2", 64, false), ("uafp-e3m2", "ausn-b3s1", 8, false),
            ("ausn-b3s2", "afp-e2m2", 32, false), ("afp-e4m3", "afp-e3m2", 4, false), ("int4", "afp-e0m3", 16, false),
            ("int8", "ausn-b3s2", 1, true), ("afp-e2m1", "pot-b3", 1024, true), ("int16", "ausn-b4s3", 256, false),
            ("int6", "int3", 2, false), ("afp-e5m2", "ausn-b2t2t2", 3, false),
        ]
        var plans: [VectorPlan] = []
        for (i, (act, wt, k, pipe)) in pairs.enumerated() {
            let config = try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: wt),
                                      accumulationDepth: k, pipelined: pipe)
            plans.append(PEVerification.plan(config, module: try PEGenerator.module(config),
                                             options: .init(randomProducts: 30_000, accumulationCycles: 5_000, seed: seed &+ UInt64(i))))
        }
        for outcome in try BatchRunner.run(plans, name: "more_pes") {
            #expect(outcome.passed, "\(outcome.design) seed \(seed): \(outcome.mismatch ?? "")")
        }
    }
}
