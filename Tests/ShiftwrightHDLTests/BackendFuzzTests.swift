import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightVerilator
import ShiftwrightYosys

/// Random designs, emitted to Verilog, compiled by Verilator and compared cycle by cycle with the
/// DSL interpreter. Designs are batched into one top module so one Verilator build serves many.
@Suite struct BackendFuzzTests {
    /// Seed from $SHIFTWRIGHT_SEED, else a fixed default; always printed so failures reproduce.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["SHIFTWRIGHT_SEED"].flatMap(UInt64.init) ?? 20_261_123
    }

    @Test func randomDesignsAgreeBetweenInterpreterAndVerilator() throws {
        let seed = Self.seed
        print("BackendFuzzTests seed=\(seed) (rerun with SHIFTWRIGHT_SEED=\(seed))")
        for batch in 0..<3 {
            var designs: [Module] = []
            for i in 0..<8 {
                var generator = RandomDesign(seed: seed &+ UInt64(batch * 100 + i))
                designs.append(try generator.module(name: "rnd\(batch)_\(i)"))
            }
            let top = try DesignBatch.wrap(designs, name: "fuzz\(batch)")
            let verilog = VerilogEmitter.emit(top)
            let lint = try VerilatorLint.findings(verilog: verilog.text, fileName: verilog.fileName, top: top.name)
            #expect(lint.isEmpty, "seed \(seed) batch \(batch): lint findings:\n\(lint.joined(separator: "\n"))")
            let result = try BackendCrossCheck.run(top, cycles: 400, seed: seed &+ UInt64(batch))
            #expect(result.mismatch == nil, "seed \(seed) batch \(batch): \(result.mismatch.map { "\($0)" } ?? "")")
            #expect(result.comparisons > 400)
        }
    }

    @Test func crossCheckCatchesABackendBug() throws {
        // A planted backend bug: the Verilog of a correct design is edited so one adder subtracts.
        let module = try Module.build("planted") { m in
            let a = m.input("a", .unsigned(8)), b = m.input("b", .unsigned(8))
            m.output("y", (a + b).named("total"))
        }
        let good = VerilogEmitter.emit(module).text
        let bad = good.replacingOccurrences(of: "} + {", with: "} - {")
        #expect(bad != good)
        let ports = module.portSpecs
        let model = try VerilatorModel.build(verilog: [("planted.v", bad)], top: "planted", ports: ports)
        var stimulus: [UInt64] = []
        for a in 0..<16 { for b in 0..<16 { stimulus += [UInt64(a * 13), UInt64(b * 7)] } }
        let out = try model.run(stimulus: stimulus, cycles: 256)
        let sim = Simulator(module)
        var disagreements = 0
        for cycle in 0..<256 {
            sim.set("a", BigInt(stimulus[2 * cycle])); sim.set("b", BigInt(stimulus[2 * cycle + 1]))
            sim.evaluate()
            if sim.get("y") != BigInt(out[cycle]) { disagreements += 1 }
        }
        #expect(disagreements > 0)
    }
}
