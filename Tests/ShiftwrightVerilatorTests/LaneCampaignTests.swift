import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators
@testable import ShiftwrightFlows
@testable import ShiftwrightVerilator

/// Campaigns in lanes: a long plan's shares run side by side as copies of its design in one
/// wrapper with registered inputs, on one model instance per core. The wrapper must change no
/// output of any row (the shim delays `rst` like the data), and a design that goes wrong at one
/// known cycle must be reported at exactly that cycle, whichever lane and core it falls in.
@Suite struct LaneCampaignTests {
    static let config = StreamingRunTests.config

    /// The generated PE inside a DSL wrapper that flips the accumulator's bit 0 whenever the
    /// inputs of this and the two previous cycles are `history` (oldest first). Built with the
    /// DSL, so that the campaign wraps it into lanes like any generated design.
    static func mutant(_ pe: Module, history: [(UInt64, UInt64)]) throws -> Module {
        let type = { (name: String) in pe.ports.first { $0.name == name }!.type }
        return try Module.build("\(pe.name)_mutant") { m in
            let act = m.input("act", type("act")), wt = m.input("wt", type("wt"))
            let en = m.input("en", type("en")), clear = m.input("clear", type("clear"))
            let inner = m.instance(pe, name: "inner", inputs: ["act": act, "wt": wt, "en": en, "clear": clear])
            let a1 = m.reg("a1", type("act"), reset: nil), a2 = m.reg("a2", type("act"), reset: nil)
            let w1 = m.reg("w1", type("wt"), reset: nil), w2 = m.reg("w2", type("wt"), reset: nil)
            a1.assign(act); a2.assign(a1); w1.assign(wt); w2.assign(w1)
            let hit = act.eq(BigInt(history[2].0)) && wt.eq(BigInt(history[2].1)) && a1.eq(BigInt(history[1].0))
                && w1.eq(BigInt(history[1].1)) && a2.eq(BigInt(history[0].0)) && w2.eq(BigInt(history[0].1))
            let acc = inner.output("acc")
            m.output("acc", (acc.asUnsigned() ^ hit.extended(to: acc.type.width)).asSigned())
        }
    }

    /// The mutant for the input history ending at `fraction` of a long random plan, its plan,
    /// and the first cycle at which it errs (from the stimulus alone).
    static func mutantPlan(at fraction: Double, seed: UInt64) throws -> (plan: VectorPlan, first: Int) {
        let pe = try PEGenerator.module(config)
        let options = PEVerification.Options(randomProducts: (1 << 20) + 5_000, accumulationCycles: 3_000, seed: seed, exhaustiveLimit: 0)
        let plain = PEVerification.plan(config, module: pe, options: options)
        let rows = plain.rows(0..<plain.cycles)
        let pair = { (cycle: Int) in (rows[4 * cycle], rows[4 * cycle + 1]) }
        let chosen = Int(Double(plain.cycles) * fraction)
        let history = [pair(chosen - 2), pair(chosen - 1), pair(chosen)]
        let first = try #require((2..<plain.cycles).first { c in (0..<3).allSatisfy { pair(c - 2 + $0) == history[$0] } })
        return (PEVerification.plan(config, module: try mutant(pe, history: history), options: options), first)
    }

    @Test(arguments: [0.3, 0.9995])
    func aWrongCycleInALaneIsReportedExactly(at fraction: Double) throws {
        let (plan, first) = try Self.mutantPlan(at: fraction, seed: 5)
        let campaign = try Campaign([plan], name: "\(plan.module.name)_lanes")
        print("wrong cycle \(first) of \(plan.cycles); \(campaign.lanes) lanes x \(campaign.workers) workers")
        #expect(campaign.lanes > 1)
        #expect(campaign.workers == BatchRunner.workers)
        let outcome = try BatchRunner.run([plan], waveOnMismatch: false)[0]
        #expect(outcome.mismatchCycle == first)
        #expect(outcome.mismatch?.hasPrefix("cycle \(first): acc = ") == true)
    }

