import ShiftwrightYosys
import Foundation
import ShiftwrightTooling

/// The file set `shiftwright synth --out DIR` writes for a comparison: RTL and FuseSoC core of both
/// designs, the requested netlists, the area report (text and JSON) and any timing. Written all-or-nothing.
public enum SynthArtifacts {
    public static func files(_ comparison: AreaComparison, yosysVersion: String,
                             timing: [TimingResult] = []) throws -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)] = []
        var seen = Set<String>()
        for result in [comparison.design, comparison.baseline] where seen.insert(result.design.top).inserted {
            let d = result.design
            files.append((d.fileName, Data(d.verilog.utf8)))
            files.append(("\(d.top).core", Data(FuseSoCCore.text(top: d.top, rtlFile: d.fileName,
                                                                 description: "Shiftwright generated \(d.top)", target: result.target).utf8)))
            for format in NetlistFormat.allCases {
                if let data = result.netlists[format] { files.append((format.fileName(top: d.top, target: result.target), data)) }
            }
        }
        let stem = "\(comparison.design.design.top).\(comparison.design.target.name).area"
        files.append(("\(stem).txt", Data(AreaTable.text([comparison], yosysVersion: yosysVersion).utf8)))
        files.append(("\(stem).json", try AreaTable.json([comparison], yosysVersion: yosysVersion)))
        if !timing.isEmpty {
            files.append(("\(comparison.design.design.top).timing.txt", Data(TimingTable.text(timing).utf8)))
            // The registered-I/O wrappers that were placed, so each Fmax can be reproduced.
            for t in timing { if let wrapper = t.wrapperVerilog { files.append(("\(t.top).v", Data(wrapper.utf8))) } }
        }
        return files
    }

    /// Writes `files(comparison)` into `directory` atomically: on any failure nothing is left behind.
    public static func write(_ comparison: AreaComparison, yosysVersion: String, timing: [TimingResult] = [],
                             into directory: String) throws -> [String] {
        let set = try files(comparison, yosysVersion: yosysVersion, timing: timing)
        try AtomicFile.writeAll(set, into: directory)
        return set.map(\.name)
    }
}
