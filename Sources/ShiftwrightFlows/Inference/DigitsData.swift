import Foundation
import ShiftwrightFormats
import ShiftwrightTooling

/// Images with their class labels: M rows of network inputs (row-major) and M labels.
public struct LabeledImages: Sendable {
    public let inputs: [Double]
    public let labels: [Int]
    public let width: Int
    public var count: Int { labels.count }

    /// `inputs` holds `labels.count` rows of `width` values.
    public init(inputs: [Double], labels: [Int], width: Int) throws {
        guard width >= 1, inputs.count == labels.count * width else {
            throw ToolError("\(inputs.count) input values do not make \(labels.count) rows of \(width)")
        }
        (self.inputs, self.labels, self.width) = (inputs, labels, width)
    }

    private init(checked inputs: [Double], labels: [Int], width: Int) { (self.inputs, self.labels, self.width) = (inputs, labels, width) }

    /// The first `n` images (all when `n` is nil or larger).
    public func prefix(_ n: Int?) -> LabeledImages {
        guard let n, (0..<count).contains(n) else { return self }
        return LabeledImages(checked: Array(inputs[0..<(n * width)]), labels: Array(labels[0..<n]), width: width)
    }
}

/// The committed digits classifier and its splits (`data/digits/`, made by
/// `scripts/train_digits.py`): float32 weights `fcL_weight.npy` (K × N) and biases `fcL_bias.npy`
/// for L = 1, 2, …, and float16 images (8 × 8 pixels, integers 0…16) and labels of the
/// calibration and test splits. The network's input is pixel / 16. Read from a directory or from
/// the copy compiled into the binary (`BundledData.digitsFiles`).
public struct DigitsData: Sendable {
    public let network: DenseNetwork
    public let calibration: LabeledImages
    public let test: LabeledImages

    /// Pixel values are 0…16; the network sees pixel / 16 (exact in binary).
    public static let pixelScale = 1.0 / 16

    /// Reads the directory; every problem (a missing file, a wrong shape, NaN) is one clear error.
    public static func load(directory: String) throws -> DigitsData {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolError("\(directory): no such directory (expected the digits data made by scripts/train_digits.py)")
        }
        return try load(source: directory) { name in
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            do { return try Npy.read(path: path) } catch { throw ToolError("\(path): \(error)") }
        }
    }

    /// The copy of `data/digits/` compiled into the binary (the default of `shiftwright infer`).
    public static func bundled() throws -> DigitsData {
        try load(source: "the bundled digits data") { name in
            guard let data = BundledData.digitsFiles[name] else { return nil }
            do { return try Npy.parse(data) } catch { throw ToolError("the bundled digits data, \(name): \(error)") }
        }
    }

    /// The network and splits from `tensor(name)`, which is nil when `source` has no file `name`.
    private static func load(source: String, tensor: (String) throws -> Tensor?) throws -> DigitsData {
        func read(_ name: String) throws -> Tensor {
            guard let t = try tensor(name) else {
                throw ToolError("\(source): no \(name) (expected the digits data made by scripts/train_digits.py)")
            }
            return t
        }
        var layers: [DenseNetwork.Layer] = []
        while let weights = try tensor("fc\(layers.count + 1)_weight.npy") {
            let l = layers.count + 1
            let w = try GemmOperands.matrix(weights)
            let b = try read("fc\(l)_bias.npy")
            guard b.shape == [w.cols] else { throw ToolError("fc\(l)_bias.npy has shape \(b.shape), expected [\(w.cols)] for fc\(l)_weight.npy (\(w.rows) x \(w.cols))") }
            do { layers.append(try DenseNetwork.Layer(weights: w.values, bias: b.values, inputs: w.rows, outputs: w.cols)) }
            catch { throw ToolError("fc\(l): \(error)") }
        }
        guard !layers.isEmpty else { throw ToolError("\(source): no fc1_weight.npy: not a digits data directory") }
        let network = try DenseNetwork(layers: layers)
        func split(_ name: String) throws -> LabeledImages {
            let x = try GemmOperands.matrix(try read("\(name)_images.npy"))
            let y = try read("\(name)_labels.npy")
            guard x.cols == network.inputs, y.shape == [x.rows] else {
                throw ToolError("\(name) split: images \(x.rows) x \(x.cols) and labels \(y.shape) do not fit a network of \(network.inputs) inputs")
            }
            let classes = network.layers.last!.outputs
            let labels = try y.values.map { v -> Int in
                guard let c = Int(exactly: v), (0..<classes).contains(c) else { throw ToolError("\(name)_labels.npy holds \(v), not a class 0...\(classes - 1)") }
                return c
            }
            _ = try TensorRange(of: x.values)
            return try LabeledImages(inputs: x.values.map { $0 * pixelScale }, labels: labels, width: x.cols)
        }
        return DigitsData(network: network, calibration: try split("calibration"), test: try split("test"))
    }
}
