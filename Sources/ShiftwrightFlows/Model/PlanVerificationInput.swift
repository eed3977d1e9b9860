import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators

/// The checks `verify plan` makes on its untrusted inputs before anything is simulated: the plan
/// file (present, JSON, every field, formats that parse, an array that builds and is the one
/// named), each layer's model tensor (present, of the recorded shape and matrix) and each layer's
/// weight image (present, of the recorded size, hex words). Every problem is one `FormatError`
/// line naming the file and the layer (exit status 2).
enum PlanFileCheck {
    /// A plan layer with its array configuration rebuilt from the plan's fields.
    struct Layer {
        let entry: ModelPlan.Layer
        let config: ArrayConfig
    }

    /// A plan that passed every check, the folder its files are in, and its layers.
    struct Checked {
        let plan: ModelPlan
        let directory: String
        let layers: [Layer]
    }

    static func load(_ path: String) throws -> Checked {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FormatError("plan file '\(path)' does not exist") }
        guard !isDirectory.boolValue else { throw FormatError("plan file '\(path)' is a directory, not a plan.json") }
        guard let data = FileManager.default.contents(atPath: path) else { throw FormatError("plan file '\(path)' cannot be read") }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let plan: ModelPlan
        do { plan = try decoder.decode(ModelPlan.self, from: data) } catch let error as DecodingError {
            throw FormatError("plan file '\(path)': \(describe(error))")
        }
        guard !plan.layers.isEmpty else { throw FormatError("plan file '\(path)' has no layers") }
        let act = try format(plan.activation, "activation", path)
        let out = try format(plan.output, "output", path)
        let layers = try plan.layers.enumerated().map { i, l in
            let at = "plan file '\(path)', layer \(i) '\(l.name)'"
            guard l.k >= 1, l.n >= 1 else { throw FormatError("\(at): K = \(l.k) and N = \(l.n) must be at least 1") }
            guard l.array.activation == plan.activation, l.array.target == plan.output, l.array.weight == l.chosen.format else {
                throw FormatError("\(at): its array's formats (\(l.array.activation) x \(l.array.weight) -> \(l.array.target)) are not the plan's (\(plan.activation) x \(l.chosen.format) -> \(plan.output))")
            }
            let config: ArrayConfig
            do {
                config = try ArrayConfig(rows: l.array.rows, cols: l.array.cols, activation: act, weight: try format(l.chosen.format, "weight", at),
                                         target: out, maxRows: l.array.maxRows, maxTiles: l.array.maxTiles, shiftBits: l.array.shiftBits)
            } catch let error as FormatError { throw error } catch {
                throw FormatError("\(at): its array cannot be built: \(error)")
            }
            guard config.moduleName == l.array.module else { throw FormatError("\(at): its array fields make \(config.moduleName), not the module \(l.array.module) it names") }
            guard l.k <= config.maxDepth else { throw FormatError("\(at): K = \(l.k) exceeds the array's \(config.rows) rows x \(config.maxTiles) tiles") }
            let limit = 1 << (config.shiftBits - 1)
            guard (-limit..<limit).contains(l.requantShift) else { throw FormatError("\(at): requantShift \(l.requantShift) does not fit the \(config.shiftBits)-bit shift input") }
            return Layer(entry: l, config: config)
        }
        return Checked(plan: plan, directory: (path as NSString).deletingLastPathComponent, layers: layers)
    }

    static func format(_ name: String, _ role: String, _ at: String) throws -> NumberFormat {
        do { return try NumberFormat(parsing: name) } catch { throw FormatError("\(at): bad \(role) format '\(name)': \(error)") }
    }

    /// One line for a decoding error: what is missing or wrong, and where (`layers[0].k`).
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case let .keyNotFound(key, context):
            let at = path(context.codingPath)
            return "missing field '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "field \(path(context.codingPath)) has the wrong type"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? "not a JSON plan (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))"
                : "field \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "not a plan.json"
        }
    }

    /// The layer's weights from the model, quantized by the golden model at the plan's format and
    /// scale: row-major K×N codes.
    static func goldenCodes(_ layer: Layer, model: Model, modelPath: String) throws -> [UInt64] {
        let l = layer.entry
        let at = "layer \(l.index) '\(l.name)'"
        guard let tensor = model.tensors.first(where: { $0.name == l.name }) else {
            throw FormatError("\(at): the model \(modelPath) has no tensor '\(l.name)'")
        }
        guard tensor.tensor.shape == l.shape else {
            throw FormatError("\(at): the model's tensor has shape \(tensor.tensor.shape), the plan says \(l.shape)")
        }
        let weights: WeightLayer
        switch l.matrix {
        case "dense out-in": weights = try WeightLayer(dense: tensor, layout: .outIn)
        case "dense in-out": weights = try WeightLayer(dense: tensor, layout: .inOut)
        case let m where m.hasPrefix("conv im2col"): weights = try WeightLayer(convolution: tensor)
        default: throw FormatError("\(at): unknown matrix '\(l.matrix)' (expected dense out-in, dense in-out or conv im2col …)")
        }
        guard weights.k == l.k, weights.n == l.n else { throw FormatError("\(at): the model's matrix is \(weights.k) x \(weights.n), the plan says \(l.k) x \(l.n)") }
        try weights.checkFinite()
        let quantizer = TensorQuantizer(format: layer.config.weight, scale: l.chosen.scale, ties: layer.config.ties)
        return quantizer.quantize(weights.matrix).map(UInt64.init)
    }

    /// The codes the RTL is fed: the layer's `.hex` image read back into row-major K×N (the stream
    /// order of `WeightImage`), its padding ignored.
    static func imageCodes(_ layer: Layer, directory: String) throws -> [UInt64] {
        let l = layer.entry, c = layer.config
        let at = "layer \(l.index) '\(l.name)'"
        guard !l.images.hex.isEmpty, !l.images.hex.contains("/"), l.images.hex != ".", l.images.hex != ".." else {
            throw FormatError("\(at): weight image name '\(l.images.hex)' must be a file name inside the plan's folder")
        }
        let path = directory.isEmpty ? l.images.hex : "\(directory)/\(l.images.hex)"
        guard let data = FileManager.default.contents(atPath: path) else { throw FormatError("\(at): weight image '\(path)' does not exist or cannot be read") }
        // Comment lines (`//`, as `$readmemh` reads them: the image's header names its writer) are not words.
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.drop { $0 == " " || $0 == "\t" }.hasPrefix("//") }
        let (blocks, tiles) = ((l.n + c.cols - 1) / c.cols, (l.k + c.rows - 1) / c.rows)
        guard lines.count == blocks * tiles * c.rows else {
            throw FormatError("\(at): weight image '\(path)' has \(lines.count) words, a \(l.k) x \(l.n) layer on \(c.rows)x\(c.cols) needs \(blocks * tiles * c.rows)")
        }
        let bits = c.weight.codeWidth, digits = (c.cols * bits + 3) / 4
        var codes = [UInt64](repeating: 0, count: l.k * l.n)
        for (w, line) in lines.enumerated() {
            let nibbles = Array(line.utf8.reversed()).map { b -> UInt8? in
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
                default: nil
                }
            }
            guard nibbles.count == digits, nibbles.allSatisfy({ $0 != nil }) else {
                throw FormatError("\(at): weight image '\(path)' line \(w + 1) is not \(digits) hex digits")
            }
            let (block, rest) = w.quotientAndRemainder(dividingBy: tiles * c.rows)
            let row = rest
            guard row < l.k else { continue }
            for j in 0..<c.cols where block * c.cols + j < l.n {
                var code: UInt64 = 0
                for b in 0..<bits {
                    let bit = j * bits + b
                    if (nibbles[bit / 4]! >> UInt8(bit % 4)) & 1 == 1 { code |= 1 << UInt64(b) }
                }
                codes[row * l.n + block * c.cols + j] = code
            }
        }
        return codes
    }
}
