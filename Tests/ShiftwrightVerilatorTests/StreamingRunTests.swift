import Foundation
import Testing
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilog
import ShiftwrightFormats
import ShiftwrightGenerators
@testable import ShiftwrightFlows
@testable import ShiftwrightVerilator

/// The streamed, in-process, two-worker harness: the chunked library gives the simulator
/// executable's outputs, and a design that goes wrong at one known cycle is reported at exactly
/// that cycle, whichever worker and chunk it falls in (the exact cycle also shows that nothing
/// before it was reported: the wrapper alone changes nothing).
@Suite struct StreamingRunTests {
    static let config = try! PEConfig(activation: NumberFormat(parsing: "int8"), weight: NumberFormat(parsing: "ausn-b3s2"), pipelined: true)

    /// A random plan long enough to be split across both workers.
    static func longPlan(module: Module, external: (text: String, top: String)? = nil) -> VectorPlan {
        PEVerification.plan(config, module: module, externalVerilog: external,
                            options: .init(randomProducts: (1 << 20) + 5_000, accumulationCycles: 3_000,
                                           seed: 5, exhaustiveLimit: 0))
    }

    @Test func inProcessChunksEqualTheSimulatorExecutable() throws {
        let module = try PEGenerator.module(Self.config)
        let plan = PEVerification.plan(Self.config, module: module, options: .init(randomProducts: 30_000, accumulationCycles: 2_000, seed: 3, exhaustiveLimit: 0))
        let verilog = VerilogEmitter.emit(module)
        let executable = try VerilatorModel.build(verilog: [(verilog.fileName, verilog.text)], top: module.name, ports: module.portSpecs)
        let library = try SharedLibraryModel.build(verilog: [(verilog.fileName, verilog.text)], top: module.name, ports: module.portSpecs)
        let rows = RowComposer(plans: [plan], layout: library.layout).materialise(0..<plan.cycles)
        let viaFiles = try executable.run(stimulus: rows, cycles: plan.cycles)
        // Odd chunk sizes, so that chunk boundaries fall everywhere.
        var inProcess = [UInt64](repeating: 0, count: plan.cycles * library.layout.outputWords)
        let instance = library.instance()
        var done = 0, size = 1
        while done < plan.cycles {
            let n = min(size, plan.cycles - done)
            try rows.withUnsafeBufferPointer { input in
                try inProcess.withUnsafeMutableBufferPointer { output in
                    try instance.run(inputs: input.baseAddress! + done * library.layout.inputWords,
                                     outputs: output.baseAddress! + done * library.layout.outputWords, rows: n)
                }
            }
            done += n
            size = size * 3 + 1
        }
        #expect(inProcess == viaFiles)
    }

    /// Models are compiled by clang++ when it is on PATH (`ModelCompiler`: g++ -O2 compiles
    /// Verilator's multiplexers to branches that random stimulus mispredicts; see
    /// docs/verification-speed.md). The library's own compiler notes (`.comment`) say which
    /// compiler built its objects; g++ alone would leave only "GCC:" there.
    @Test func modelsAreCompiledByClangWhenItIsOnPath() throws {
        guard ProcessRunner.which("clang++") != nil else { return }
        let module = try PEGenerator.module(Self.config)
        let verilog = VerilogEmitter.emit(module)
        let library = try SharedLibraryModel.build(verilog: [(verilog.fileName, verilog.text)], top: module.name, ports: module.portSpecs)
        let binary = try Data(contentsOf: URL(fileURLWithPath: library.path))
        #expect(binary.range(of: Data("clang version".utf8)) != nil)
        #expect(ModelCompiler.current.makeVariables == ["CXX=clang++"])
    }

    /// The generated PE with its accumulator's bit 0 flipped whenever the inputs of the current
    /// and the two previous cycles are `history` (oldest first: (act, wt) three times). Only the
    /// last two cycles' inputs are state, which the warm-up replay of a split run rebuilds.
    static func mutant(_ module: Module, history: [(UInt64, UInt64)]) -> (text: String, top: String) {
        // Rename the top only (kept submodules share its name as a prefix).
        let text = VerilogEmitter.emit(module).text.replacingOccurrences(of: "module \(module.name)\\b", with: "module \(module.name)_inner",
                                                                          options: .regularExpression)
        let ports = module.portSpecs
        func declaration(_ p: PortSpec) -> String {
            "\(p.direction == .input ? "input" : "output")\(p.signed ? " signed" : "")\(p.width > 1 ? " [\(p.width - 1):0]" : "") \(p.name)"
        }
        let connections = ports.map { ".\($0.name)(\($0.name == "acc" ? "inner_acc" : $0.name))" }.joined(separator: ", ")
        let width = { (name: String) in ports.first { $0.name == name }!.width }
        let (accW, actW, wtW) = (width("acc"), width("act"), width("wt"))
        let wrapper = """
        module \(module.name) (\(ports.map(declaration).joined(separator: ", ")));
          wire [\(accW - 1):0] inner_acc;
          reg [\(actW - 1):0] a1, a2;
          reg [\(wtW - 1):0] w1, w2;
          always @(posedge clk) begin a1 <= act; a2 <= a1; w1 <= wt; w2 <= w1; end
          wire hit = act == \(actW)'d\(history[2].0) && wt == \(wtW)'d\(history[2].1) && a1 == \(actW)'d\(history[1].0)
                     && w1 == \(wtW)'d\(history[1].1) && a2 == \(actW)'d\(history[0].0) && w2 == \(wtW)'d\(history[0].1);
          \(module.name)_inner inner (\(connections));
          assign acc = inner_acc ^ {{\(accW - 1){1'b0}}, hit};
        endmodule
        """
        return (text + "\n" + wrapper + "\n", module.name)
    }

    @Test(arguments: [0.3, 0.9995])
    func aWrongCycleIsReportedExactly(at fraction: Double) throws {
        let module = try PEGenerator.module(Self.config)
        let plain = Self.longPlan(module: module)
        let rows = plain.rows(0..<plain.cycles)
        let pair = { (cycle: Int) in (rows[4 * cycle], rows[4 * cycle + 1]) }
        let chosen = Int(Double(plain.cycles) * fraction)
        let history = [pair(chosen - 2), pair(chosen - 1), pair(chosen)]
        // The first cycle whose three-cycle input history matches: where the mutant first errs.
        let first = try #require((2..<plain.cycles).first { c in (0..<3).allSatisfy { pair(c - 2 + $0) == history[$0] } })
        let plan = Self.longPlan(module: module, external: Self.mutant(module, history: history))
        let starts = plan.shareStarts(count: 2)
        try #require(starts.count == 2, "the run is split across both workers")
        let cut = starts[1]
        print("wrong cycle \(first) of \(plan.cycles), cut at \(cut)")
        let outcome = try BatchRunner.run([plan], waveOnMismatch: false)[0]
        #expect(!outcome.passed)
        #expect(outcome.mismatchCycle == first)
        #expect(outcome.mismatch?.hasPrefix("cycle \(first): acc = ") == true)
        #expect(outcome.mismatch?.contains("golden model expects") == true)
    }
}
