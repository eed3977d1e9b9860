import Foundation
import ShiftwrightTooling

/// How a design meets the package's pins when nextpnr times it.
public enum TimingMode: String, Sendable, Codable, CaseIterable {
    /// The design's own ports at pins, as a user's flow would place the exported netlist.
    case bare
    /// Inside `TimingWrapper`: every input and output registered at its pin.
    case registered
    /// Inside `PinLightHarness`: three pins, every port of the design driven from and observed by
    /// registers, so a block with more port bits than the package has pins can be timed.
    case harness
    /// The bare design placed by nextpnr-ecp5 `--out-of-context` (no I/O buffers, no global clock
    /// promotion or routing): the ports are left unplaced and paths from and to them untimed. ECP5 only.
    case outOfContext = "out-of-context"

    /// Whether the device's nextpnr has this mode (nextpnr-ice40 has no out-of-context mode).
    public func applies(to device: PlaceAndRouteDevice) -> Bool { self != .outOfContext || device.family == .ecp5 }
}

/// The maximum clock frequency nextpnr found for one design after place and route.
public struct TimingResult: Sendable, Codable {
    /// The top module that was placed (the wrapper's or harness's when there is one).
    public let top: String
    /// The design as given (without a wrapper or harness).
    public let design: String
    /// Achieved Fmax of `clk` in MHz.
    public let fmaxMHz: Double
    public let nextpnrVersion: String
    public let yosysVersion: String
    /// `ice40-hx8k`, `ice40-up5k`, `ecp5-25k`, `ecp5-85k`.
    public let device: String
    public let seed: Int
    public let mode: TimingMode
    /// The Verilog of the wrapper or harness (with the design) that was placed, when there is one.
    public let wrapperVerilog: String?
    /// LUTs of the design itself: for the harness its share of the harness synthesis (checked to
    /// be no less than the bare synthesis), otherwise everything placed (wrapper registers included).
    public let luts: Int
    /// LUTs of everything placed (the harness's fold LUTs included).
    public let placedLUTs: Int

    /// True when every input and output was registered by the timing wrapper.
    public var registeredIO: Bool { mode == .registered }
    /// Clock period in nanoseconds at Fmax.
    public var periodNS: Double { 1000 / fmaxMHz }
}

/// A place-and-route target of nextpnr: the FPGA family (its nextpnr and Yosys scripts) and the
/// device. The pinned current nextpnr (0.11, YoWASP builds from PyPI) is the default.
public struct PlaceAndRouteDevice: Sendable, Hashable, CustomStringConvertible {
    public enum Family: String, Sendable { case ice40, ecp5 }
    public let family: Family
    /// nextpnr's device flag without dashes: `hx8k`, `up5k` (iCE40), `25k`, `85k` (ECP5).
    public let device: String

    public static let known: [PlaceAndRouteDevice] = [
        .init(family: .ice40, device: "hx8k"), .init(family: .ice40, device: "up5k"),
        .init(family: .ecp5, device: "25k"), .init(family: .ecp5, device: "85k"),
    ]

    /// `ice40-hx8k`, `ecp5-25k`, …
    public var description: String { "\(family.rawValue)-\(device)" }

    /// Parses `ice40-hx8k`, `ice40-up5k`, `ecp5-25k`, `ecp5-85k` (or a bare device name).
    public init(parsing text: String) throws {
        guard let found = Self.known.first(where: { $0.description == text || $0.device == text }) else {
            throw ToolError("unknown place-and-route device '\(text)': use \(Self.known.map(\.description).joined(separator: ", "))")
        }
        self = found
    }

    init(family: Family, device: String) {
        self.family = family
        self.device = device
    }

    /// The Yosys target whose netlist this device's nextpnr reads.
    public var synthTarget: SynthTarget { try! SynthTarget(family.rawValue) }

    /// Device and package flags for nextpnr.
    var deviceArguments: [String] {
        switch (family, device) {
        case (.ice40, "up5k"): ["--up5k", "--package", "sg48"]
        case (.ice40, _): ["--\(device)", "--package", "ct256"]
        case (.ecp5, _): ["--\(device)", "--package", "CABGA381"]
        }
    }

    var unconstrainedFlag: String { family == .ice40 ? "--pcf-allow-unconstrained" : "--lpf-allow-unconstrained" }

