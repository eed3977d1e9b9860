import ShiftwrightHDL
import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightYosys

/// `report timing`: Fmax of every default PE and of the default 8×8 array after place and
/// route with the pinned nextpnr, on each device asked for, bare and inside the registered-I/O
/// wrapper, with LUTs and area × clock period beside it. A design that cannot be placed (more
/// ports than the package has pins, say) is reported as such, not dropped.
public struct TimingReport: Sendable {
    /// One design on one device, bare or with registered I/O: its Fmax, or why it was not placed.
    public struct Row: Codable, Sendable {
        public let design: String, device: String, mode: String
        public let fmaxMHz: Double?, periodNS: Double?, luts: Int?
        public let notPlaced: String?
    }

    public let yosys: String
    public let nextpnr: String
    public let seed: Int
    public let rows: [Row]

    public static func run(devices: [String], seed: Int, yosysProgram: String = Yosys.pinnedExecutable,
                           note: @escaping @Sendable (String) -> Void) throws -> TimingReport {
        let yosys = Yosys(executable: yosysProgram)
        let parsed = try devices.map { try PlaceAndRouteDevice(parsing: $0) }
        var designs = try DefaultDesigns.peConfigs().map { SynthDesign(module: try PEGenerator.module($0)) }
        designs.append(SynthDesign(module: try ArrayGenerator.module(ArrayConfig.defaultConfiguration())))
        var rows: [Row] = []
        for device in parsed {
            let pnr = Nextpnr(device: device, seed: seed)
            for design in designs {
                for registered in [false, true] {
                    let mode = registered ? "registered" : "bare"
                    do {
                        let r = try pnr.timing(design, yosys: yosys, registeredIO: registered)
                        rows.append(Row(design: design.top, device: device.description, mode: mode, fmaxMHz: r.fmaxMHz,
                                        periodNS: r.periodNS, luts: r.luts, notPlaced: nil))
                        note(String(format: "%@ %@ %@: %.1f MHz", design.top, device.description, mode, r.fmaxMHz))
                    } catch let error as ToolError {
                        rows.append(Row(design: design.top, device: device.description, mode: mode, fmaxMHz: nil,
                                        periodNS: nil, luts: nil, notPlaced: error.message))
                        note("\(design.top) \(device.description) \(mode): \(error.message)")
                    }
                }
            }
        }
        return TimingReport(yosys: try yosys.version(), nextpnr: try Nextpnr(device: parsed[0]).version(), seed: seed, rows: rows)
    }

    /// Tab-separated text, one line per row, the tools and seed in the first line.
    public var text: String {
        var lines = ["Fmax after place and route (\(ShiftwrightVersion.producer)): \(yosys); nextpnr \(nextpnr); "
                     + "placer seed \(seed); bare = the design's own ports at pins, registered = every input and output registered"]
        lines.append(["design", "device", "mode", "Fmax MHz", "period ns", "LUT", "LUT x ns"].joined(separator: "\t"))
        for r in rows {
            if let fmax = r.fmaxMHz, let period = r.periodNS, let luts = r.luts {
                lines.append([r.design, r.device, r.mode, String(format: "%.1f", fmax), String(format: "%.2f", period), "\(luts)",
                              String(format: "%.0f", Double(luts) * period)].joined(separator: "\t"))
            } else {
                lines.append([r.design, r.device, r.mode, "not placed: \(r.notPlaced ?? "")"].joined(separator: "\t"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows as JSON with the versions of Shiftwright, Yosys and nextpnr and the placer seed.
    public func json() throws -> String {
        struct Document: Encodable { let shiftwright: String, yosys: String, nextpnr: String, seed: Int, rows: [Row] }
        return try ReportText.json(Document(shiftwright: ShiftwrightVersion.current, yosys: yosys, nextpnr: nextpnr, seed: seed, rows: rows)) + "\n"
    }
}
