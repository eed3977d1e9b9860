import Foundation
import Testing
import ShiftwrightVerilator
import ShiftwrightFlows
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilog

/// The exhaustive checker must catch a broken requantizer: one rounding-related line of the
/// emitted afp-e3m2 Verilog is changed, the model rebuilt, and the same check has to fail.
@Suite struct RequantMutationTests {
    /// A one-line edit of the emitted Verilog: the line starting with `linePrefix` (exactly one)
    /// has `original` replaced by `mutated`.
    struct Mutation: CustomStringConvertible, Sendable {
        let name: String
        let linePrefix: String
        let original: String
        let mutated: String
        var description: String { name }

        func apply(to verilog: String) throws -> String {
            var lines = verilog.components(separatedBy: "\n")
            let hits = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(linePrefix) }
            guard hits.count == 1, let i = hits.first, lines[i].contains(original) else {
                throw GeneratorError("mutation '\(name)': expected one line '\(linePrefix)…' containing '\(original)', found \(hits.count)")
            }
            lines[i] = lines[i].replacingOccurrences(of: original, with: mutated)
            return lines.joined(separator: "\n")
        }
    }

    static let mutations = [
        // Round half to even becomes "ties to the smaller magnitude".
        Mutation(name: "ties-even-dropped", linePrefix: "wire round_up =", original: "cut_round & round_up_or", mutated: "cut_round & cut_sticky"),
        // The significand's rounding overflow no longer carries into the exponent field.
        Mutation(name: "carry-into-exponent-dropped", linePrefix: "wire [5:0] grid_index =",
                 original: "{2'b0, significand_rounded}", mutated: "{{3{1'b0}}, significand_rounded[2:0]}"),
    ]

    @Test(arguments: mutations) func exhaustiveCheckCatchesTheMutant(_ mutation: Mutation) throws {
        let config = try RequantizerConfig(accumulatorWidth: 16, shiftBits: 6, target: try NumberFormat(parsing: "afp-e3m2"))
        let module = try RequantizerGenerator.module(config)
        let verilog = VerilogEmitter.emit(module)
        let mutant = try mutation.apply(to: verilog.text)
        #expect(mutant != verilog.text)
        let plan = RequantVerification.plan(config, module: module, externalVerilog: (mutant, module.name))
        let outcome = try BatchRunner.run([plan], waveOnMismatch: false)[0]
        #expect(!outcome.passed, "mutant '\(mutation.name)' survived \(outcome.cycles) vectors")
        print("RequantMutationTests: mutant '\(mutation.name)' caught: \(outcome.mismatch ?? "-")")
    }

    /// The same path (a single, unbatched external module) passes on the unmutated text.
    @Test func unmutatedSingleModulePasses() throws {
        let config = try RequantizerConfig(accumulatorWidth: 16, shiftBits: 6, target: try NumberFormat(parsing: "afp-e3m2"))
        let module = try RequantizerGenerator.module(config)
        let plan = RequantVerification.plan(config, module: module, externalVerilog: (VerilogEmitter.emit(module).text, module.name))
        let outcome = try BatchRunner.run([plan], waveOnMismatch: false)[0]
        #expect(outcome.passed, "\(outcome.mismatch ?? "")")
        #expect(outcome.coverage.hasPrefix("exhaustive"))
    }
}
