import Foundation
import ShiftwrightTooling

/// The area of one synthesized design, read from Yosys's machine-readable `stat -json`
/// (`design.num_cells_by_type`), classified into the columns users compare: LUTs, flip-flops,
/// carry cells, wide-function muxes, DSP blocks and the total.
public struct AreaFigures: Sendable, Hashable, Codable {
    /// Every cell type and its count, as Yosys reported it (minus bookkeeping cells).
    public let cellsByType: [String: Int]

    public init(cellsByType: [String: Int]) {
        self.cellsByType = cellsByType.filter { !CellClass.ignored.contains($0.key) }
    }

    /// Reads `stat -json` output: the design's totals (submodules counted once per instance).
    /// Unknown keys are ignored (newer Yosys versions add some), and so are the instances of kept
    /// submodules that Yosys 0.70 lists among the cells beside the submodules' own cells.
    public init(statJSON data: Data) throws {
        let (design, _) = try Self.parse(statJSON: data)
        self = design
    }

    /// The design's totals and each module's own figures (by name, without Yosys's `\`).
    public static func parse(statJSON data: Data) throws -> (design: AreaFigures, modules: [String: AreaFigures]) {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? Self.withoutStrayLines(data),
              let design = root["design"] as? [String: Any],
              let cells = design["num_cells_by_type"] as? [String: Any] else {
            throw ToolError("Yosys statistics are not in the expected form (no design.num_cells_by_type)")
        }
        let moduleEntries = (root["modules"] as? [String: Any]) ?? [:]
        let names = Set(moduleEntries.keys.map { $0.hasPrefix("\\") ? String($0.dropFirst()) : $0 })
        func figures(_ cells: [String: Any]) -> AreaFigures {
            AreaFigures(cellsByType: cells.compactMapValues { ($0 as? NSNumber)?.intValue }
                .filter { !names.contains($0.key) && !names.contains("\\" + $0.key) })
        }
        var modules: [String: AreaFigures] = [:]
        for (key, value) in moduleEntries {
            guard let entry = value as? [String: Any], let cells = entry["num_cells_by_type"] as? [String: Any] else { continue }
            modules[key.hasPrefix("\\") ? String(key.dropFirst()) : key] = figures(cells)
        }
        return (figures(cells), modules)
    }

    /// Yosys 0.23's `stat -json` prints hierarchy lines (`   name   1`) into the JSON for nested
    /// kept modules; without them the text parses.
    private static func withoutStrayLines(_ data: Data) -> [String: Any]? {
        let text = String(decoding: data, as: UTF8.self)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let fields = line.split(separator: " ")
            let stray = fields.count == 2 && Int(fields[1]) != nil
                && !fields[0].contains(where: { "\"{}[]:,".contains($0) })
            return !stray
        }
        return (try? JSONSerialization.jsonObject(with: Data(kept.joined(separator: "\n").utf8))) as? [String: Any]
    }

    private func count(_ cls: CellClass) -> Int {
        cellsByType.reduce(0) { $0 + (CellClass.of($1.key) == cls ? $1.value : 0) }
    }

    /// Look-up tables of any size (LUT1–LUT6, SB_LUT4, LUT4). Zero on the generic target.
    public var luts: Int { count(.lut) }
    public var flipFlops: Int { count(.flipFlop) }
    /// Carry-chain cells (CARRY4/CARRY8, SB_CARRY, CCU2C).
    public var carries: Int { count(.carry) }
    /// Wide-function multiplexers (MUXF7/8/9, PFUMX, L6MUX21).
    public var muxes: Int { count(.mux) }
    public var dsps: Int { count(.dsp) }
    /// Block and distributed RAM cells (RAMB18E1/RAMB36E1, RAM32M/RAM64M…, SB_RAM40_4K, DP16KD).
    public var memories: Int { count(.memory) }
    /// All cells, clock buffers included.
    public var totalCells: Int { cellsByType.values.reduce(0, +) }

    /// LUTs by input count, e.g. [2: 22, 6: 50] — only for families with sized LUT cells.
    public var lutsBySize: [Int: Int] {
        var sizes: [Int: Int] = [:]
        for (type, n) in cellsByType where CellClass.of(type) == .lut {
            if let k = Int(type.filter(\.isNumber)) { sizes[k, default: 0] += n }
        }
        return sizes
    }
}

/// What a technology cell is, for the area columns.
enum CellClass: Equatable {
    case lut, flipFlop, carry, mux, dsp, memory, other

    /// Bookkeeping cells that are not hardware (Yosys 0.70 counts `$scopeinfo` after flattening).
    static let ignored: Set<String> = ["$scopeinfo"]

    static func of(_ type: String) -> CellClass {
        if type.hasPrefix("LUT") || type == "SB_LUT4" { return .lut }
        if type.hasPrefix("CARRY") || type == "SB_CARRY" || type.hasPrefix("CCU2") { return .carry }
        if type.hasPrefix("MUXF") || type == "PFUMX" || type == "L6MUX21" { return .mux }
        if type.hasPrefix("DSP48") || type == "SB_MAC16" || type.hasPrefix("MULT18X18") { return .dsp }
        if type.hasPrefix("RAMB") || (type.hasPrefix("RAM") && type.hasSuffix("M")) || type.hasPrefix("RAM64X") || type.hasPrefix("RAM32X")
            || type.hasPrefix("SB_RAM") || type == "DP16KD" || type == "TRELLIS_DPR16X4" { return .memory }
        if type.hasPrefix("FD") || type.hasPrefix("SB_DFF") || type == "TRELLIS_FF" { return .flipFlop }
        if type.hasPrefix("$_"), type.contains("DFF") || type.contains("DLATCH") { return .flipFlop }
        return .other
    }
}
