import Foundation

/// How long earlier jobs of one kind took for their size (a Verilator build per byte of Verilog, a
/// synthesis per byte), kept in the cache folder, so a progress line can say how much time is
/// probably left of a job that has no countable steps. Advisory only: a missing, unreadable or
/// concurrently rewritten history just means no estimate.
public struct DurationHistory: Sendable {
    /// One finished job: its size (in whatever unit the kind uses) and its seconds.
    public struct Sample: Codable, Sendable, Equatable {
        public let size: Int
        public let seconds: Double
        public init(size: Int, seconds: Double) { (self.size, self.seconds) = (size, seconds) }
    }

    /// Samples kept per kind; older ones are dropped.
    public static let capacity = 32

    public let kind: String
    public let directory: String

    /// `kind` names the job (`verilator-build`); it becomes the file name, so it is restricted to
    /// letters, digits, `-` and `_`.
    public init(kind: String, directory: String = CacheDirectory.root + "/timings") {
        self.kind = String(kind.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
        self.directory = directory
    }

    var path: String { "\(directory)/\(kind).json" }

    /// The recorded samples, oldest first (empty when there are none or the file is unreadable).
    public var samples: [Sample] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? JSONDecoder().decode([Sample].self, from: data)) ?? []
    }

    /// The expected seconds of a job of `size`: the three samples nearest in size (by ratio),
    /// each scaled linearly to `size`, averaged. Nil without samples.
    public func expectedSeconds(size: Int) -> Double? {
        Self.estimate(size: size, from: samples)
    }

    static func estimate(size: Int, from samples: [Sample]) -> Double? {
        let usable = samples.filter { $0.size > 0 && $0.seconds >= 0 }
        guard size > 0, !usable.isEmpty else { return nil }
        let nearest = usable.sorted { abs(log(Double($0.size) / Double(size))) < abs(log(Double($1.size) / Double(size))) }.prefix(3)
        return nearest.map { $0.seconds * Double(size) / Double($0.size) }.reduce(0, +) / Double(nearest.count)
    }

    /// Adds a finished job (keeping the newest `capacity` samples). Errors are ignored.
    public func record(size: Int, seconds: Double) {
        let kept = (samples + [Sample(size: size, seconds: seconds)]).suffix(Self.capacity)
        guard let data = try? JSONEncoder().encode(Array(kept)) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? AtomicFile.write(data, to: path)
    }
}
