import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling
import ShiftwrightYosys

/// `plan`: per weight layer of a model, the weight format, split and scale (`LayerPlanner`), the
/// requantizer shift and array configuration, with each PE's measured area (`PEAreaCache`); writes
/// `plan.json`, `plan.svg`, every layer's weight images and their sidecar, and the RTL of every
/// array configuration into one directory, all or nothing. Every input is checked before anything
/// is synthesized or written.
public struct PlanRun: Sendable {
    public var model: String
    /// Code widths to consider: `4...8`, `4..8`, `6` or `4,6,8`.
    public var widths = "4...8"
    public var families = "afp,ausn,int"
    public var synthesis = SynthSettings()
    /// When set: the least area whose SQNR reaches it (dB).
    public var sqnrTarget: Double?
    /// λ of LUTs^λ · MSE.
    public var lambda = 1.0
    public var activation = "int8"
    public var output = "int8"
    public var rows = 8, cols = 8
    /// Weight tiles per run; nil: the fewest (a power of two) that hold the deepest layer.
    public var maxTiles: Int?
    /// Plan the layers of the ONNX graph (a sequential network) instead of every weight tensor.
    public var graph = false
    /// How a rank-2 tensor is laid out when there is no graph: out-in or in-out.
    public var layout = "out-in"
    public var outDirectory = "plan"

    public init(model: String) { self.model = model }

    /// Parses a width list: `A...B`, `A..B`, `A-B`, `A,B,C` or `A` (each 2...16).
    public static func parseWidths(_ text: String) throws -> [Int] {
        let bad = FormatError("bad --widths '\(text)': expected a range such as 4...8 or a list such as 4,6,8 (each 2..16)")
        var out: [Int] = []
        for part in text.split(separator: ",") {
            let bounds = part.replacingOccurrences(of: "...", with: "-").replacingOccurrences(of: "..", with: "-").split(separator: "-")
            guard (1...2).contains(bounds.count), let lo = Int(bounds[0]), let hi = Int(bounds.last!), lo <= hi,
                  (2...16).contains(lo), (2...16).contains(hi) else { throw bad }
            out += Array(lo...hi)
        }
        guard !out.isEmpty else { throw bad }
        return Array(Set(out)).sorted()
    }

    struct Prepared {
        let layer: WeightLayer
        let candidates: [WeightChoice]
        let baseline: WeightChoice
    }

