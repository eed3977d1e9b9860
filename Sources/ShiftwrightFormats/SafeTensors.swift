import Foundation

/// Reads tensors from `.safetensors` files, the format pretrained models ship in: an 8-byte
/// little-endian header length, a JSON header `{name: {dtype, shape, data_offsets}}` (plus an
/// optional `__metadata__`), then the raw little-endian data. Floating-point (F64, F32, F16,
/// BF16) and integer (I8…I64, U8…U64) tensors are read into `Tensor` values (Double).
public enum SafeTensors {
    /// One tensor's header entry.
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let dtype: String
        public let shape: [Int]
        let begin: Int, end: Int
    }

    public static func read(path: String, tensor name: String? = nil) throws -> Tensor {
        let data = try TensorFile.bytes(of: path)
        do { return try parse(data, tensor: name) } catch let e as FormatError { throw FormatError("\(path): \(e.message)") }
    }

    /// The named tensor (or, without a name, the only one; with several, an error listing them).
    public static func parse(_ data: Data, tensor name: String? = nil) throws -> Tensor {
        let (entries, dataStart) = try header(data)
        let entry: Entry
        if let name {
            guard let found = entries.first(where: { $0.name == name }) else {
                throw FormatError("no tensor '\(name)'; the file holds: \(entries.map(\.name).joined(separator: ", "))")
            }
            entry = found
        } else {
            guard entries.count == 1 else {
                throw FormatError("the file holds \(entries.count) tensors; pick one with --tensor: \(entries.map(\.name).joined(separator: ", "))")
            }
            entry = entries[0]
        }
        return try tensor(entry, in: data, dataStart: dataStart)
    }

    /// Every tensor of the file, in file order of its data.
    public static func parseAll(_ data: Data) throws -> [(name: String, tensor: Tensor)] {
        let (entries, dataStart) = try header(data)
        return try entries.map { ($0.name, try tensor($0, in: data, dataStart: dataStart)) }
    }

    /// The values of one header entry; sizes and offsets come from the file and are checked with
    /// overflow-reporting arithmetic before any byte is read.
    static func tensor(_ entry: Entry, in data: Data, dataStart: Int) throws -> Tensor {
        guard let size = elementSize[entry.dtype] else { throw FormatError("tensor '\(entry.name)' has unsupported dtype \(entry.dtype)") }
        let count = try checkedLayout(entry, elementSize: size, dataStart: dataStart, fileSize: data.count)
        var values = [Double](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            let base = raw.baseAddress! + dataStart + entry.begin
            for i in 0..<count { values[i] = decode(base + i * size, dtype: entry.dtype) }
        }
        return Tensor(shape: entry.shape, values: values)
    }

    /// The element count of `entry` after checking, without ever trapping on hostile header
    /// values, that its shape is non-negative, that shape × element size fits an `Int`, that its
    /// `data_offsets` span exactly those bytes and that they lie inside the file.
    static func checkedLayout(_ entry: Entry, elementSize size: Int, dataStart: Int, fileSize: Int) throws -> Int {
        let mismatch = FormatError("tensor '\(entry.name)': data_offsets [\(entry.begin), \(entry.end)] do not match its shape \(entry.shape) and dtype \(entry.dtype)")
        var count = 1
        for d in entry.shape {
            guard d >= 0 else { throw FormatError("tensor '\(entry.name)': negative dimension in shape \(entry.shape)") }
            let (p, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow else { throw FormatError("tensor '\(entry.name)': shape \(entry.shape) is too large") }
            count = p
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { throw FormatError("tensor '\(entry.name)': shape \(entry.shape) is too large") }
        guard entry.begin >= 0, entry.end >= entry.begin else { throw mismatch }
        let (span, spanOverflow) = entry.end.subtractingReportingOverflow(entry.begin)
        guard !spanOverflow, span == bytes else { throw mismatch }
        let (last, lastOverflow) = dataStart.addingReportingOverflow(entry.end)
        guard !lastOverflow, last <= fileSize else {
            throw FormatError("tensor '\(entry.name)': data_offsets [\(entry.begin), \(entry.end)] lie beyond the end of the file")
        }
        return count
    }

    /// Every tensor's header entry, in file order of its data.
    public static func header(_ data: Data) throws -> (entries: [Entry], dataStart: Int) {
        guard data.count >= 8 else { throw FormatError("not a safetensors file: shorter than its 8-byte header length") }
        let length = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
        guard length <= UInt64(data.count - 8) else { throw FormatError("not a safetensors file: header length \(length) exceeds the file") }
        let json = data.subdata(in: data.startIndex + 8 ..< data.startIndex + 8 + Int(length))
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw FormatError("not a safetensors file: the header is not a JSON object")
        }
        var entries: [Entry] = []
        for (name, value) in object where name != "__metadata__" {
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int], offsets.count == 2 else {
                throw FormatError("malformed header entry for tensor '\(name)'")
            }
            entries.append(Entry(name: name, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1]))
        }
        return (entries.sorted { ($0.begin, $0.name) < ($1.begin, $1.name) }, 8 + Int(length))
    }

    /// A file holding `tensors` as F32 (for tests and tools).
    public static func encode(_ tensors: [(name: String, tensor: Tensor)]) -> Data {
        var header: [String] = [], body = Data(), offset = 0
        for (name, t) in tensors {
            let bytes = t.values.flatMap { withUnsafeBytes(of: Float($0).bitPattern.littleEndian, Array.init) }
            header.append("\"\(name)\":{\"dtype\":\"F32\",\"shape\":[\(t.shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(offset),\(offset + bytes.count)]}")
            body.append(contentsOf: bytes)
            offset += bytes.count
        }
        var text = Data("{\(header.joined(separator: ","))}".utf8)
        while (8 + text.count) % 8 != 0 { text.append(0x20) }
        var out = Data(withUnsafeBytes(of: UInt64(text.count).littleEndian, Array.init))
        out.append(text)
        out.append(body)
        return out
    }

    static let elementSize: [String: Int] = ["F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1,
                                             "U64": 8, "U32": 4, "U16": 2, "U8": 1]

    static func decode(_ p: UnsafeRawPointer, dtype: String) -> Double {
        switch dtype {
        case "F64": return Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)))
        case "F32": return Double(Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(as: UInt32.self))))
        case "F16": return Double(halfToFloat(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self))))
        case "BF16": return Double(Float(bitPattern: UInt32(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self))) << 16))
        case "I64": return Double(Int64(littleEndian: p.loadUnaligned(as: Int64.self)))
        case "I32": return Double(Int32(littleEndian: p.loadUnaligned(as: Int32.self)))
        case "I16": return Double(Int16(littleEndian: p.loadUnaligned(as: Int16.self)))
        case "I8": return Double(p.load(as: Int8.self))
        case "U64": return Double(UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)))
        case "U32": return Double(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
        case "U16": return Double(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self)))
        default: return Double(p.load(as: UInt8.self))
        }
    }

    /// IEEE binary16 → Float, exactly (subnormals, infinities and NaN included).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: Float = h & 0x8000 != 0 ? -1 : 1
        let e = Int((h >> 10) & 0x1f), m = Float(h & 0x3ff)
        switch e {
        case 0: return sign * m * Float(sign: .plus, exponent: -24, significand: 1)
        case 31: return m == 0 ? sign * .infinity : .nan
        default: return sign * (1 + m / 1024) * Float(sign: .plus, exponent: e - 15, significand: 1)
        }
    }
}
