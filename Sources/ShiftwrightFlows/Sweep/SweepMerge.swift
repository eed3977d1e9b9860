import Foundation
import ShiftwrightTooling
import ShiftwrightYosys

/// `sweep merge`: combines the shard files of one plan into exactly the outputs the unsharded
/// run writes. Refused, with nothing written, unless the shards are all of the same plan (same
/// fingerprint, same shard count, same Yosys), none is given twice, none is missing and together
/// they hold every configuration exactly once.
public struct SweepMerge: Sendable {
    /// Shard files named one by one.
    public var shardFiles: [String]
    /// A directory whose `sweep.shard-*.json` files are added to `shardFiles`.
    public var directory: String?
    /// Where the merged outputs go.
    public var out: String

    public init(shardFiles: [String], directory: String? = nil, out: String) {
        (self.shardFiles, self.directory, self.out) = (shardFiles, directory, out)
    }

    public func run(report: (String) -> Void) throws {
        let (plan, rows, version) = try merged()
        let outputs = SweepOutputs(plan: plan, rows: rows, yosysVersion: version)
        let written = try outputs.write(into: out)
        report(outputs.summary)
        report("merged \(rows.count) configurations; wrote " + written.joined(separator: ", ") + "\n")
    }

    /// Every shard file to read: the named ones, then the directory's in name order.
    func paths() throws -> [String] {
        var paths = shardFiles
        if let directory {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
                throw ToolError("cannot read shard directory \(directory): \(SystemErrorText.reason(error))")
            }
            let shards = names.filter(SweepShard.isShardFileName).sorted()
            guard !shards.isEmpty else { throw ToolError("\(directory) holds no shard files (sweep.shard-I-of-N.json)") }
            paths += shards.map { "\(directory)/\($0)" }
        }
        guard !paths.isEmpty else { throw ToolError("no shard files to merge: name them, or give --from DIR") }
        return paths
    }

    /// The plan and its rows in plan order, after every check.
    func merged() throws -> (SweepPlan, [SweepRow], String) {
        let paths = try paths()
        let files = try paths.map { try SweepShardFile.read($0) }
        let first = files[0], firstPath = paths[0]
        let plan = try first.plan.plan()
        var byShard: [Int: String] = [:]
        for (path, file) in zip(paths, files) {
            guard file.planHash == first.planHash, file.plan == first.plan else {
                throw ToolError("\(path) is from a different sweep plan than \(firstPath); merge shards of one plan only")
            }
            guard file.shards == first.shards else {
                throw ToolError("\(path) is shard \(file.shard)/\(file.shards) but \(firstPath) is one of \(first.shards) shards")
            }
            guard file.yosys == first.yosys else {
                throw ToolError("\(path) was synthesized by \(file.yosys), \(firstPath) by \(first.yosys); merge shards of one Yosys only")
            }
            if let other = byShard[file.shard] {
                throw ToolError("shard \(file.shard)/\(file.shards) is given twice: \(other) and \(path)")
            }
            byShard[file.shard] = path
        }
        let missing = (0..<first.shards).filter { byShard[$0] == nil }
        guard missing.isEmpty else {
            throw ToolError("shard" + (missing.count == 1 ? " " : "s ") + missing.map { "\($0)/\(first.shards)" }.joined(separator: ", ")
                            + " missing: merge needs all \(first.shards)")
        }
        var records: [Int: SweepShardFile.Record] = [:]
        for (path, file) in zip(paths, files) {
            let shard = try SweepShard(index: file.shard, count: file.shards)
            let expected = shard.configurations(of: plan).map(\.index)
            guard file.records.map(\.index) == expected else {
                throw ToolError("\(path) does not hold exactly the configurations of shard \(shard) (an interrupted or edited shard?)")
            }
            for record in file.records { records[record.index] = record }
        }
        let rows = try plan.configurations.map { configuration -> SweepRow in
            guard let r = records[configuration.index], r.id == configuration.id else {
                throw ToolError("the shards disagree with their plan at configuration \(configuration.index) (\(configuration.id))")
            }
            var error: Double?
            if let text = r.quantizationError {
                guard let value = Double(text) else { throw ToolError("configuration \(r.id) has a malformed error '\(text)'") }
                error = value
            }
            return SweepRow(configuration: configuration, top: r.top, area: r.area, baselineTop: r.baselineTop, baseline: r.baseline,
                            quantizationError: error)
        }
        return (plan, rows, first.yosys)
    }
}
