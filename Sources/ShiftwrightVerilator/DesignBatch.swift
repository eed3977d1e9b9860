import ShiftwrightHDL

/// Wraps several designs into one top module so one Verilator build serves them all (Verilator
/// build time, not simulation, dominates verification time). Ports become `d<i>_<port>`.
public enum DesignBatch {
    public static func wrap(_ designs: [Module], name: String = "sw_batch") throws -> Module {
        try Module.build(name, generator: "DesignBatch", parameters: [("designs", designs.map(\.name).joined(separator: ","))]) { m in
            for (i, design) in designs.enumerated() {
                var inputs: [String: Signal] = [:]
                for port in design.inputs where !port.isImplicit {
                    inputs[port.name] = m.input("d\(i)_\(port.name)", port.type)
                }
                let placed = m.instance(design, name: "u\(i)_\(design.name)", inputs: inputs)
                for port in design.outputs { m.output("d\(i)_\(port.name)", placed.output(port.name)) }
            }
        }
    }
}