    /// Two different designs in one batch: each gets lanes on both cores, the broken one is
    /// reported at its exact cycle and the other passes.
    @Test func aBatchOfTwoDesignsIsSpreadOverLanesOnBothCores() throws {
        let (broken, first) = try Self.mutantPlan(at: 0.6, seed: 7)
        let other = try PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "int4"))
        let sound = PEVerification.plan(other, module: try PEGenerator.module(other),
                                        options: .init(randomProducts: 1 << 20, accumulationCycles: 3_000, seed: 7, exhaustiveLimit: 0))
        let campaign = try Campaign([broken, sound], name: "lanes_pair")
        let lanes = (0..<2).map { p in campaign.layout.owners.filter { $0 == p }.count }
        print("lanes per design \(lanes), workers \(campaign.workers)")
        #expect(lanes.allSatisfy { $0 > 1 })
        #expect(campaign.workers == BatchRunner.workers)
        let outcomes = try BatchRunner.run([broken, sound], name: "lanes_pair", waveOnMismatch: false)
        #expect(outcomes.map(\.design) == [broken.module.name, sound.module.name])
        #expect(outcomes[0].mismatchCycle == first)
        #expect(outcomes[1].passed)
    }

    /// Row for row, every lane of a registered wrapper shows what the design alone shows in the
    /// simulator executable, row 0 (reset) included. The planted fault: the same wrapper run by a
    /// shim that does not delay `rst` (built as if unregistered) disagrees.
    @Test func registeredLanesChangeNoOutput() throws {
        let pe = try PEGenerator.module(Self.config)
        let plan = PEVerification.plan(Self.config, module: pe, options: .init(randomProducts: 3_000, accumulationCycles: 2_000, seed: 9, exhaustiveLimit: 0))
        let alone = VerilogEmitter.emit(pe)
        let executable = try VerilatorModel.build(verilog: [(alone.fileName, alone.text)], top: pe.name, ports: pe.portSpecs)
        let rows = RowComposer(plans: [plan], layout: executable.layout).materialise(0..<plan.cycles)
        let expected = try executable.run(stimulus: rows, cycles: plan.cycles)
        let wrapper = try DesignBatch.wrap([pe, pe], name: "lanes_probe", registeredInputs: true)
        let text = VerilogEmitter.emit(wrapper)
        func lanes(registeredShim: Bool) throws -> [[UInt64]] {
            let model = try SharedLibraryModel.build(verilog: [(text.fileName, text.text)], top: wrapper.name, ports: wrapper.portSpecs,
                                                     registeredInputs: registeredShim)
            let composer = RowComposer(plans: [plan, plan], layout: model.layout)
            let input = composer.materialise(0..<plan.cycles)
            var output = [UInt64](repeating: 0, count: plan.cycles * model.layout.outputWords)
            try input.withUnsafeBufferPointer { i in
                try output.withUnsafeMutableBufferPointer { o in
                    try model.instance().run(inputs: i.baseAddress!, outputs: o.baseAddress!, rows: plan.cycles)
                }
            }
            let words = model.layout.outputWords
            return (0..<2).map { lane in (0..<plan.cycles).flatMap { row in (0..<(words / 2)).map { output[row * words + lane * words / 2 + $0] } } }
        }
        let shown = try lanes(registeredShim: true)
        #expect(shown[0] == expected)
        #expect(shown[1] == expected)
        #expect(try lanes(registeredShim: false)[0] != expected)
    }

    /// A clocked design without `rst` (a free-running counter, power-up 0) must not get
    /// registered inputs: the first edge would come one row early. Its output at row i is i.
    @Test func aDesignWithoutResetKeepsItsRows() throws {
        let counter = try Module.build("free_counter") { m in
            let enable = m.input("go", .bit)
            let count = m.reg("count", .unsigned(16), reset: nil)
            count.assign((count + enable.extended(to: 16)).truncated(to: 16))
            m.output("value", count)
        }
        #expect(!counter.portSpecs.contains { $0.name == "rst" })
        let cycles = 5_000
        let plan = VectorPlan(module: counter, cycles: cycles, inputWordsPerCycle: 1, coverage: "counter", exhaustive: false,
                              stimulus: { _, rows in rows.fill(words: 1, with: 1) },
                              checker: { _, _ in { first, _, view in
                                  (0..<view.cycles).first { view.word($0) != UInt64(first + $0) }.map { (first + $0, "count = \(view.word($0))") }
                              } })
        let outcome = try BatchRunner.run([plan, plan], name: "counter_pair", waveOnMismatch: false)
        let mismatches = outcome.compactMap(\.mismatch)
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(outcome.count == 2)
    }
}
