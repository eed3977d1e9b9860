import ShiftwrightHDL
import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightYosys

/// `report timing`: Fmax of every default PE and of 8×8 arrays after place and route with the
/// pinned nextpnr, on each device asked for, in every `TimingMode` the device has (bare, with
/// registered I/O, inside the pin-light harness, and on ECP5 out of context), with LUTs and
/// area × clock period beside it. A design that cannot be placed (it does not fit, or has more
/// ports than the package has pins) is reported as such with the reason, not dropped.
public struct TimingReport: Sendable {
    /// One design on one device in one mode: its Fmax, or why it was not placed.
    public struct Row: Codable, Sendable {
        public let design: String, device: String, mode: String
        public let fmaxMHz: Double?, periodNS: Double?
        /// LUTs of the design itself (for the harness: its share, checked against the bare synthesis).
        public let luts: Int?
        /// The module that was placed (the wrapper or harness when there is one).
        public let top: String?
        /// LUTs of everything placed (the harness's own fold LUTs included).
        public let placedLUTs: Int?
        public let notPlaced: String?
    }

    public let yosys: String
    public let nextpnr: String
    public let seed: Int
    public let rows: [Row]
    /// The Verilog of every wrapper and harness that was placed (the design included), by file
    /// name, so each Fmax can be reproduced from the exported files.
    public let placedVerilog: [String: String]

    /// The 8×8 arrays timed besides the default one on iCE40. Measured with Yosys 0.70
    /// (`synth_ice40`): the default array needs 12,185 SB_LUT4, int8 × ausn-b2s1 (AUSN 8/4) 7,893,
    /// 7,420 with a 2-tile buffer and 4-bit shift, its int8 × int4 baseline 7,829: none fits the
    /// HX8K's 7,680 logic cells with the harness's ~230 registers. With int4 activations the AUSN
    /// 4/4 array (int4 × ausn-b2s1) needs 5,371, so it and its int4 × int4 baseline are timed.
    public static func iCE40Arrays() throws -> [ArrayConfig] {
        try ["ausn-b2s1", "int4"].map {
            try ArrayConfig(rows: 8, cols: 8, activation: NumberFormat(parsing: "int4"), weight: NumberFormat(parsing: $0))
        }
    }

    /// The designs timed on a family: the default PEs, the default 8×8 array, and on iCE40 the
    /// arrays of `iCE40Arrays` that fit the HX8K.
    public static func designs(for family: PlaceAndRouteDevice.Family) throws -> [SynthDesign] {
        var designs = try DefaultDesigns.peConfigs().map { SynthDesign(module: try PEGenerator.module($0)) }
        let arrays = try [ArrayConfig.defaultConfiguration()] + (family == .ice40 ? iCE40Arrays() : [])
        designs += try arrays.map { SynthDesign(module: try ArrayGenerator.module($0)) }
        return designs
    }

    public static func run(devices: [String], seed: Int, yosysProgram: String = Yosys.pinnedExecutable,
                           note: @escaping @Sendable (String) -> Void) throws -> TimingReport {
        let yosys = Yosys(executable: yosysProgram)
        let parsed = try devices.map { try PlaceAndRouteDevice(parsing: $0) }
        guard let first = parsed.first else { throw ToolError("report timing needs at least one device (--devices)") }
        // Synthesis depends on the family only: each design is synthesized once per family and mode.
        var netlists = NetlistCache(yosys: yosys)
        var rows: [Row] = [], placedVerilog: [String: String] = [:]
        for device in parsed {
            let pnr = Nextpnr(device: device, seed: seed)
            for design in try designs(for: device.family) {
                for mode in TimingMode.allCases where mode.applies(to: device) {
                    let row: Row
                    do {
                        let input = try netlists.netlist(design, mode: mode, family: device.family)
                        if input.placed.top != design.top { placedVerilog["\(input.placed.top).v"] = input.placed.verilog }
                        let r = try pnr.place(input)
                        row = Row(design: design.top, device: device.description, mode: mode.rawValue, fmaxMHz: r.fmaxMHz,
                                  periodNS: r.periodNS, luts: r.luts, top: r.top, placedLUTs: r.placedLUTs, notPlaced: nil)
                        note(String(format: "%@ %@ %@: %.1f MHz", design.top, device.description, mode.rawValue, r.fmaxMHz))
                    } catch let error as ToolError {
                        row = Row(design: design.top, device: device.description, mode: mode.rawValue, fmaxMHz: nil,
                                  periodNS: nil, luts: nil, top: nil, placedLUTs: nil, notPlaced: error.message)
                        note("\(design.top) \(device.description) \(mode.rawValue): \(error.message)")
                    }
                    rows.append(row)
                }
            }
        }
        return TimingReport(yosys: try yosys.version(), nextpnr: try Nextpnr(device: first).version(), seed: seed, rows: rows,
                            placedVerilog: placedVerilog)
    }

