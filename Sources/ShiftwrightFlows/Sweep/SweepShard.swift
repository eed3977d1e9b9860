import Foundation
import ShiftwrightFormats
import ShiftwrightTooling
import ShiftwrightYosys

/// A deterministic slice of a sweep plan, `I/N` with 0 ≤ I < N (0-based, like Slurm's
/// `SLURM_ARRAY_TASK_ID` of `--array=0-(N-1)`): shard I runs every configuration whose index
/// leaves remainder I when divided by N, so wide and narrow formats spread evenly over the shards.
public struct SweepShard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Most shards a plan may be cut into.
    public static let maximumCount = 4096

    public init(index: Int, count: Int) throws {
        guard (1...Self.maximumCount).contains(count) else {
            throw ToolError("bad shard count \(count) in --shard: use I/N with N in 1...\(Self.maximumCount)")
        }
        guard (0..<count).contains(index) else {
            throw ToolError("bad shard \(index)/\(count): shards are numbered from 0, so I must lie in 0...\(count - 1)")
        }
        (self.index, self.count) = (index, count)
    }

    /// Parses `I/N`, e.g. `0/4` … `3/4`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Self.number(parts[0]), let n = Self.number(parts[1]) else {
            throw ToolError("bad --shard '\(text)': use I/N with 0 <= I < N, e.g. 0/4")
        }
        try self.init(index: i, count: n)
    }

    private static func number(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 6, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    public var description: String { "\(index)/\(count)" }

    /// The configurations of `plan` in this shard, in plan order.
    public func configurations(of plan: SweepPlan) -> [SweepPlan.Configuration] {
        plan.configurations.filter { $0.index % count == index }
    }

    /// The shard's file name in `--out`.
    public var fileName: String { "sweep.shard-\(index)-of-\(count).json" }

    /// Whether a file name is a shard file's (what `sweep merge --from DIR` collects).
    public static func isShardFileName(_ name: String) -> Bool { name.hasPrefix("sweep.shard-") && name.hasSuffix(".json") }
}

/// What a shard run writes: the plan it belongs to (its parameters and fingerprint), which slice
/// it is, the Yosys that measured it, and one record per configuration it ran. `sweep merge`
/// rebuilds the plan from the parameters and the unsharded outputs from the records.
public struct SweepShardFile: Codable, Sendable {
    /// The file's kind and version, checked on reading.
    public static let formatTag = "shiftwright sweep shard v1"

    /// Everything that determines a plan, in the words of the command line.
    public struct PlanParameters: Codable, Sendable, Equatable {
        public var activations: [String]
        public var families: [String]
        public var bits: [Int]
        public var targets: [String]
        public var dsp: Bool
        public var accumulationDepth: Int

        public init(_ plan: SweepPlan) {
            activations = plan.activations.map(\.name)
            families = plan.families.map(\.rawValue)
            bits = [plan.bits.lowerBound, plan.bits.upperBound]
            targets = plan.targets.map(\.name)
            dsp = plan.targets.first?.useDSP ?? false
            accumulationDepth = plan.accumulationDepth
        }

        /// The plan these parameters describe (refused as bad input when they do not make one).
        public func plan() throws -> SweepPlan {
            guard bits.count == 2, bits[0] <= bits[1] else { throw ToolError("the shard's bit range \(bits) is malformed") }
            return try SweepPlan(activations: activations.map { try NumberFormat(parsing: $0) },
                                 families: families.map { name in
                                     guard let f = SweepPlan.Family(rawValue: name) else { throw ToolError("the shard names an unknown family '\(name)'") }
                                     return f
                                 },
                                 bits: bits[0]...bits[1], targets: targets.map { try SynthTarget($0, useDSP: dsp) },
                                 accumulationDepth: accumulationDepth)
        }
    }

    /// One configuration's measured areas.
    public struct Record: Codable, Sendable {
        public var index: Int
        public var id: String
        public var top: String
        public var area: AreaFigures
        public var baselineTop: String
        public var baseline: AreaFigures
        /// The MSE as Swift prints a Double (shortest text that reads back to the same bits).
        public var quantizationError: String?
    }

    public var format = SweepShardFile.formatTag
    public var plan: PlanParameters
    /// `SweepPlan.fingerprint` with the weight tensor's digest.
    public var planHash: String
    public var shard: Int
    public var shards: Int
    public var yosys: String
    public var records: [Record]

    public init(plan: SweepPlan, planHash: String, shard: SweepShard, yosysVersion: String, rows: [SweepRow]) {
        self.plan = PlanParameters(plan)
        self.planHash = planHash
        (self.shard, shards, yosys) = (shard.index, shard.count, yosysVersion)
        records = rows.map {
            Record(index: $0.configuration.index, id: $0.configuration.id, top: $0.top, area: $0.area, baselineTop: $0.baselineTop,
                   baseline: $0.baseline, quantizationError: $0.quantizationError.map { "\($0)" })
        }
    }

    /// The file's bytes: sorted keys, so the same shard is the same file.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a shard file; one clear line when it is missing, unreadable or not a shard.
    public static func read(_ path: String) throws -> SweepShardFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolError("cannot read shard file \(path): " + (FileManager.default.fileExists(atPath: path) ? "not a readable file" : "no such file"))
        }
        guard let file = try? JSONDecoder().decode(SweepShardFile.self, from: data), file.format == formatTag else {
            throw ToolError("\(path) is not a sweep shard file (written by `shiftwright sweep --shard I/N`)")
        }
        return file
    }
}
