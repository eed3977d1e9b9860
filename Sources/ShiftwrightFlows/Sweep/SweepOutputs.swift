import Foundation
import ShiftwrightTooling
import ShiftwrightYosys

/// The files a finished sweep writes, made from its rows alone, so that an unsharded run and a
/// merge of its shards write the same bytes: per target `sweep.<target>.csv`, `.svg` (heat map)
/// and, when rows carry a quantization error, `.pareto.svg`; and `sweep.summary.txt`, the text
/// the run also prints.
public struct SweepOutputs: Sendable {
    public let files: [(name: String, data: Data)]
    public let summary: String

    public init(plan: SweepPlan, rows: [SweepRow], yosysVersion: String) {
        var files: [(name: String, data: Data)] = [], summary = ""
        for result in SweepResult.byTarget(plan, rows: rows, yosysVersion: yosysVersion) {
            let stem = "sweep.\(result.target.name)"
            files.append(("\(stem).csv", Data(SweepCSV.text(result).utf8)))
            files.append(("\(stem).svg", Data(SweepHeatMap.svg(result).utf8)))
            if let scatter = SweepScatter.svg(result) { files.append(("\(stem).pareto.svg", Data(scatter.utf8))) }
            summary += SweepSummary.text(result)
        }
        files.append(("sweep.summary.txt", Data(summary.utf8)))
        (self.files, self.summary) = (files, summary)
    }

    /// Writes every file into `directory`, all or nothing; returns the paths written.
    public func write(into directory: String) throws -> [String] {
        try AtomicFile.writeAll(files, into: directory)
        return files.map { "\(directory)/\($0.name)" }
    }
}