    /// Synthesized netlists by design, family and mode, failures included, so the devices of one
    /// family share one synthesis (and the harness check reuses the bare synthesis's area).
    struct NetlistCache {
        let yosys: Yosys
        private var entries: [String: Result<TimingNetlist, ToolError>] = [:]

        init(yosys: Yosys) { self.yosys = yosys }

        mutating func netlist(_ design: SynthDesign, mode: TimingMode, family: PlaceAndRouteDevice.Family) throws -> TimingNetlist {
            let key = "\(design.top) \(family.rawValue) \(mode.rawValue)"
            if let cached = entries[key] { return try cached.get() }
            let bare = mode == .harness ? try? netlist(design, mode: .bare, family: family).area : nil
            let result: Result<TimingNetlist, ToolError>
            do {
                result = .success(try Nextpnr.netlist(design, mode: mode, family: family, yosys: yosys, bareArea: bare))
            } catch let error as ToolError {
                result = .failure(error)
            }
            entries[key] = result
            return try result.get()
        }
    }

    /// What the modes mean, for the first line of the text.
    static let modeLegend = "bare = the design's own ports at pins; registered = every input and output registered at its pin; "
        + "harness = pin-light harness (inputs from a shift chain on 1 pin, outputs registered and XOR-folded onto 1 pin, "
        + "its own LUTs not in LUT); out-of-context = bare design, nextpnr-ecp5 --out-of-context (ports unplaced and untimed)"

    /// Tab-separated text, one line per row, the tools, seed and modes in the first line.
    public var text: String {
        var lines = ["Fmax after place and route (\(ShiftwrightVersion.producer)): \(yosys); nextpnr \(nextpnr); "
                     + "placer seed \(seed); \(Self.modeLegend)"]
        lines.append(["design", "device", "mode", "Fmax MHz", "period ns", "LUT", "LUT x ns", "placed LUT", "seed"].joined(separator: "\t"))
        for r in rows {
            if let fmax = r.fmaxMHz, let period = r.periodNS, let luts = r.luts {
                lines.append([r.design, r.device, r.mode, String(format: "%.1f", fmax), String(format: "%.2f", period), "\(luts)",
                              String(format: "%.0f", Double(luts) * period), r.placedLUTs.map(String.init) ?? "", "\(seed)"]
                    .joined(separator: "\t"))
            } else {
                lines.append([r.design, r.device, r.mode, "not placed: \(r.notPlaced ?? "")"].joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `timing.txt` and the placed wrappers and harnesses (`<top>.v`, the design's
    /// Verilog included) into `directory`, all or nothing; returns the paths written.
    @discardableResult
    public func write(into directory: String) throws -> [String] {
        var files = [("timing.txt", Data(text.utf8))]
        files += placedVerilog.keys.sorted().map { ($0, Data(placedVerilog[$0]!.utf8)) }
        try AtomicFile.writeAll(files, into: directory)
        return files.map { "\(directory)/\($0.0)" }
    }
}
