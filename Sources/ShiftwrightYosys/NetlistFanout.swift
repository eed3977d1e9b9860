import Foundation
import ShiftwrightTooling

/// The nets of one module of a Yosys JSON netlist (`write_json`) and each net's fan-out: the
/// number of cell input pins it drives. A net is one bit (Yosys's bit number); its names are
/// every name the netlist gives that bit (aliases share the bit), `name` for one-bit wires and
/// `name[i]` for bit i of wider ones. Constants are not nets. Clock nets are the `clk` port and
/// whatever a global clock buffer (BUFG, SB_GB, …) drives from it.
public struct NetlistFanout: Sendable {
    /// One net (one bit).
    public struct Net: Sendable, Hashable {
        public let bit: Int
        /// Every name of the bit, sorted.
        public let names: [String]
        /// Cell input pins the net drives (top-level output ports are not pins).
        public let loads: Int
        /// Driven by a cell output or a top-level input port.
        public let isDriven: Bool
        public let isClock: Bool
    }

    public let module: String
    /// The nets by bit number, ascending.
    public let nets: [Net]
    /// Cells by type (bookkeeping `$scopeinfo` cells excluded).
    public let cellsByType: [String: Int]

    /// Cell types that distribute a clock (their output is a clock net when their input is).
    public static let clockBuffers: Set<String> = ["BUFG", "BUFGCTRL", "BUFH", "BUFGCE", "SB_GB", "SB_GB_IO", "DCCA", "DCSC"]

    /// Reads `module` (the top) from `json`, the text of Yosys's `write_json`; `clock` names the clock port.
    public static func read(json: Data, module: String, clock: String = "clk") throws -> NetlistFanout {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              let modules = root["modules"] as? [String: Any] else {
            throw ToolError("netlist JSON has no modules: not the output of Yosys's write_json")
        }
        guard let top = modules[module] as? [String: Any] else {
            throw ToolError("netlist JSON has no module '\(module)' (has: \(modules.keys.sorted().joined(separator: ", ")))")
        }
        func bits(_ value: Any?) -> [Int?] { (value as? [Any] ?? []).map { ($0 as? NSNumber)?.intValue } }
        var names: [Int: [String]] = [:]
        for (name, entry) in top["netnames"] as? [String: Any] ?? [:] {
            guard let entry = entry as? [String: Any] else { continue }
            let list = bits(entry["bits"])
            let offset = (entry["offset"] as? NSNumber)?.intValue ?? 0
            let upto = ((entry["upto"] as? NSNumber)?.intValue ?? 0) != 0
            for (i, bit) in list.enumerated() {
                guard let bit else { continue }
                let index = upto ? offset + list.count - 1 - i : offset + i
                names[bit, default: []].append(list.count == 1 ? name : "\(name)[\(index)]")
            }
        }
        var driven = Set<Int>()
        var clocks = Set<Int>()
        for (name, entry) in top["ports"] as? [String: Any] ?? [:] {
            guard let entry = entry as? [String: Any], entry["direction"] as? String == "input" else { continue }
            let list = bits(entry["bits"]).compactMap { $0 }
            driven.formUnion(list)
            if name == clock { clocks.formUnion(list) }
        }
        var loads: [Int: Int] = [:]
        var cellsByType: [String: Int] = [:]
        var buffers: [(inputs: [Int], outputs: [Int])] = []
        for (_, entry) in top["cells"] as? [String: Any] ?? [:] {
            guard let cell = entry as? [String: Any], let type = cell["type"] as? String else { continue }
            if type == "$scopeinfo" { continue }
            cellsByType[type, default: 0] += 1
            let directions = cell["port_directions"] as? [String: String] ?? [:]
            var ins: [Int] = [], outs: [Int] = []
            for (port, connection) in cell["connections"] as? [String: Any] ?? [:] {
                let list = bits(connection).compactMap { $0 }
                switch directions[port] {
                case "input": ins += list
                case "output": outs += list
                case "inout": ins += list; outs += list
                default:
                    throw ToolError("netlist JSON: cell of type \(type) has no direction for port \(port) (write_json without cell library?)")
                }
            }
            for b in ins { loads[b, default: 0] += 1 }
            driven.formUnion(outs)
            if clockBuffers.contains(type) { buffers.append((ins, outs)) }
        }
        // Clock buffers fed by a clock net drive clock nets (a chain of them too).
        var grew = true
        while grew {
            grew = false
            for b in buffers where b.inputs.contains(where: clocks.contains) && !b.outputs.allSatisfy(clocks.contains) {
                clocks.formUnion(b.outputs)
                grew = true
            }
        }
        let nets = names.keys.sorted().map { bit in
            Net(bit: bit, names: names[bit]!.sorted(), loads: loads[bit] ?? 0, isDriven: driven.contains(bit), isClock: clocks.contains(bit))
        }
        return NetlistFanout(module: module, nets: nets, cellsByType: cellsByType)
    }
}