    /// Logic cells of the device: iCE40 logic cells (one LUT4 and one flip-flop each: HX8K 7680,
    /// UP5K 5280), ECP5 LUT4s (LFE5U-25F 24,288, LFE5U-85F 83,640).
    public var logicCells: Int {
        switch (family, device) {
        case (.ice40, "up5k"): 5_280
        case (.ice40, _): 7_680
        case (.ecp5, "85k"): 83_640
        case (.ecp5, _): 24_288
        }
    }

    /// Nil when `area` can fit, else a line with the measured size: a design needs at least one
    /// cell per LUT (and, on iCE40, one per flip-flop, as each logic cell holds one of each).
    public func doesNotFit(_ area: AreaFigures) -> String? {
        let needed = family == .ice40 ? max(area.luts, area.flipFlops) : area.luts
        guard needed > logicCells else { return nil }
        let what = family == .ice40 ? "logic cells (\(area.luts) SB_LUT4, \(area.flipFlops) flip-flops)" : "LUT4"
        return "does not fit: needs at least \(needed) \(what), the \(self) has \(logicCells)"
    }
}

/// A design synthesized for one FPGA family, ready to be placed on any of its devices: what a
/// timing mode makes of the design (wrapper, harness or the design itself), its netlist and area.
public struct TimingNetlist: Sendable {
    public let design: SynthDesign
    public let mode: TimingMode
    /// What is placed: the design, its registered-I/O wrapper or its pin-light harness.
    public let placed: SynthDesign
    /// Yosys JSON netlist of `placed`.
    public let netlist: Data
    /// Area of `placed`.
    public let area: AreaFigures
    /// LUTs of the design itself inside `placed` (see `TimingResult.luts`).
    public let designLUTs: Int
    public let yosysVersion: String
}

/// Places and routes a clocked design with nextpnr and reads Fmax from its JSON report
/// (`--report`), never from the log text, in one of the `TimingMode`s: the bare design (its own
/// ports at the pins, as a user's flow would place the exported netlist), inside a wrapper that
/// registers every input and output, inside the pin-light harness, or (ECP5) out of context.
public struct Nextpnr: Sendable {
    public let device: PlaceAndRouteDevice
    public let executable: String
    /// Placer seed: fixed so the same input gives the same report; printed in every report.
    public let seed: Int

    public init(device: PlaceAndRouteDevice, executable: String? = nil, seed: Int = 1) {
        self.device = device
        self.executable = executable ?? "yowasp-nextpnr-\(device.family.rawValue)"
        self.seed = seed
    }

    var tool: ExternalTool {
        ExternalTool(executable, installHint: executable.hasPrefix("yowasp")
            ? "pip install \(executable)==0.11.1.0.post826 (or scripts/setup.sh)"
            : "apt-get install -y --no-install-recommends \(executable)")
    }

    /// "nextpnr-0.11.1" (what `--version` says, without the banner).
    public func version() throws -> String {
        let line = try tool.version()
        if let range = line.range(of: "Version ") {
            return String(line[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: ")\" "))
        }
        return line
    }

    /// Synthesizes `design` for the device's family, places and routes it, returns Fmax.
    public func timing(_ design: SynthDesign, yosys: Yosys, registeredIO: Bool) throws -> TimingResult {
        try timing(design, yosys: yosys, mode: registeredIO ? .registered : .bare)
    }

    /// Synthesizes `design` in `mode` for the device's family, places and routes it, returns Fmax.
    public func timing(_ design: SynthDesign, yosys: Yosys, mode: TimingMode) throws -> TimingResult {
        try checkMode(mode)
        return try place(try Self.netlist(design, mode: mode, family: device.family, yosys: yosys))
    }

    /// Synthesizes what `mode` places for `family`. For the harness the bare design is synthesized
    /// too (or `bareArea` is used) and the harness's share checked against it: throws when the
    /// harness lost logic of the design.
    public static func netlist(_ design: SynthDesign, mode: TimingMode, family: PlaceAndRouteDevice.Family, yosys: Yosys,
                               bareArea: AreaFigures? = nil) throws -> TimingNetlist {
        _ = try design.clockedPorts()
        let target = try SynthTarget(family.rawValue)
        let placed = switch mode {
        case .bare, .outOfContext: design
        case .registered: try TimingWrapper.design(around: design)
        case .harness: try PinLightHarness.design(around: design)
        }
        let synthesized = try yosys.synthesizeOne(placed, target: target, netlists: [.json])
        guard let netlist = synthesized.netlists[.json] else { throw ToolError("Yosys wrote no JSON netlist for \(placed.top)") }
        var designLUTs = synthesized.area.luts
        if mode == .harness {
            let bare = try bareArea ?? yosys.synthesizeOne(design, target: target, netlists: []).area
            let overhead = try PinLightHarness.overhead(for: design)
            if let lost = PinLightHarness.lostLogic(harness: synthesized.area, bare: bare, overhead: overhead, design: design.top) {
                throw ToolError(lost)
            }
            designLUTs = synthesized.area.luts - overhead.luts
        }
        return TimingNetlist(design: design, mode: mode, placed: placed, netlist: netlist, area: synthesized.area,
                             designLUTs: designLUTs, yosysVersion: try yosys.version())
    }

