import Foundation

/// Reads a model file chosen by its extension: `.onnx` (initializers and graph), `.safetensors`
/// (every tensor), `.npz` (every member), or a single `.npy` (one tensor named after the file).
public enum ModelFile {
    public static let extensions = [".onnx", ".safetensors", ".npz", ".npy"]

    public static func read(path: String) throws -> Model {
        if path.hasSuffix(".onnx") { return try ONNXModel.read(path: path) }
        if path.hasSuffix(".npz") { return Model(source: path, tensors: try NpzArchive.read(path: path)) }
        if path.hasSuffix(".safetensors") {
            guard let data = FileManager.default.contents(atPath: path) else { throw FormatError("cannot read \(path)") }
            do {
                return Model(source: path, tensors: try SafeTensors.parseAll(data).map { ModelTensor(name: $0.name, tensor: $0.tensor) })
            } catch let e as FormatError { throw FormatError("\(path): \(e.message)") }
        }
        if path.hasSuffix(".npy") {
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return Model(source: path, tensors: [ModelTensor(name: name, tensor: try Npy.read(path: path))])
        }
        throw FormatError("'\(path)': expected a model file (\(extensions.joined(separator: ", ")))")
    }
}
