import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling

/// `shiftwright infer`: the digits network quantized per format (`QuantizedNetwork`), every test
/// image run through the golden model and, layer after layer, through the generated PE array in
/// Verilator (each layer's input is the array's own output of the layer before). Reports top-1
/// accuracy for float, golden and RTL, and counts every output code where RTL and golden differ.
public struct InferenceRun: Sendable {
    public var data: DigitsData
    public var formats: [InferenceFormats]
    /// The first `images` test images (all when nil).
    public var images: Int?
    /// Array size of every layer.
    public var rows = 8, cols = 8
    /// Added to every layer's shift on the RTL side only (the golden model keeps the right one):
    /// a planted bug for the tests that show the comparison catches it. 0 in every real run.
    public var plantedShiftError = 0

    public init(data: DigitsData, formats: [InferenceFormats]) {
        self.data = data
        self.formats = formats
    }

    /// One format's outcome.
    public struct FormatResult: Sendable {
        public let network: QuantizedNetwork
        public let goldenCorrect: Int, rtlCorrect: Int
        /// Output codes (over every layer and image) where the RTL differs from the golden model.
        public let mismatchedCodes: Int
        /// Images with at least one differing code in any layer.
        public let mismatchedImages: Int
        /// Where the first difference is, when there is one.
        public let firstMismatch: String?
        public let comparedCodes: Int
        public let buildSeconds: Double, simulationSeconds: Double, cycles: Int
    }

    /// The whole run.
    public struct Report: Sendable {
        public let images: Int
        public let floatCorrect: Int
        public let results: [FormatResult]
        public let rows: Int, cols: Int
        public var passed: Bool { results.allSatisfy { $0.mismatchedCodes == 0 } }

        /// Throws a check failure (exit status 1) naming each format's first differing code
        /// unless RTL = golden on every code.
        public func requirePassed() throws {
            let bad = results.filter { $0.mismatchedCodes > 0 }
            guard !bad.isEmpty else { return }
            throw ToolError.checkFailed("the RTL differs from the golden model: "
                                        + bad.map { "\($0.network.formats.label): \($0.firstMismatch ?? "")" }.joined(separator: "; "))
        }
    }

    /// `progress` receives one line per layer as it finishes.
    public func run(progress: (String) -> Void = { _ in }) throws -> Report {
        if let images, !(1...data.test.count).contains(images) {
            throw ToolError("--images must be in 1...\(data.test.count) (the test split's size), got \(images)")
        }
        for (what, v) in [("rows", rows), ("cols", cols)] where !ArrayConfig.sizeRange.contains(v) {
            throw ToolError("array --\(what) must be in \(ArrayConfig.sizeRange.lowerBound)...\(ArrayConfig.sizeRange.upperBound), got \(v)")
        }
        guard !formats.isEmpty else { throw ToolError("no formats to run") }
        let test = data.test.prefix(images)
        let floatCorrect = zip(data.network.predict(test.inputs, rows: test.count), test.labels).filter { $0 == $1 }.count
        // Every format's quantized network and every layer's array, checked before the first build.
        let networks = try formats.map { f in
            let q = try QuantizedNetwork(data.network, formats: f, calibration: data.calibration)
            return (q, try q.layers.enumerated().map { index, layer in try arrayConfig(for: layer, index: index, formats: f) })
        }
        var results: [FormatResult] = []
        for (q, configs) in networks {
            let f = q.formats
            let input = try q.inputCodes(test.inputs)
            let golden = try q.golden(input, rows: test.count)
            var x = input, rtl: [[UInt64]] = []
            var build = 0.0, sim = 0.0, cycles = 0
            for (index, (layer, config)) in zip(q.layers, configs).enumerated() {
                let g = try layer.problem(x, rows: test.count)
                let rtlProblem = plantedShiftError == 0 ? g
                    : try GemmProblem(activation: g.activation, weight: g.weight, target: g.target, ties: g.ties, shift: g.shift + plantedShiftError,
                                      m: g.m, k: g.k, n: g.n, x: g.x, w: g.w)
                let r = try ArrayExecution.run(rtlProblem, config: config)
                (build, sim, cycles) = (build + r.buildSeconds, sim + r.simulationSeconds, cycles + r.cycles)
                rtl.append(r.codes)
                x = r.codes
                let differing = zip(r.codes, golden[index]).filter { $0 != $1 }.count
                progress(String(format: "%@ layer %d (%@) on %@: %d x %d outputs, %d differ from golden; build %.1f s, simulation %.2f s",
                                f.label, index + 1, layer.summary, config.moduleName, test.count, layer.outputs, differing,
                                r.buildSeconds, r.simulationSeconds))
            }
            var mismatched = 0, compared = 0, badImages = Set<Int>(), first: String?
            for (index, (g, r)) in zip(golden, rtl).enumerated() {
                let n = q.layers[index].outputs
                compared += g.count
                for i in g.indices where g[i] != r[i] {
                    mismatched += 1
                    badImages.insert(i / n)
                    if first == nil {
                        first = "layer \(index + 1), image \(i / n), output \(i % n): golden \(q.layers[index].target.binaryFields(of: g[i])), RTL \(q.layers[index].target.binaryFields(of: r[i]))"
                    }
                }
            }
            let goldenCorrect = zip(q.predictions(golden.last!, rows: test.count), test.labels).filter { $0 == $1 }.count
            let rtlCorrect = zip(q.predictions(rtl.last!, rows: test.count), test.labels).filter { $0 == $1 }.count
            results.append(FormatResult(network: q, goldenCorrect: goldenCorrect, rtlCorrect: rtlCorrect, mismatchedCodes: mismatched,
                                        mismatchedImages: badImages.count, firstMismatch: first, comparedCodes: compared,
                                        buildSeconds: build, simulationSeconds: sim, cycles: cycles))
        }
        return Report(images: test.count, floatCorrect: floatCorrect, results: results, rows: rows, cols: cols)
    }

