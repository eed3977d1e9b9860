import ShiftwrightHDL

/// The Verilog text of a design plus the map from every emitted name back to the Swift source.
public struct VerilogDesign: Sendable {
    /// The top module's name; also the file name stem (`<top>.v`).
    public let top: String
    /// Verilog-2005 text: the top module first, then every distinct submodule.
    public let text: String
    /// Every emitted signal: RTL name, module, kind, type and Swift source location.
    public let nameMap: [NameMapEntry]

    public var fileName: String { "\(top).v" }
}

/// One line of the source map: where an RTL signal came from.
public struct NameMapEntry: Sendable, Hashable, Codable {
    public let module: String
    public let rtlName: String
    public let kind: String
    public let type: String
    public let source: String?
}

/// Emits Verilog-2005 for an elaborated design: one self-contained file per design (top module
/// first, then each distinct submodule once), so the file lints and synthesizes on its own.
/// Output is a pure function of the design: identical designs give byte-identical text.
public enum VerilogEmitter {
    public static func emit(_ top: Module) -> VerilogDesign {
        var text = ""
        var map: [NameMapEntry] = []
        for (index, module) in top.hierarchy.enumerated() {
            let emitted = ModuleWriter(module: module, isTop: index == 0).write()
            text += (index == 0 ? "" : "\n") + emitted.text
            map += emitted.map
        }
        return VerilogDesign(top: top.name, text: text, nameMap: map)
    }

    /// The top module alone, without its submodules: for wrapping a design whose Verilog comes
    /// from elsewhere (a netlist, hand-written RTL) and is compiled beside this text.
    public static func emitTopOnly(_ top: Module) -> VerilogDesign {
        let emitted = ModuleWriter(module: top, isTop: true).write()
        return VerilogDesign(top: top.name, text: emitted.text, nameMap: emitted.map)
    }
}

/// Writes one `module … endmodule` block.
struct ModuleWriter {
    let module: Module
    let isTop: Bool
    let names: RTLNames
    let exprs: VerilogExpressions

    init(module: Module, isTop: Bool) {
        self.module = module
        self.isTop = isTop
        self.names = RTLNames(module)
        self.exprs = VerilogExpressions(module: module, names: names)
    }

