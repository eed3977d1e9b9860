/// Reads a float tensor from a file chosen by its extension: `.npy`, or one tensor of a
/// `.safetensors` file (named by `tensor`, or the only one).
public enum TensorFile {
    public static func read(path: String, tensor: String? = nil) throws -> Tensor {
        if path.hasSuffix(".safetensors") { return try SafeTensors.read(path: path, tensor: tensor) }
        guard path.hasSuffix(".npy") else { throw FormatError("'\(path)': expected a .npy or .safetensors file") }
        guard tensor == nil else { throw FormatError("a tensor name applies to .safetensors files, not '\(path)'") }
        return try Npy.read(path: path)
    }
}
