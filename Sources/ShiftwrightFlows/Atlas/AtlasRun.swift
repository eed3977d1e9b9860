import Foundation
import ShiftwrightFormats
import ShiftwrightTooling

/// `report atlas`: one static HTML page (inline SVG and CSS, no scripts, no external URLs) of a
/// sweep's results on every target given, with the data it used beside it, written all or nothing:
/// LUT heat maps, the sweet-spot maps (LUTs^λ × error for two error measures), area- and
/// energy-against-SQNR Pareto fronts on real tensors with the integer baselines, the paper's
/// Table 4 beside ours, Fmax where measured, and the tools' versions.
public struct AtlasRun: Sendable {
    /// Sweep CSVs or directories holding `sweep.<target>.csv`.
    public var sweep: [String]
    /// `energy.<target>.csv` files (optional).
    public var energy: [String] = []
    /// `report timing`'s timing.txt (optional).
    public var timing: String?
    /// Weight tensors (.npy); empty: the real weights the project ships (`AtlasTensor.bundled`).
    public var inputs: [String] = []
    /// The cost exponent λ of the sweet-spot score.
    public var lambda = 1.0
    /// The first that many digits test images for the accuracy measure (all when nil).
    public var images: Int?
    public var out: String

    public init(sweep: [String], out: String) { (self.sweep, self.out) = (sweep, out) }

    /// Everything the page shows, computed before anything is written.
    public struct Atlas: Sendable {
        public let sweep: AtlasSweep
        public let energy: [AtlasEnergyRow]
        public let timing: AtlasTiming?
        public let errors: AtlasErrors
        public let maps: [SweetSpotMap]
        public let lambda: Double
    }

    /// Reads and checks every input, then measures and scores.
    public func compute() throws -> Atlas {
        guard lambda.isFinite, (0...4).contains(lambda) else { throw ToolError("--lambda must be in 0...4, got \(lambda)") }
        let sweep = try AtlasSweep.read(self.sweep)
        let energy = try AtlasEnergyRow.read(self.energy)
        let timing = try self.timing.map { try AtlasTiming.read(path: $0) }
        let tensors = inputs.isEmpty ? try AtlasTensor.bundled() : try inputs.map { path in
            try AtlasTensor(name: ((path as NSString).lastPathComponent as NSString).deletingPathExtension, values: try Npy.read(path: path).values)
        }
        guard Set(tensors.map(\.name)).count == tensors.count else { throw ToolError("--input: two tensors have the same file name") }
        var formats = Set(sweep.rows.map(\.weight))
        for r in sweep.rows { formats.insert("int\(r.bits)") }
        for e in energy { formats.insert(e.weight); if let b = e.baselineWeight { formats.insert(b) } }
        let digits = try DigitsData.bundled()
        if let images, !(1...digits.test.count).contains(images) {
            throw ToolError("--images must be in 1...\(digits.test.count) (the digits test split's size), got \(images)")
        }
        let errors = try AtlasErrors.measure(formats: formats.sorted(), tensors: tensors, digits: digits, images: images)
        var maps: [SweetSpotMap] = []
        for target in sweep.targets {
            for family in ["afp", "ausn"] where sweep.rows.contains(where: { $0.target == target && $0.family == family }) {
                let first = tensors[0].name
                maps.append(SweetSpotMap.build(target: target, family: family, measure: .mse(tensor: first), lambda: lambda,
                                               rows: sweep.rows) { errors.quantization[first]?[$0]?.mse })
                maps.append(SweetSpotMap.build(target: target, family: family, measure: .accuracyLoss, lambda: lambda,
                                               rows: sweep.rows) { errors.flooredAccuracyLoss($0) })
            }
        }
        return Atlas(sweep: sweep, energy: energy, timing: timing, errors: errors, maps: maps, lambda: lambda)
    }

    /// Writes atlas.html, atlas.errors.csv, atlas.sweetspot.csv and a copy of every input file
    /// into `out`, all or nothing; returns the summary lines.
    @discardableResult
    public func run() throws -> String {
        let atlas = try compute()
        var files: [(name: String, data: Data)] = [
            ("atlas.html", Data(AtlasPage.html(atlas).utf8)),
            ("atlas.errors.csv", Data(AtlasData.errorsCSV(atlas).utf8)),
            ("atlas.sweetspot.csv", Data(AtlasData.sweetSpotCSV(atlas).utf8)),
        ]
        for path in try AtlasSweep.files(sweep) + energy + (timing.map { [$0] } ?? []) {
            let name = (path as NSString).lastPathComponent
            guard !files.contains(where: { $0.name == name }) else { throw ToolError("two inputs are both named '\(name)': the atlas copies its data by file name") }
            guard let data = FileManager.default.contents(atPath: path) else { throw ToolError("cannot read '\(path)'") }
            files.append((name, data))
        }
        try AtomicFile.writeAll(files, into: out)
        return AtlasPage.summary(atlas) + "wrote " + files.map { "\(out)/\($0.name)" }.joined(separator: ", ") + "\n"
    }
}
