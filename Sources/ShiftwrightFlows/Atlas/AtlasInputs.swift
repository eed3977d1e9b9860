import Foundation
import ShiftwrightFormats
import ShiftwrightTooling

/// One split of a `shiftwright sweep` CSV, read by column name: the figures the atlas draws.
public struct AtlasSweepRow: Sendable, Equatable {
    public let family: String
    public let bits: Int
    public let weight: String
    /// Heat-map axes: AFP (E, M), AUSN (B, S).
    public let x: Int, y: Int
    public let luts: Int, ffs: Int, cells: Int
    /// The integer multiplier beside it: module name and LUTs.
    public let baseline: String, baselineLUTs: Int
    public let target: String
    public let yosys: String
}

/// The sweep CSVs of one run of the atlas, grouped by target (in the order first seen).
public struct AtlasSweep: Sendable {
    public let targets: [String]
    public let rows: [AtlasSweepRow]

    public func rows(target: String) -> [AtlasSweepRow] { rows.filter { $0.target == target } }

    /// The CSV files named by `paths`: each a CSV file, or a directory whose `sweep.*.csv` files
    /// are taken in name order.
    public static func files(_ paths: [String]) throws -> [String] {
        guard !paths.isEmpty else { throw ToolError("report atlas needs --sweep DIR_OR_CSV (the output of shiftwright sweep)") }
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ToolError("--sweep '\(path)': no such file or directory")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let csvs = names.filter { $0.hasPrefix("sweep.") && $0.hasSuffix(".csv") }.sorted()
            guard !csvs.isEmpty else { throw ToolError("--sweep '\(path)': the directory holds no sweep.<target>.csv") }
            files += csvs.map { "\(path)/\($0)" }
        }
        return files
    }

    /// Reads the sweep CSVs `files(paths)` names, by column name.
    public static func read(_ paths: [String]) throws -> AtlasSweep {
        let files = try files(paths)
        var rows: [AtlasSweepRow] = [], targets: [String] = []
        for file in files {
            let csv = try AtlasCSV(path: file)
            guard !csv.rows.isEmpty else { throw ToolError("sweep CSV '\(file)' has no rows") }
            for r in csv.rows.indices {
                let row = AtlasSweepRow(
                    family: try csv.text(r, "family"), bits: try csv.int(r, "bits"), weight: try csv.text(r, "weight"),
                    x: try csv.int(r, "x"), y: try csv.int(r, "y"), luts: try csv.int(r, "luts"), ffs: try csv.int(r, "ffs"),
                    cells: try csv.int(r, "cells"), baseline: try csv.text(r, "baseline"), baselineLUTs: try csv.int(r, "baseline_luts"),
                    target: try csv.text(r, "target"), yosys: try csv.text(r, "yosys"))
                guard ["afp", "ausn"].contains(row.family) else {
                    throw ToolError("sweep CSV '\(file)' line \(r + 2): family '\(row.family)' is neither afp nor ausn")
                }
                guard (try? NumberFormat(parsing: row.weight)) != nil else {
                    throw ToolError("sweep CSV '\(file)' line \(r + 2): '\(row.weight)' is not a weight format")
                }
                guard row.luts > 0 else {
                    throw ToolError("sweep CSV '\(file)' line \(r + 2): \(row.weight) has \(row.luts) LUTs; the atlas needs a LUT-mapping target (xc7, xcu, ice40, ecp5)")
                }
                if rows.contains(where: { $0.target == row.target && $0.weight == row.weight }) {
                    throw ToolError("sweep CSV '\(file)': \(row.weight) on \(row.target) appears twice (give each target's sweep once)")
                }
                if !targets.contains(row.target) { targets.append(row.target) }
                rows.append(row)
            }
        }
        return AtlasSweep(targets: targets, rows: rows)
    }
}

/// One row of an `energy.<target>.csv`: switching activity per MAC of a PE and of its integer baseline.
public struct AtlasEnergyRow: Sendable, Equatable {
    public let act: String, weight: String, target: String
    public let switchingPerMAC: Double
    public let baseline: String
    public let baselineSwitchingPerMAC: Double

    /// Reads the files, by column name.
    public static func read(_ paths: [String]) throws -> [AtlasEnergyRow] {
        var out: [AtlasEnergyRow] = []
        for path in paths {
            let csv = try AtlasCSV(path: path)
            for r in csv.rows.indices {
                out.append(AtlasEnergyRow(act: try csv.text(r, "act"), weight: try csv.text(r, "weight"), target: try csv.text(r, "target"),
                                          switchingPerMAC: try csv.double(r, "switching_per_mac"), baseline: try csv.text(r, "baseline"),
                                          baselineSwitchingPerMAC: try csv.double(r, "baseline_switching_per_mac")))
            }
        }
        return out
    }
}

/// Fmax measurements: the tab-separated table `shiftwright report timing` writes (timing.txt),
/// its first line naming the tools.
public struct AtlasTiming: Sendable, Equatable {
    /// The tools line (Yosys, nextpnr, seed).
    public let tools: String
    /// design, device, mode, Fmax MHz (nil: not placed, with the reason in `note`), LUTs.
    public struct Row: Sendable, Equatable {
        public let design: String, device: String, mode: String
        public let fmaxMHz: Double?
        public let luts: Int?
        public let note: String
    }
    public let rows: [Row]

    public static func read(path: String) throws -> AtlasTiming {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ToolError("cannot read --timing '\(path)': no such file or not UTF-8 text")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.count >= 2, lines[1].hasPrefix("design\tdevice\tmode\tFmax MHz") else {
            throw ToolError("--timing '\(path)' is not the output of shiftwright report timing (no 'design<TAB>device<TAB>mode<TAB>Fmax MHz' header)")
        }
        let rows = lines.dropFirst(2).map { line -> Row in
            let f = line.components(separatedBy: "\t")
            let fmax = f.count > 3 ? Double(f[3]) : nil
            return Row(design: f[0], device: f.count > 1 ? f[1] : "", mode: f.count > 2 ? f[2] : "", fmaxMHz: fmax,
                       luts: fmax != nil && f.count > 5 ? Int(f[5]) : nil, note: fmax == nil && f.count > 3 ? f[3] : "")
        }
        return AtlasTiming(tools: lines[0], rows: rows)
    }
}

extension AtlasEnergyRow {
    /// The baseline's weight format: the `baseline` field itself when it is a format name, else
    /// the last `intN` part of a module name such as `pe_int8_int5_acc23`.
    public var baselineWeight: String? {
        if (try? NumberFormat(parsing: baseline)) != nil { return baseline }
        return baseline.split(separator: "_").last { $0.hasPrefix("int") && Int($0.dropFirst(3)) != nil }.map(String.init)
    }
}

extension AtlasSweep {
    /// Per width on a target, the integer baseline with the fewest LUTs: (bits, module, LUTs).
    public func baselines(target: String) -> [(bits: Int, module: String, luts: Int)] {
        let rows = rows(target: target)
        return Set(rows.map(\.bits)).sorted().compactMap { n in
            rows.filter { $0.bits == n }.min { ($0.baselineLUTs, $0.baseline) < ($1.baselineLUTs, $1.baseline) }
                .map { (n, $0.baseline, $0.baselineLUTs) }
        }
    }
}