    func write() -> (text: String, map: [NameMapEntry]) {
        var out: [String] = []
        var map: [NameMapEntry] = []
        let unused = UnusedBits(module: module, names: names, exprs: exprs)
        func note(_ id: NodeID, kind: String) {
            map.append(NameMapEntry(module: module.name, rtlName: names.name[id] ?? "?", kind: kind,
                                    type: module.nodes[id].type.description, source: names.origin[id]?.description))
        }
        func comment(_ id: NodeID) -> String { names.origin[id].map { "  // \($0)" } ?? "" }
        func range(_ t: HWType) -> String { (t.isSigned ? "signed " : "") + (t.width == 1 ? "" : "[\(t.width - 1):0] ") }
        func waived(_ id: NodeID, _ line: String) -> [String] {
            guard let why = unused.reason(id) else { return [line] }
            return ["  /* verilator lint_off UNUSEDSIGNAL */  // \(why)", line, "  /* verilator lint_on UNUSEDSIGNAL */"]
        }

        out += header()
        if !isTop { out.append("/* verilator lint_off DECLFILENAME */  // submodule of the top module in this one file") }
        if module.keepHierarchy { out.append("(* keep_hierarchy *)") }
        out.append("module \(module.name) (")
        let portLines = module.ports.enumerated().map { i, p -> [String] in
            let sep = i == module.ports.count - 1 ? "" : ","
            let decl = "  \(p.direction.rawValue) wire \(range(p.type))\(p.name)\(sep)"
            note(p.node, kind: p.direction.rawValue)
            let loc = p.location.map { "  // \($0)" } ?? (p.name == "clk" ? "  // implicit clock" : "  // implicit synchronous reset, active high")
            return waived(p.node, decl + loc)
        }
        out += portLines.flatMap { $0 }
        out.append(");")
        out += localParameters()

        // Declarations of registers, memories, instance outputs.
        for r in module.registers {
            out += waived(r.node, "  reg \(range(module.nodes[r.node].type))\(names.name[r.node]!);\(comment(r.node))")
            note(r.node, kind: "register")
        }
        for m in module.memories {
            out.append("  reg \(range(m.type))\(m.name) [0:\(m.depth - 1)];  // \(m.location)")
            map.append(NameMapEntry(module: module.name, rtlName: m.name, kind: "memory", type: "\(m.type) x \(m.depth)", source: m.location.description))
            for r in m.readPorts {
                out += waived(r.node, "  reg \(range(m.type))\(names.name[r.node]!);\(comment(r.node))")
                note(r.node, kind: "memory read data")
            }
        }
        for p in module.instances {
            for (_, node) in p.outputs.sorted(by: { $0.key < $1.key }) {
                out += waived(node, "  wire \(range(module.nodes[node].type))\(names.name[node]!);\(comment(node))")
                note(node, kind: "instance output")
            }
        }

        // Combinational logic, in node order (a topological order for operations).
        let outputs = Set(module.outputs.map(\.node))
        for id in names.live {
            let node = module.nodes[id]
            switch node.op {
            case .input, .register, .memoryRead, .instanceOutput, .constant, .reinterpret, .poison: continue
            case .wire:
                guard let driver = module.drivers[id] else { continue }
                let rhs = names.absorbedInto[driver] == id ? exprs.expression(driver) : exprs.ref(driver)
                if outputs.contains(id) {
                    out.append("  assign \(names.name[id]!) = \(rhs);\(comment(id))")
                } else {
                    out += waived(id, "  wire \(range(node.type))\(names.name[id]!) = \(rhs);\(comment(id))")
                    note(id, kind: "wire")
                }
            default:
                if names.absorbedInto[id] != nil { continue }
                out += waived(id, "  wire \(range(node.type))\(names.name[id]!) = \(exprs.expression(id));\(comment(id))")
                note(id, kind: "temporary")
            }
        }

        for p in module.instances { out += instance(p) }
        for r in module.registers { out += register(r) }
        for m in module.memories { out += memory(m) }
        out.append("endmodule")
        if !isTop { out.append("/* verilator lint_on DECLFILENAME */") }
        return (out.joined(separator: "\n") + "\n", map)
    }