    /// Places and routes a netlist synthesized for this device's family and returns its Fmax.
    /// Throws a one-line error when it cannot fit (with its measured size) or nextpnr fails.
    public func place(_ input: TimingNetlist) throws -> TimingResult {
        try tool.require()
        try checkMode(input.mode)
        if let tooBig = device.doesNotFit(input.area) { throw ToolError(tooBig) }
        let scratch = try ScratchSpace.makeTemporaryDirectory("pnr")
        defer { ScratchSpace.release(scratch) }
        try AtomicFile.write(input.netlist, to: "\(scratch)/design.json")
        let result = try ProcessRunner.run(executable, device.deviceArguments + [
            "--json", "design.json", device.unconstrainedFlag, "--freq", "500",
            "--seed", "\(seed)", "--timing-allow-fail", "--report", "report.json", "-q",
        ] + (input.mode == .outOfContext ? ["--out-of-context"] : []), workingDirectory: scratch)
        guard result.succeeded else {
            let lines = (result.stderr + "\n" + result.stdout).split(separator: "\n").map(String.init)
            throw ToolError.toolFailed("\(executable) failed: \(lines.first { $0.contains("ERROR") } ?? result.tail())")
        }
        let report = try Data(contentsOf: URL(fileURLWithPath: "\(scratch)/report.json"))
        let wrapped = input.placed.top != input.design.top
        return TimingResult(top: input.placed.top, design: input.design.top, fmaxMHz: try Self.fmax(report: report),
                            nextpnrVersion: try version(), yosysVersion: input.yosysVersion, device: device.description,
                            seed: seed, mode: input.mode, wrapperVerilog: wrapped ? input.placed.verilog : nil,
                            luts: input.designLUTs, placedLUTs: input.area.luts)
    }

    private func checkMode(_ mode: TimingMode) throws {
        guard mode.applies(to: device) else { throw ToolError("nextpnr-\(device.family.rawValue) has no \(mode.rawValue) mode") }
    }

    /// Design and baseline, each bare and with registered I/O, for a side-by-side table.
    public func compare(_ design: SynthDesign, baseline: SynthDesign, yosys: Yosys) throws -> [TimingResult] {
        try [design, baseline].flatMap { d in
            [try timing(d, yosys: yosys, mode: .bare), try timing(d, yosys: yosys, mode: .registered)]
        }
    }

    /// The lowest achieved Fmax over the clocks in a nextpnr `--report` JSON.
    static func fmax(report: Data) throws -> Double {
        guard let root = try? JSONSerialization.jsonObject(with: report) as? [String: Any],
              let clocks = root["fmax"] as? [String: Any],
              let achieved = clocks.values.compactMap({ ($0 as? [String: Any])?["achieved"] as? Double }).min() else {
            throw ToolError("nextpnr's report has no fmax entry (is the design clocked?)")
        }
        return achieved
    }
}

/// Renders timing results as text, one line per design and I/O mode.
public enum TimingTable {
    public static func text(_ results: [TimingResult]) -> String {
        guard let first = results.first else { return "" }
        var out = "timing: \(first.nextpnrVersion) on \(first.device), \(first.yosysVersion), placer seed \(first.seed)\n"
        for r in results {
            let mode = switch r.mode {
            case .bare: "bare design"
            case .registered: "registered I/O (\(r.top))"
            case .harness: "pin-light harness (\(r.top))"
            case .outOfContext: "out of context"
            }
            out += "  \(r.design)  \(mode)  Fmax \(String(format: "%.1f", r.fmaxMHz)) MHz (\(String(format: "%.2f", r.periodNS)) ns), "
                + "\(r.luts) LUT, area x period \(String(format: "%.0f", Double(r.luts) * r.periodNS)) LUT·ns\n"
        }
        return out
    }
}
