import Foundation
import Testing
import ShiftwrightFormats
import ShiftwrightTooling
import ShiftwrightGenerators
@testable import ShiftwrightVerilator
@testable import ShiftwrightFlows

/// Array simulators are built with the column module as a Verilator hierarchical block
/// (`ArrayHarness.tuning`). The block must name a real module of the design, the hierarchical
/// model must give exactly the flat model's outputs, a bug planted inside a cell must still be
/// caught through it, and it makes a 64×64 array affordable to co-simulate in the suite.
@Suite struct ArrayHierarchicalBuildTests {
    /// A hierarchical Verilator model carries its blocks' protect-lib entry points.
    static func isHierarchical(_ model: VerilatorModel) throws -> Bool {
        let binary = try Data(contentsOf: URL(fileURLWithPath: model.executable))
        return binary.range(of: Data("_protectlib_create".utf8)) != nil
    }

    @Test func theBlockIsTheArraysColumnModule() throws {
        let c = try ArrayTestSupport.config(3, 2, "int8", "ausn-b3s2")
        let blocks = ArrayHarness.tuning(c).hierarchicalBlocks
        #expect(blocks == [ArrayGenerator.columnModuleName(c)])
        let modules = try ArrayGenerator.module(c).hierarchy
        let column = try #require(modules.first { $0.name == blocks.first })
        // Verilator 5.006 cannot parse its own wrapper of a block with a signed port.
        #expect(column.ports.allSatisfy { !$0.type.isSigned }, "\(column.ports.filter { $0.type.isSigned }.map(\.name))")
    }

    @Test func hierarchicalModelGivesTheFlatModelsOutputs() throws {
        let c = try ArrayTestSupport.config(3, 3, "int8", "ausn-b3s2", maxRows: 16, maxTiles: 3)
        let gemms = try ArrayTestSupport.gemms(c, shapes: [(4, 3), (9, 8), (2, 7)], seed: 71)
        let scenario = try ArrayScenario(config: c, segments: [.init(gemms)], seed: 72)
        let plan = ArrayStimulus(scenario)
        let array = try ArrayGenerator.module(c)
        let flat = try ArrayHarness.model(c, array: array, depths: plan.depths, tuning: .standard).model
        let hierarchical = try ArrayHarness.model(c, array: array, depths: plan.depths).model
        #expect(try !Self.isHierarchical(flat))
        #expect(try Self.isHierarchical(hierarchical), "the default array build must be hierarchical")
        let stimulus = plan.words(scenario, layout: hierarchical.layout)
        let outputs = try hierarchical.run(stimulus: stimulus, cycles: plan.cycles)
        #expect(outputs == (try flat.run(stimulus: stimulus, cycles: plan.cycles)))
        let failure = ArrayVerification.check(scenario, plan: plan, layout: hierarchical.layout, stimulus: stimulus, outputs: outputs)
        #expect(failure == nil, "\(failure?.message ?? "")")
        // The raw mode runs the same loop over the same rows, and refuses a stimulus shorter than asked.
        let raw = try hierarchical.runRaw(stimulus: stimulus, cycles: plan.cycles)
        #expect(raw.cycles == plan.cycles && raw.wallSeconds > 0 && raw.cpuSeconds > 0)
        let run = try ProcessRunner.run(hierarchical.executable, ["--raw", "/dev/null", "10"])
        #expect(!run.succeeded && run.stderr.contains("shorter than CYCLES"), "\(run.stderr)")
    }

    @Test func blockListIsPlainConfigurationOrRefused() throws {
        let file = try VerilatorTuning(hierarchicalBlocks: ["col_a", "col_b"]).configurationFile()
        #expect(file == "`verilator_config\nhier_block -module \"col_a\"\nhier_block -module \"col_b\"\n")
        #expect(try VerilatorTuning.standard.configurationFile() == nil)
        for bad in ["a\" -x", "", "1col", "col b", "col\n"] {
            #expect(throws: ToolError.self, "\(bad)") { try VerilatorTuning(hierarchicalBlocks: [bad]).configurationFile() }
        }
    }

    /// Clears the sign bit of every registered product inside the cell (int8 x ausn-b3s2: 17 bits).
    static func signBitDropped(_ text: String) -> String {
        text.replacingOccurrences(of: "product_q <= u_prod_q;", with: "product_q <= u_prod_q & 17'h0ffff;")
    }

    @Test func bugInACellIsCaughtThroughTheHierarchicalBuild() throws {
        let c = try ArrayTestSupport.config(3, 3, "int8", "ausn-b3s2", maxRows: 16, maxTiles: 3)
        let gemms = try ArrayTestSupport.gemms(c, shapes: [(4, 3), (9, 8), (2, 7)], seed: 71)
        let module = try ArrayGenerator.module(c)
        let text = ShiftwrightVerilogText.of(module)
        #expect(Self.signBitDropped(text) != text, "the mutation must change the cell's Verilog")
        let result = try ArrayVerification.run(try ArrayScenario(config: c, segments: [.init(gemms)], seed: 72), module: module,
                                               transform: Self.signBitDropped, waveOnMismatch: false)
        #expect(!result.passed)
        #expect(result.outcome.mismatch?.contains("(m, n)") == true, "\(result.outcome.mismatch ?? "")")
    }

    /// The issue's largest size, once: one build (40–50 s cold on the shared 2-core machine,
    /// against 6–9 min flat) and two small GEMMs, every element against the golden model.
    @Test func array64x64CosimulatesAgainstTheGoldenModel() throws {
        let c = try ArrayTestSupport.config(64, 64, "int8", "ausn-b3s2", maxRows: 8, maxTiles: 2)
        let gemms = try ArrayTestSupport.gemms(c, shapes: [(5, 64), (3, 100)], seed: 81)
        let result = try ArrayVerification.run(try ArrayScenario(config: c, segments: [.init(gemms)], seed: 82), waveOnMismatch: false)
        print(String(format: "64x64 array: build %.1f s, %d cycles simulated in %.2f s", result.outcome.buildSeconds,
                     result.outcome.cycles, result.outcome.simulationSeconds))
        #expect(result.passed, "\(result.outcome.mismatch ?? "")")
        #expect(result.elements == (5 + 3) * 64)
    }
}