    func header() -> [String] {
        var lines = ["// Generated by \(ShiftwrightVersion.producer) from \(module.generator). Do not edit: regenerate instead."]
        if !module.parameters.isEmpty {
            lines.append("// Parameters: " + module.parameters.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
        let regs = module.registers.count, mems = module.memories.count
        lines.append("// Module \(module.name): \(module.inputs.count) inputs, \(module.outputs.count) outputs, \(regs) registers, \(mems) memories, \(module.instances.count) instances.")
        return lines
    }

    /// One `localparam` per enumeration member (state names), waived when nothing reads it.
    func localParameters() -> [String] {
        guard !module.enumerations.isEmpty else { return [] }
        var read = Set<String>()
        for id in names.live { for o in module.nodes[id].op.operands { module.symbolicConstants[o].map { _ = read.insert($0) } } }
        for d in module.drivers.values { module.symbolicConstants[d].map { _ = read.insert($0) } }
        for r in module.registers {
            for n in [r.next] + [r.enable, r.clear].compactMap({ $0 }) { module.symbolicConstants[n].map { _ = read.insert($0) } }
            if let name = resetName(r) { read.insert(name) }
        }
        var lines: [String] = []
        for e in module.enumerations {
            let range = e.type.width == 1 ? "" : "[\(e.type.width - 1):0] "
            for member in e.members {
                let line = "  localparam \(range)\(member.name) = \(exprs.literal(member.value, width: e.type.width));  // \(e.location)"
                lines += read.contains(member.name) ? [line]
                    : ["  /* verilator lint_off UNUSEDPARAM */  // \(member.name) is not read", line, "  /* verilator lint_on UNUSEDPARAM */"]
            }
        }
        return lines
    }

    /// The enumeration member a register resets to, when it is a state register.
    func resetName(_ r: Module.Register) -> String? {
        guard let reset = r.reset, let e = module.enumerations.first(where: { $0.register == r.node }) else { return nil }
        return e.members.first { $0.value == reset }?.name
    }

    func instance(_ p: Module.Placement) -> [String] {
        var conns: [String] = []
        for port in p.module.ports {
            let actual: String
            if port.isImplicit { actual = port.name }
            else if port.direction == .input { actual = p.inputs[port.name].map { exprs.ref($0) } ?? "" }
            else { actual = p.outputs[port.name].map { exprs.ref($0) } ?? "" }
            if port.direction == .output && actual.isEmpty {
                conns.append("    .\(port.name)()")
            } else {
                conns.append("    .\(port.name)(\(actual))")
            }
        }
        return ["  \(p.module.name) \(p.name) (  // \(p.location)", conns.joined(separator: ",\n"), "  );"]
    }

    /// `always @(posedge clk)` block doing `target <= value`, only while `condition` holds if given.
    func clocked(_ target: String, _ value: String, when condition: String?, comment: String = "") -> [String] {
        var lines = ["  always @(posedge clk) begin\(comment)"]
        if let condition {
            lines += ["    if (\(condition)) begin", "      \(target) <= \(value);", "    end"]
        } else {
            lines.append("    \(target) <= \(value);")
        }
        return lines + ["  end"]
    }

    func register(_ r: Module.Register) -> [String] {
        let name = names.name[r.node]!
        let next = exprs.ref(r.next)
        let enable = r.enable.map { exprs.ref($0) }
        let width = module.nodes[r.node].type.width
        guard r.reset != nil || r.clear != nil else { return clocked(name, next, when: enable, comment: "  // \(r.location)") }
        // Priority chain rst > clear > enable: exactly a flip-flop's synchronous reset and clock enable.
        var lines = ["  always @(posedge clk) begin  // \(r.location)"]
        var keyword = "if"
        if let reset = r.reset {
            lines += ["    if (rst) begin", "      \(name) <= \(resetName(r) ?? exprs.literal(reset, width: width));"]
            keyword = "end else if"
        }
        if let clear = r.clear {
            lines += ["    \(keyword) (\(exprs.ref(clear))) begin", "      \(name) <= \(exprs.literal(0, width: width));"]
            keyword = "end else if"
        }
        lines += [enable.map { "    \(keyword) (\($0)) begin" } ?? "    end else begin", "      \(name) <= \(next);", "    end", "  end"]
        return lines
    }

    func memory(_ m: Module.MemoryBlock) -> [String] {
        let pow2 = m.depth & (m.depth - 1) == 0
        /// `address < depth`, needed only when the depth is not a power of two.
        func inRange(_ address: NodeID) -> String? {
            guard !pow2 else { return nil }
            let width = module.nodes[address].type.width + 1
            return "\(exprs.extended(address, to: width)) < \(exprs.literal(BigInt(m.depth), width: width))"
        }
        var lines: [String] = []
        for w in m.writePorts {
            let condition = [exprs.ref(w.enable), inRange(w.address)].compactMap { $0 }.joined(separator: " && ")
            lines += clocked("\(m.name)[\(exprs.ref(w.address))]", exprs.ref(w.data), when: condition)
        }
        for r in m.readPorts {
            let word = "\(m.name)[\(exprs.ref(r.address))]"
            let read = inRange(r.address).map { "(\($0)) ? \(word) : \(exprs.literal(0, width: m.type.width))" } ?? word
            lines += clocked(names.name[r.node]!, read, when: r.enable.map { exprs.ref($0) })
        }
        return lines
    }
}
