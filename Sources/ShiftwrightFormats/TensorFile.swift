import Foundation

/// Reads a float tensor from a file chosen by its extension: `.npy`, or one tensor of a
/// `.safetensors` file (named by `tensor`, or the only one).
public enum TensorFile {
    public static func read(path: String, tensor: String? = nil) throws -> Tensor {
        if path.hasSuffix(".safetensors") { return try SafeTensors.read(path: path, tensor: tensor) }
        guard path.hasSuffix(".npy") else { throw FormatError("'\(path)': expected a .npy or .safetensors file") }
        guard tensor == nil else { throw FormatError("a tensor name applies to .safetensors files, not '\(path)'") }
        return try Npy.read(path: path)
    }

    /// The bytes of a tensor file, refusing what is not a regular file (a folder, or a FIFO or
    /// device such as /dev/zero that would never end) with a plain reason, never a Foundation dump.
    static func bytes(of path: String) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw FormatError("cannot read \(path): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)).lowercased())")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw FormatError("cannot read \(path): it is a folder, not a file")
        default: throw FormatError("cannot read \(path): it is not a regular file")
        }
        guard access(path, R_OK) == 0 else { throw FormatError("cannot read \(path): permission denied") }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else {
            throw FormatError("cannot read \(path): \(String(cString: strerror(errno)).lowercased())")
        }
        return data
    }
}
