import Foundation
import ShiftwrightTooling

/// The hostile and edge-case input files of the bad-input corpus, written into one shared folder
/// (each case sees it as `inputs/`): malformed `.npy` and `.safetensors` files whose headers
/// lie (negative or overflowing shapes, offsets past the end or overflowing), a valid tensor, a
/// small Verilog file, a text file with a tensor's extension missing, and a read-only folder.
enum BadInputFiles {
    /// A `.safetensors` file of the given JSON header and payload.
    static func safetensors(_ header: String, payload: [UInt8] = [0, 0, 0, 0]) -> Data {
        var data = Data(withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian, Array.init))
        data.append(Data(header.utf8))
        data.append(contentsOf: payload)
        return data
    }

    /// A `.npy` (version 1.0) of the given header text and payload.
    static func npy(_ header: String, payload: [UInt8] = [], version: UInt8 = 1) -> Data {
        var data = Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, version, 0])
        let text = Array(header.utf8)
        data.append(contentsOf: [UInt8(text.count & 0xFF), UInt8(text.count >> 8)])
        data.append(contentsOf: text)
        data.append(contentsOf: payload)
        return data
    }

    static func tensorEntry(_ shape: String, _ offsets: String, dtype: String = "F32") -> String {
        "{\"w\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":\(offsets)}}"
    }

    /// Every malformed tensor file, by name.
    static let tensors: [(name: String, data: Data)] = [
        ("neg_shape.safetensors", safetensors(tensorEntry("[-1,4]", "[0,4]"))),
        ("shape_overflow.safetensors", safetensors(tensorEntry("[4294967296,4294967296]", "[0,4]"))),
        ("bytes_overflow.safetensors", safetensors(tensorEntry("[2305843009213693952]", "[0,4]"))),
        ("offsets_overflow.safetensors", safetensors(tensorEntry("[1]", "[9223372036854775804,9223372036854775807]"))),
        ("offsets_reversed.safetensors", safetensors(tensorEntry("[1]", "[4,0]"))),
        ("offsets_negative.safetensors", safetensors(tensorEntry("[1]", "[-4,0]"))),
        ("offsets_past_end.safetensors", safetensors(tensorEntry("[2]", "[0,8]"))),
        ("bad_dtype.safetensors", safetensors(tensorEntry("[1]", "[0,4]", dtype: "F8"))),
        ("shape_float.safetensors", safetensors(tensorEntry("[1.5]", "[0,4]"))),
        ("shape_string.safetensors", safetensors(tensorEntry("[\"1\"]", "[0,4]"))),
        ("not_json.safetensors", safetensors("{not json", payload: [])),
        ("json_array.safetensors", safetensors("[1,2,3]", payload: [])),
        ("header_too_long.safetensors", Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7B, 0x7D])),
        ("short.safetensors", Data([1, 2, 3])),
        ("empty.safetensors", Data()),
        ("two_tensors.safetensors", safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}")),
        ("bad_magic.npy", Data("not a numpy file at all".utf8)),
        ("empty.npy", Data()),
        ("version9.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", payload: [0, 0, 0, 0], version: 9)),
        ("header_past_end.npy", Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, 0xFF, 0xFF, 0x7B])),
        ("shape_overflow.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }")),
        ("shape_huge_digits.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }")),
        ("bytes_overflow.npy", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952,), }")),
        ("int_dtype.npy", npy("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", payload: [0, 0, 0, 0])),
        ("object.npy", npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", payload: [0])),
        ("no_fortran.npy", npy("{'descr': '<f4', 'shape': (1,), }", payload: [0, 0, 0, 0])),
        ("unicode_digits.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (٣,), }", payload: [0, 0, 0, 0])),
        ("truncated.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", payload: [0, 0, 0, 0])),
        ("trailing.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", payload: [0, 0, 0, 0, 1])),
        ("unterminated.npy", npy("{'descr': '<f4", payload: [])),
        ("nan.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", payload: [0, 0, 0xC0, 0x7F])),
        ("empty_tensor.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }")),
    ]

    static var tensorNames: [String] { tensors.map(\.name) }

    /// Writes the inputs into a fresh folder and returns it.
    static func make() throws -> String {
        let dir = try CLI.scratchDirectory()
        for (name, data) in tensors { try data.write(to: URL(fileURLWithPath: "\(dir)/\(name)")) }
        let good: [Float] = [0.5, -0.25, 0.125, 1]
        var npy = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }")
        for value in good { npy.append(contentsOf: withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init)) }
        try npy.write(to: URL(fileURLWithPath: "\(dir)/good.npy"))
        try Data("module pe(input wire a, output wire y); assign y = a; endmodule\n".utf8).write(to: URL(fileURLWithPath: "\(dir)/pe.v"))
        try Data("0.5, 0.25\n".utf8).write(to: URL(fileURLWithPath: "\(dir)/w.txt"))
        // Runs as root see through permissions, so the read-only folder is one on a read-only file system.
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/readonly", withDestinationPath: "/proc/sys")
        return dir
    }

    static func remove(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

    /// Every path under `dir` with its size, without following symbolic links.
    static func listing(_ dir: String) throws -> [String] {
        var out: [String] = []
        guard let walk = FileManager.default.enumerator(atPath: dir) else { return out }
        while let path = walk.nextObject() as? String {
            let full = "\(dir)/\(path)"
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK { walk.skipDescendants() }
            out.append("\(path):\(info.st_size)")
        }
        return out
    }
}

extension CLI {
    /// Runs `check` over `cases`, `width` at a time; the failure messages in case order.
    static func runConcurrently<C: Sendable>(_ cases: [C], width: Int, _ check: @escaping @Sendable (C) throws -> String?) throws -> [String] {
        let results = ResultBox(count: cases.count)
        let queue = DispatchQueue(label: "corpus", attributes: .concurrent)
        let slots = DispatchSemaphore(value: width)
        let group = DispatchGroup()
        for (i, c) in cases.enumerated() {
            slots.wait()
            queue.async(group: group) {
                defer { slots.signal() }
                let verdict: String?
                do { verdict = try check(c) } catch { verdict = "\(c): could not run: \(error)" }
                results.set(i, verdict)
            }
        }
        group.wait()
        return results.values.compactMap { $0 }
    }

    /// Verdicts written from several threads, under a lock.
    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [String?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: String?) { lock.withLock { storage[i] = value } }
        var values: [String?] { lock.withLock { storage } }
    }
}
