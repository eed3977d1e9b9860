import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightVerilator
import ShiftwrightFlows

/// A checker that cannot fail is worthless: each test plants one bug in the emitted Verilog of a
/// PE and asserts that co-simulation against the golden model catches it.
@Suite struct PEMutationTests {
    /// Verifies `config` with its Verilog changed by replacing `original` with `mutated` in the
    /// one line containing `marker`; returns the outcome.
    func verifyMutant(_ act: String, _ weight: String, line marker: String, _ original: String, _ mutated: String,
                      checkWaveform: Bool = false) throws -> VerificationOutcome {
        let config = try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight))
        let module = try PEGenerator.module(config)
        let text = VerilogEmitter.emit(module).text
        var lines = text.components(separatedBy: "\n")
        let hits = lines.indices.filter { lines[$0].contains(marker) && lines[$0].contains(original) }
        #expect(hits.count == 1, "marker '\(marker)' should pick exactly one line")
        for i in hits { lines[i] = lines[i].replacingOccurrences(of: original, with: mutated) }
        let mutant = lines.joined(separator: "\n")
        #expect(mutant != text)
        let wave = FileManager.default.temporaryDirectory.appendingPathComponent("sw-mutant-\(UUID().uuidString).vcd").path
        defer {
            try? FileManager.default.removeItem(atPath: wave)
            try? FileManager.default.removeItem(atPath: Waveforms.saveFilePath(for: wave))  // the GTKWave file beside it
        }
        let plan = PEVerification.plan(config, module: module, externalVerilog: (mutant, module.name),
                                       options: .init(accumulationCycles: 2_000))
        let outcome = try BatchRunner.run([plan], wave: checkWaveform ? wave : nil, waveOnMismatch: checkWaveform)[0]
        if checkWaveform {
            #expect(FileManager.default.fileExists(atPath: wave), "a waveform of the failing window is written")
            try expectMismatchSignals(wave: wave, outcome: outcome)
        }
        return outcome
    }

    /// The dump holds the golden value (`tb_expected_acc`) and the mismatch flag (`tb_mismatch`)
    /// beside the design's `acc`: at each sample (clk low, t = 10·cycle) acc and its expected value
    /// differ exactly where the flag is 1 after that cycle's clock edge (t + 5), and the first
    /// difference is the cycle the checker reported.
    func expectMismatchSignals(wave: String, outcome: VerificationOutcome) throws {
        let dump = try VCDValues(path: wave)
        let acc = try #require(dump.values["acc"]), expected = try #require(dump.values["tb_expected_acc"])
        let flag = try #require(dump.values["tb_mismatch"], "the dump has a tb_mismatch signal")
        let reported = try #require(outcome.mismatchCycle)
        var first: Int?
        for time in dump.times where time % 10 == 0 {
            let differs = dump.value(acc, at: time) != dump.value(expected, at: time)
            #expect(dump.value(flag, at: time + 5) == (differs ? "1" : "0"), "tb_mismatch after the edge of cycle \(time / 10)")
            if differs, first == nil { first = time / 10 }
        }
        #expect(first == reported, "the dump's first difference is the reported mismatch cycle")
    }

    @Test func flippedAUSNShiftAmountIsCaught() throws {
        let outcome = try verifyMutant("int8", "ausn-b3s2", line: "shifted_low_b0_0 = shifted_low_sel0 ?", "shifted_low_by1", "shifted_low_by2", checkWaveform: true)
        #expect(!outcome.passed)
        #expect(outcome.mismatch?.contains("golden model expects") == true)
    }

    @Test func droppedShiftAddTermIsCaught() throws {
        let outcome = try verifyMutant("int8", "ausn-b3s2", line: "wire signed [7:0] pp1 =", "? act :", "? 8'h0 :")
        #expect(!outcome.passed)
    }

    @Test func wrongAFPExponentBiasIsCaught() throws {
        // Subnormals read as normal numbers: the hidden 1 always present.
        let outcome = try verifyMutant("int8", "afp-e3m2", line: "wire normal =", "|normal_bits", "1'b1")
        #expect(!outcome.passed)
    }

    @Test func droppedSignIsCaught() throws {
        let outcome = try verifyMutant("int8", "pot-b4", line: "assign cin =", "wt_sign", "1'b0")
        #expect(!outcome.passed)
    }

    @Test func brokenBaselineMultiplierIsCaught() throws {
        let outcome = try verifyMutant("int8", "int4", line: "wire booth1_one =", " ^ ", " & ")
        #expect(!outcome.passed)
    }
}

/// The value changes of a VCD file's top-level signals, by name (enough to read a dump back).
struct VCDValues {
    /// Signal name → (time, value) changes in time order; values as the VCD writes them (binary).
    var values: [String: [(time: Int, value: String)]] = [:]
    var times: [Int] = []

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var names: [String: String] = [:], depth = 0, time = 0
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let words = line.split(separator: " ").map(String.init)
            if line.hasPrefix("$scope") { depth += 1 } else if line.hasPrefix("$upscope") { depth -= 1 }
            // Depth 2: the top module's own scope inside Verilator's TOP.
            else if line.hasPrefix("$var"), words.count >= 5, depth <= 2, names[words[3]] == nil { names[words[3]] = words[4] }
            else if line.hasPrefix("#"), let t = Int(line.dropFirst()) { time = t; times.append(t) }
            else if line.hasPrefix("b"), words.count == 2, let name = names[words[1]] { values[name, default: []].append((time, String(words[0].dropFirst()))) }
            else if let first = line.first, "01xz".contains(first), line.count >= 2, let name = names[String(line.dropFirst())] {
                values[name, default: []].append((time, String(first)))
            }
        }
    }

    /// The value at `time` (the last change at or before it), leading zeros dropped.
    func value(_ changes: [(time: Int, value: String)], at time: Int) -> String {
        let raw = changes.last { $0.time <= time }?.value ?? "x"
        let trimmed = raw.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