    /// The rows x cols array of one layer (K + 1 inputs, the bias column included): a layer whose
    /// ports or shift the array cannot carry is refused here, before anything is built.
    func arrayConfig(for layer: QuantizedNetwork.Layer, index: Int, formats f: InferenceFormats) throws -> ArrayConfig {
        let tiles = (layer.inputs + 1 + rows - 1) / rows
        let config: ArrayConfig
        do {
            config = try ArrayConfig(rows: rows, cols: cols, activation: layer.activation, weight: layer.weight, target: layer.target,
                                     maxRows: 256, maxTiles: max(16, tiles))
        } catch { throw ToolError("\(f.label) layer \(index + 1): \(error)") }
        guard (-(1 << (config.shiftBits - 1))..<(1 << (config.shiftBits - 1))).contains(layer.shift) else {
            throw ToolError("\(f.label) layer \(index + 1): shift \(layer.shift) does not fit the array's \(config.shiftBits)-bit shift input")
        }
        return config
    }
}

extension InferenceRun.Report {
    /// The accuracy table and, per format, its layers (formats, scales, shifts): deterministic text
    /// (no timings), so the committed report only changes when a result does.
    public var text: String {
        func pct(_ correct: Int) -> String { String(format: "%.2f%%", 100 * Double(correct) / Double(images)) }
        var rowsOut = [["format", "weights", "activations", "bits W/A", "float", "golden", "RTL", "RTL = golden"]]
        for r in results {
            let f = r.network.formats
            rowsOut.append([f.label, f.weight.name, f.activation.name, "\(f.weight.codeWidth)/\(f.activation.codeWidth)", pct(floatCorrect),
                            pct(r.goldenCorrect), pct(r.rtlCorrect),
                            r.mismatchedCodes == 0 ? "yes (\(r.comparedCodes) codes)" : "NO: \(r.mismatchedCodes) codes differ in \(r.mismatchedImages) images"])
        }
        var lines = ["top-1 accuracy on \(images) test images of the digits network (64-32-10, ReLU), "
                     + "every layer on a generated \(rows)x\(cols) PE array in Verilator", ""]
        lines.append(String(ReportText.columns(rowsOut, leftColumns: 3).dropLast()))
        lines += ["", "layers (input@scale x weights@scale -> output@scale; the +1 input is the bias column):"]
        for r in results {
            for (i, l) in r.network.layers.enumerated() { lines.append("  \(r.network.formats.label) layer \(i + 1): \(l.summary)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
