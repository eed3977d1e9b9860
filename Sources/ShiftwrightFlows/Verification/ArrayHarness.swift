import ShiftwrightYosys
import ShiftwrightVerilator
import BigInt
import ShiftwrightHDL
import ShiftwrightGenerators
import ShiftwrightVerilog

/// The testbench wrapper of an array, written in the DSL so the open-loop driver can exercise
/// closed-loop valid/ready handshakes: the stimulus pushes weight beats, activation beats and
/// job descriptors into FIFOs one per cycle; the FIFOs offer them to the array (valid gated by
/// random `gate_w`/`gate_a` bits, so sources stall) and pop on each transfer. The result sink's
/// `y_ready` comes straight from the stimulus (random stalls). A job starts when the array is
/// idle and the random `go` bit is set; `glitch` raises `start` while the array is busy, with the
/// (random) `job_in` bits as its parameters, which the array must ignore.
enum ArrayHarness {
    /// Input ports in stimulus order (besides `clk`/`rst`).
    static let inputs = ["push_w", "w_in", "push_a", "a_in", "push_job", "job_in", "gate_w", "gate_a", "go", "y_ready", "glitch"]

    struct Depths: Hashable { let weights: Int, activations: Int, jobs: Int }

    /// How array simulators are compiled: each distinct column module once, as a Verilator
    /// hierarchical block (the array repeats it C times); see docs/verification-speed.md.
    static func tuning(_ c: ArrayConfig) -> VerilatorTuning {
        VerilatorTuning(hierarchicalBlocks: [ArrayGenerator.columnModuleName(c)])
    }

    /// The harness around `array`, its Verilog (rewritten by `transform`, for mutation tests)
    /// and its simulator, built with `tuning` (default `tuning(c)`; cached by content).
    static func model(_ c: ArrayConfig, array: Module, depths: Depths, transform: (@Sendable (String) -> String)? = nil,
                      tuning: VerilatorTuning? = nil) throws -> (harness: Module, verilog: (name: String, text: String), model: VerilatorModel) {
        let harness = try module(c, array: array, depths: depths)
        let emitted = VerilogEmitter.emit(harness)
        let verilog = (name: emitted.fileName, text: transform?(emitted.text) ?? emitted.text)
        let model = try VerilatorModel.build(verilog: [verilog], top: harness.name, ports: harness.portSpecs, tuning: tuning ?? self.tuning(c))
        return (harness, verilog, model)
    }

    static func module(_ c: ArrayConfig, array: Module, depths: Depths) throws -> Module {
        let aw = c.rowIndexWidth, tw = c.tileIndexWidth, sb = c.shiftBits
        let name = GeneratorNames.bounded("tb_\(array.name)_w\(depths.weights)_a\(depths.activations)_j\(depths.jobs)")
        return try Module.build(name, generator: "ShiftwrightFlows.ArrayHarness") { m in
            let pushW = m.input("push_w", .bit)
            let wIn = m.input("w_in", .unsigned(c.cols * c.weight.codeWidth))
            let pushA = m.input("push_a", .bit)
            let aIn = m.input("a_in", .unsigned(c.rows * c.activation.codeWidth))
            let pushJob = m.input("push_job", .bit)
            let jobIn = m.input("job_in", .unsigned(aw + tw + sb))
            let gateW = m.input("gate_w", .bit), gateA = m.input("gate_a", .bit)
            let go = m.input("go", .bit), yReady = m.input("y_ready", .bit), glitch = m.input("glitch", .bit)

            let weights = m.streamFIFO("wq", depth: depths.weights, data: wIn, push: pushW)
            let acts = m.streamFIFO("aq", depth: depths.activations, data: aIn, push: pushA)
            let jobs = m.streamFIFO("jq", depth: depths.jobs, data: jobIn, push: pushJob)

            let busy = m.wire("dut_busy", .bit)
            let wReady = m.wire("dut_w_ready", .bit), aReady = m.wire("dut_a_ready", .bit)
            let startNormal = (jobs.valid & go & ~busy).named("start_normal")
            let start = (startNormal | (glitch & busy)).named("start")
            let job = m.mux(startNormal, jobs.head, jobIn).named("job")
            let wValid = (weights.valid & gateW).named("w_valid")
            let aValid = (acts.valid & gateA).named("a_valid")
            jobs.pop.assign(startNormal)
            weights.pop.assign(wValid & wReady)
            acts.pop.assign(aValid & aReady)

            let dut = m.instance(array, name: "dut", inputs: [
                "start": start, "last_row": job[aw - 1, 0], "last_tile": job[aw + tw - 1, aw],
                "shift": job[aw + tw + sb - 1, aw + tw].asSigned(),
                "w_valid": wValid, "w_data": weights.head, "a_valid": aValid, "a_data": acts.head, "y_ready": yReady,
            ])
            busy.assign(dut["busy"])
            wReady.assign(dut["w_ready"])
            aReady.assign(dut["a_ready"])
            m.output("y_valid", dut["y_valid"])
            m.output("busy", busy)
            m.output("done", dut["done"])
            m.output("y_data", dut["y_data"])
        }
    }
}
