import ShiftwrightHDL

/// Wraps several designs into one top module so one Verilator build serves them all (Verilator
/// build time, not simulation, dominates verification time), and so one `eval()` of the model
/// advances them all (the scheduler's cost per call is shared by every design in it). Ports
/// become `d<i>_<port>`.
public enum DesignBatch {
    /// With `registeredInputs`, every data input (not `clk`/`rst`) passes through a register
    /// without reset (`d<i>_<port>_q`) before it reaches its design. Verilator then evaluates the
    /// designs' logic once per clock cycle, after the edge, instead of in both `eval()` calls of a
    /// cycle (their input logic would otherwise sit in the input-combinational region, which runs
    /// on every call). The designs see each row one edge later; the simulator shim delays `rst`
    /// by the same edge (`SW_REGISTERED`), so outputs sampled after the edge equal the
    /// unregistered design's outputs sampled before it, row for row.
    public static func wrap(_ designs: [Module], name: String = "sw_batch", registeredInputs: Bool = false) throws -> Module {
        var parameters = [("designs", designs.map(\.name).joined(separator: ","))]
        if registeredInputs { parameters.append(("registered_inputs", "1")) }
        return try Module.build(name, generator: "DesignBatch", parameters: parameters) { m in
            for (i, design) in designs.enumerated() {
                var inputs: [String: Signal] = [:]
                for port in design.inputs where !port.isImplicit {
                    let input = m.input("d\(i)_\(port.name)", port.type)
                    if registeredInputs {
                        let held = m.reg("d\(i)_\(port.name)_q", port.type, reset: nil)
                        held.assign(input)
                        inputs[port.name] = held
                    } else {
                        inputs[port.name] = input
                    }
                }
                let placed = m.instance(design, name: "u\(i)_\(design.name)", inputs: inputs)
                for port in design.outputs { m.output("d\(i)_\(port.name)", placed.output(port.name)) }
            }
        }
    }
}
