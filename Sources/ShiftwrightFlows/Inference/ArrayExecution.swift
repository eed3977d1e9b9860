import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightVerilator

/// Runs one layer's GEMM (any M and N) on a generated array in Verilator and returns what the
/// array put on its result stream: the output codes come from the simulation, never from the
/// golden model. The GEMM is split into array-sized problems (`ArrayWorkload`) that one build
/// (cached by content) runs back to back through the same harness as `verify array`.
enum ArrayExecution {
    /// The M × N output codes (row-major) and the time spent.
    struct Result { let codes: [UInt64]; let buildSeconds: Double; let simulationSeconds: Double; let cycles: Int }

    static func run(_ g: GemmProblem, config c: ArrayConfig) throws -> Result {
        let problems = try ArrayWorkload.blocks(x: g.x, w: g.w, m: g.m, k: g.k, n: g.n, shift: g.shift, config: c)
        let scenario = try ArrayScenario(config: c, segments: [.init(problems)], stalls: .none, seed: 1)
        let plan = ArrayStimulus(scenario)
        let model = try ArrayHarness.model(c, array: try ArrayGenerator.module(c), depths: plan.depths).model
        let stimulus = plan.words(scenario, layout: model.layout)
        let t0 = Date()
        let outputs = try model.run(stimulus: stimulus, cycles: plan.cycles)
        let simulated = Date().timeIntervalSince(t0)
        let beats = resultBeats(layout: model.layout, stimulus: stimulus, outputs: outputs, cycles: plan.cycles, config: c)
        let expectedBeats = problems.reduce(0) { $0 + $1.m }
        guard beats.count == expectedBeats else {
            throw ToolError.checkFailed("the array transferred \(beats.count) of \(expectedBeats) result rows in \(plan.cycles) cycles")
        }
        // Reassemble in ArrayWorkload's order: column blocks outside, row chunks inside.
        var codes = [UInt64](repeating: 0, count: g.m * g.n)
        var beat = 0
        for col0 in stride(from: 0, to: g.n, by: c.cols) {
            for row in 0..<g.m {
                for j in 0..<c.cols where col0 + j < g.n { codes[row * g.n + col0 + j] = beats[beat][j] }
                beat += 1
            }
        }
        return Result(codes: codes, buildSeconds: model.buildSeconds, simulationSeconds: simulated, cycles: plan.cycles)
    }

    /// The `y_data` codes of every cycle with `y_valid` and `y_ready` both 1, in order.
    static func resultBeats(layout: PortLayout, stimulus: [UInt64], outputs: [UInt64], cycles: Int, config c: ArrayConfig) -> [[UInt64]] {
        let yValid = layout.outputIndex("y_valid")!.offset, yData = layout.outputIndex("y_data")!
        let yReady = layout.inputOffset("y_ready")!
        var beats: [[UInt64]] = []
        for cycle in 0..<cycles {
            let base = cycle * layout.outputWords
            guard outputs[base + yValid] & 1 == 1, stimulus[cycle * layout.inputWords + yReady] == 1 else { continue }
            beats.append(ArrayStimulus.unpack(outputs[(base + yData.offset)..<(base + yData.offset + yData.port.words)],
                                              count: c.cols, bits: c.target.codeWidth))
        }
        return beats
    }
}