    public func run(log: (String) -> Void, note: @escaping @Sendable (String) -> Void) throws {
        let widthList = try Self.parseWidths(widths)
        let familyList = try PlanFamily.parseList(families)
        let act = try NumberFormat(parsing: activation)
        let out = try NumberFormat(parsing: output)
        guard out.isInteger else { throw FormatError("--out-format \(output): plan's requantizer targets are intN or uintN (the next layer's integer activations)") }
        guard lambda.isFinite, lambda >= 0 else { throw FormatError("--lambda must be a finite number ≥ 0") }
        if let t = sqnrTarget, !t.isFinite { throw FormatError("--sqnr-target must be a finite number of dB") }
        guard let matrixLayout = MatrixLayout(rawValue: layout) else { throw FormatError("bad --layout '\(layout)': expected out-in or in-out") }
        let target = try synthesis.synthTarget()
        let planner = LayerPlanner(widths: widthList, families: familyList, activation: act, lambda: lambda, sqnrTarget: sqnrTarget)

        let model = try ModelFile.read(path: self.model)
        let layers = graph ? try SequentialGraph(model).layers.map(\.weight) : try model.weightLayers(layout: matrixLayout)
        for l in layers { try l.checkFinite() }
        let deepest = layers.map { ($0.k + rows - 1) / max(rows, 1) }.max() ?? 1
        let tiles = try maxTiles ?? Self.powerOfTwo(atLeast: deepest)
        _ = try ArrayConfig(rows: rows, cols: cols, activation: act, weight: try NumberFormat(parsing: "int8"), target: out, maxTiles: tiles)
        for l in layers where l.k > rows * tiles {
            throw FormatError("layer '\(l.name)': K = \(l.k) does not fit a \(rows)-row array with \(tiles) weight tiles (K ≤ \(rows * tiles)); raise --max-tiles or --rows")
        }

        let int8 = try NumberFormat(parsing: "int8")
        // A candidate whose array cannot be built (a product too wide for the accumulator buffer or
        // the requantizer, a port over its limit) is no candidate; a layer left with none is an error.
        var buildable: [NumberFormat: String?] = [:]
        func arrayProblem(_ f: NumberFormat) -> String? {
            if let known = buildable[f] { return known }
            var problem: String? = nil
            do { _ = try ArrayConfig(rows: rows, cols: cols, activation: act, weight: f, target: out, maxTiles: tiles) } catch { problem = "\(f): \(error)" }
            buildable[f] = problem
            return problem
        }
        let prepared = try layers.map { l in
            let all = try planner.candidates(l.matrix)
            let kept = all.filter { arrayProblem($0.format) == nil }
            guard !kept.isEmpty else {
                throw FormatError("layer '\(l.name)': no candidate format fits the array (\(all.first.flatMap { arrayProblem($0.format) } ?? "no candidates"))")
            }
            return Prepared(layer: l, candidates: kept, baseline: try LayerPlanner.integerChoice(l.matrix, bits: 8, ties: .even))
        }
        var formats: [NumberFormat] = [int8]
        for p in prepared { for c in p.candidates where !formats.contains(c.format) { formats.append(c.format) } }

        let cache = PEAreaCache(synthesis: ParallelSynthesis(yosys: Yosys(executable: synthesis.yosysProgram), workers: synthesis.jobs), target: target)
        let peConfigs = try formats.map { try planner.pe($0) }
        note("plan: \(layers.count) layers of \(model.source); measuring \(peConfigs.count) PEs (\(act.name) × weight) on \(target)")
        let (areas, counts) = try cache.areas(peConfigs, progress: synthesisProgress(note))
        note("plan: PE areas: \(counts.hits) from the cache, \(counts.synthesized) synthesized")
        func area(_ f: NumberFormat) -> Int {
            let a = areas[(try? planner.pe(f).moduleName) ?? ""]
            return (target.mapsToLUTs ? a?.luts : a?.totalCells) ?? Int.max
        }

        var planned: [ModelPlan.Layer] = [], files: [(name: String, data: Data)] = [], sidecar: [WeightImageSidecar.Entry] = []
        var arrays: [String: ArrayConfig] = [:]
        for (i, p) in prepared.enumerated() {
            let (choice, meets) = planner.choose(p.candidates, luts: area)
            let l = p.layer
            let array = try ArrayConfig(rows: rows, cols: cols, activation: act, weight: choice.format, target: out, maxTiles: tiles)
            arrays[array.moduleName] = array
            let codes = choice.quantizer.quantize(l.matrix).map(UInt64.init)
            let shift = try Self.requantShift(codes: codes, k: l.k, n: l.n, weight: choice.format, activation: act, output: out, shiftBits: array.shiftBits, layer: l.name)
            let image = WeightImage(codes: codes, k: l.k, n: l.n, array: array)
            let stem = String(format: "%02d_", i) + Self.fileSafe(l.name)
            let imageFiles = ModelPlan.ImageFiles(hex: stem + ".hex", mem: stem + ".mem", coe: stem + ".coe", mif: stem + ".mif",
                                                  words: image.words.count, wordBits: image.wordBits)
            files += [(imageFiles.hex, Data(image.readmemh.utf8)), (imageFiles.mem, Data(image.mem.utf8)),
                      (imageFiles.coe, Data(image.coe.utf8)), (imageFiles.mif, Data(image.mif.utf8))]
            let entry = ModelPlan.ArrayEntry(module: array.moduleName, rows: rows, cols: cols, activation: act.name, weight: choice.format.name,
                                             target: out.name, maxRows: array.maxRows, maxTiles: tiles, shiftBits: array.shiftBits,
                                             tiles: image.tiles, columnBlocks: image.columnBlocks)
            let chosen = Self.quantization(choice, area: area(choice.format))
            planned.append(ModelPlan.Layer(index: i, name: l.name, shape: l.shape, matrix: Self.describe(l.origin), k: l.k, n: l.n,
                                           chosen: chosen, meetsTarget: meets, baseline: Self.quantization(p.baseline, area: area(int8)),
                                           requantShift: shift, arrayPEArea: rows * cols * chosen.peArea, array: entry, images: imageFiles))
            sidecar.append(.init(layer: l.name, array: entry, files: imageFiles, weightFormat: choice.format.name, weightScale: choice.quantizer.scale,
                                 weightUnitLog2: choice.unitLog2, requantShift: shift, k: l.k, n: l.n))
        }
        var arrayFiles: [String] = []
        for name in arrays.keys.sorted() {
            let artifacts = try DesignArtifacts.array(arrays[name]!).files
            files += artifacts
            arrayFiles += artifacts.map(\.name)
        }
        let plan = ModelPlan(model: model.source, activation: act.name, output: out.name, widths: widthList, families: familyList.map(\.rawValue),
                             lambda: lambda, sqnrTarget: sqnrTarget, synthTarget: target.description,
                             areaMetric: target.mapsToLUTs ? "LUT" : "cells", yosys: try cache.synthesis.yosys.version(),
                             layers: planned, arrayFiles: arrayFiles)
        files.append(("plan.json", Data((try ReportText.json(plan) + "\n").utf8)))
        files.append(("weights.json", Data((try ReportText.json(WeightImageSidecar(order: WeightImageSidecar.orderText, layers: sidecar)) + "\n").utf8)))
        files.append(("plan.svg", Data(PlanChart.svg(plan).utf8)))
        try AtomicFile.writeAll(files, into: outDirectory)
        log(PlanTable.text(plan))
        log("wrote \(outDirectory)/plan.json, plan.svg, weights.json, \(planned.count * 4) weight images and \(arrayFiles.count) array files")
    }

