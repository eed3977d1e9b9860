import Testing
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL

/// Configuration checks, names and ports of the requantizer generator.
@Suite struct RequantConfigTests {
    static func format(_ name: String) throws -> NumberFormat { try NumberFormat(parsing: name) }

    @Test func invalidConfigurationsThrowOneClearLine() throws {
        let target = try Self.format("int8")
        let cases: [(Int, Int, String)] = [(1, 6, "accumulator width"), (65, 6, "accumulator width"),
                                           (16, 1, "shift input"), (16, 9, "shift input")]
        for (acc, shift, phrase) in cases {
            do {
                _ = try RequantizerConfig(accumulatorWidth: acc, shiftBits: shift, target: target)
                Issue.record("acc \(acc), shift \(shift) was accepted")
            } catch let error as GeneratorError {
                #expect(error.message.contains(phrase), "\(error.message)")
                #expect(error.message.contains("\(acc == 16 ? shift : acc)"), "\(error.message)")
                #expect(!error.message.contains("\n"))
            }
        }
    }

    @Test func namesAreDistinctAndReadable() throws {
        let afp = try Self.format("afp-e3m2")
        let base = try RequantizerConfig(accumulatorWidth: 16, target: afp)
        #expect(base.moduleName == "requant_acc16_s6_to_afp_e3m2")
        #expect(base.latency == 0)
        let variants = [
            base,
            try RequantizerConfig(accumulatorWidth: 16, target: afp, ties: .smaller),
            try RequantizerConfig(accumulatorWidth: 16, target: afp, pipelined: true),
            try RequantizerConfig(accumulatorWidth: 16, target: afp, ties: .smaller, pipelined: true),
            try RequantizerConfig(accumulatorWidth: 16, shiftBits: 7, target: afp),
            try RequantizerConfig(accumulatorWidth: 16, target: try Self.format("pot-b4")),
            try RequantizerConfig(accumulatorWidth: 16, target: try Self.format("ausn-b4s0")),
        ]
        #expect(Set(variants.map(\.moduleName)).count == variants.count)
        #expect(variants[2].latency == 1)
    }

    @Test func portsMatchTheConfiguration() throws {
        let config = try RequantizerConfig(accumulatorWidth: 20, shiftBits: 5, target: try Self.format("ausn-b2t1t2"), pipelined: true)
        let module = try RequantizerGenerator.module(config)
        #expect(module.name == config.moduleName)
        #expect(module.port("acc")?.type == .signed(20))
        #expect(module.port("shift")?.type == .signed(5))
        #expect(module.port("code")?.type == .unsigned(6))
        #expect(module.hasClock)
    }
}
