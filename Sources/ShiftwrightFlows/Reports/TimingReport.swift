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
public enum TimingReport {
    public static func run(devices: [String], seed: Int, yosysProgram: String = Yosys.pinnedExecutable,
                           note: @escaping @Sendable (String) -> Void) throws -> String {
        let yosys = Yosys(executable: yosysProgram)
        let parsed = try devices.map { try PlaceAndRouteDevice(parsing: $0) }
        var designs = try DefaultDesigns.peConfigs().map { SynthDesign(module: try PEGenerator.module($0)) }
        designs.append(SynthDesign(module: try ArrayGenerator.module(ArrayConfig.defaultConfiguration())))
        var lines = ["Fmax after place and route (\(ShiftwrightVersion.producer)): \(try yosys.version()); nextpnr \(try Nextpnr(device: parsed[0]).version()); "
                     + "placer seed \(seed); bare = the design's own ports at pins, registered = every input and output registered"]
        lines.append(["design", "device", "mode", "Fmax MHz", "period ns", "LUT", "LUT x ns"].joined(separator: "\t"))
        for device in parsed {
            let pnr = Nextpnr(device: device, seed: seed)
            for design in designs {
                for registered in [false, true] {
                    let mode = registered ? "registered" : "bare"
                    do {
                        let r = try pnr.timing(design, yosys: yosys, registeredIO: registered)
                        lines.append([design.top, device.description, mode, String(format: "%.1f", r.fmaxMHz),
                                      String(format: "%.2f", r.periodNS), "\(r.luts)", String(format: "%.0f", Double(r.luts) * r.periodNS)]
                            .joined(separator: "\t"))
                        note(String(format: "%@ %@ %@: %.1f MHz", design.top, device.description, mode, r.fmaxMHz))
                    } catch let error as ToolError {
                        lines.append([design.top, device.description, mode, "not placed: \(error.message)"].joined(separator: "\t"))
                        note("\(design.top) \(device.description) \(mode): \(error.message)")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