    static func quantization(_ c: WeightChoice, area: Int) -> ModelPlan.Quantization {
        ModelPlan.Quantization(format: c.format.name, family: c.family.rawValue, scale: c.quantizer.scale,
                               scaleText: c.format.isInteger ? "step 2^\(c.quantizer.scale)" : c.quantizer.scaleDescription,
                               weightUnitLog2: c.unitLog2, sqnrDB: c.stats.sqnrDB, mse: c.stats.mse, peArea: area)
    }

    static func describe(_ origin: WeightLayer.Origin) -> String {
        switch origin {
        case .dense(let layout): return "dense \(layout.rawValue)"
        case .convolution(let kernel): return "conv im2col kernel \(kernel)"
        }
    }

    static func powerOfTwo(atLeast n: Int) throws -> Int {
        var p = 1
        while p < n { p <<= 1 }
        guard p <= 4096 else { throw FormatError("the deepest layer needs \(n) weight tiles, over the array's 4096; raise --rows") }
        return p
    }

    /// A file-name stem from a tensor name: letters, digits, '.', '_' and '-' kept, others '_'.
    static func fileSafe(_ name: String) -> String {
        let kept = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        let trimmed = kept.drop { $0 == "_" || $0 == "." }
        return String(trimmed.prefix(80)).isEmpty ? "layer" : String(trimmed.prefix(80))
    }

    /// The largest |unit value| of any code of `format` (intN: 2^(N−1), its most negative code).
    static func largestUnit(_ format: NumberFormat) -> Double {
        switch format.kind {
        case .int(let bits): return Double(sign: .plus, exponent: bits - 1, significand: 1)
        case .uint(let bits): return Double(sign: .plus, exponent: bits, significand: 1) - 1
        default: return Double(format.allCodes.map { abs(format.unitValueIfSmall(ofCode: $0) ?? 0) }.max() ?? 1)
        }
    }

    /// The shift that keeps every output in range for any activation codes: the least e with
    /// max|y| · 2^e ≥ max|a| · max_n Σ_k |w_kn| (all in units), shift = −e (docs/models.md).
    static func requantShift(codes: [UInt64], k: Int, n: Int, weight: NumberFormat, activation: NumberFormat, output: NumberFormat,
                             shiftBits: Int, layer: String) throws -> Int {
        var columns = [Double](repeating: 0, count: n)
        for (i, c) in codes.enumerated() { columns[i % n] += Double(abs(weight.unitValueIfSmall(ofCode: c) ?? 0)) }
        let bound = columns.max() ?? 0
        guard bound > 0 else { return 0 }
        let actMax = largestUnit(activation)
        var outMax = 1.0
        switch output.kind {
        case .int(let bits): outMax = Double((1 << (bits - 1)) - 1)
        case .uint(let bits): outMax = Double((1 << bits) - 1)
        default: break
        }
        var e = 0
        while outMax * Double(sign: .plus, exponent: e, significand: 1) < actMax * bound { e += 1 }
        while outMax * Double(sign: .plus, exponent: e - 1, significand: 1) >= actMax * bound { e -= 1 }
        let limit = 1 << (shiftBits - 1)
        guard (-limit..<limit).contains(-e) else {
            throw FormatError("layer '\(layer)': its requantizer shift \(-e) is outside the \(shiftBits)-bit shift input")
        }
        return -e
    }
}
