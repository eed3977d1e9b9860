import Foundation
import ZIPFoundation

/// Reads NumPy `.npz` archives (`numpy.savez`, stored, and `numpy.savez_compressed`, deflated):
/// a zip of `.npy` members, each read by `Npy.parse`; a member `w.npy` is the tensor `w`.
public enum NpzArchive {
    /// The largest member the reader inflates (a guard against zip bombs: the sizes are the file's claim).
    public static let maxMemberBytes: UInt64 = 1 << 31

    public static func read(path: String) throws -> [ModelTensor] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FormatError("cannot read \(path)") }
        do { return try parse(data) } catch let e as FormatError { throw FormatError("\(path): \(e.message)") }
    }

    /// The members of an archive's bytes, in archive order.
    public static func parse(_ data: Data) throws -> [ModelTensor] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw FormatError("not a .npz file: not a readable zip archive")
        }
        var out: [ModelTensor] = []
        for entry in archive where entry.type == .file {
            guard entry.path.hasSuffix(".npy") else { throw FormatError("member '\(entry.path)' is not a .npy file") }
            guard entry.uncompressedSize <= maxMemberBytes else {
                throw FormatError("member '\(entry.path)' claims \(entry.uncompressedSize) bytes, over the \(maxMemberBytes)-byte limit")
            }
            var bytes = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    guard UInt64(bytes.count + chunk.count) <= maxMemberBytes else { throw FormatError("member '\(entry.path)' inflates past its limit") }
                    bytes.append(chunk)
                }
            } catch let e as FormatError { throw e } catch {
                throw FormatError("member '\(entry.path)' cannot be extracted (corrupt or unsupported compression)")
            }
            let tensor: Tensor
            do { tensor = try Npy.parse(bytes) } catch let e as FormatError { throw FormatError("member '\(entry.path)': \(e.message)") }
            out.append(ModelTensor(name: String(entry.path.dropLast(4)), tensor: tensor))
        }
        return out
    }
}
