import Foundation

/// Reading and writing NumPy `.npy` files (format versions 1.0, 2.0, 3.0): float16, float32 and
/// float64 in either byte order, C or Fortran order, any shape. Anything else (object / pickled
/// arrays, structured or integer dtypes, truncated or malformed files) is a `FormatError`.
public enum Npy {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59] // \x93NUMPY

    /// Reads a `.npy` file.
    public static func read(path: String) throws -> Tensor {
        let data = try TensorFile.bytes(of: path)
        do { return try parse(data) } catch let e as FormatError {
            throw FormatError("\(path): \(e.message)")
        }
    }

    /// Parses the bytes of a `.npy` file.
    public static func parse(_ data: Data) throws -> Tensor {
        let bytes = [UInt8](data.prefix(12))
        guard bytes.count >= 10, Array(bytes[0 ..< 6]) == magic else {
            throw FormatError("not a .npy file (missing the \\x93NUMPY magic)")
        }
        let major = bytes[6]
        let headerLength: Int, headerStart: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw FormatError("truncated .npy header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        default:
            throw FormatError("unsupported .npy format version \(major).\(bytes[7])")
        }
        guard data.count >= headerStart + headerLength else { throw FormatError("truncated .npy header") }
        let headerBytes = data.subdata(in: data.startIndex + headerStart ..< data.startIndex + headerStart + headerLength)
        guard let header = String(data: headerBytes, encoding: major == 3 ? .utf8 : .isoLatin1) else {
            throw FormatError("unreadable .npy header")
        }
        var parser = HeaderParser(header)
        let dict = try parser.parseDict()
        guard case .string(let descr)? = dict["descr"] else {
            if dict["descr"] != nil { throw FormatError("structured dtypes are not supported: only float16, float32 and float64") }
            throw FormatError("the .npy header has no 'descr'")
        }
        guard case .bool(let fortran)? = dict["fortran_order"] else { throw FormatError("the .npy header has no valid 'fortran_order'") }
        guard case .tuple(let shape)? = dict["shape"] else { throw FormatError("the .npy header has no valid 'shape'") }
        let (size, bigEndian) = try dtype(descr)
        var count = 1
        for d in shape {
            guard d >= 0 else { throw FormatError("negative dimension in shape \(shape)") }
            let (p, overflow) = count.multipliedReportingOverflow(by: d)
            guard !overflow else { throw FormatError("shape \(shape) is too large") }
            count = p
        }
        let payload = data.count - headerStart - headerLength
        let (needed, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { throw FormatError("shape \(shape) is too large") }
        guard payload >= needed else {
            throw FormatError("truncated .npy data: shape \(shape) needs \(needed) bytes, the file has \(payload)")
        }
        guard payload == needed else {
            throw FormatError("malformed .npy: \(payload - needed) bytes after the data of shape \(shape)")
        }
        var values = [Double](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            let base = headerStart + headerLength
            values.withUnsafeMutableBufferPointer { out in
                switch size {
                case 2:
                    for i in 0 ..< count {
                        var bits = raw.loadUnaligned(fromByteOffset: base + 2 * i, as: UInt16.self)
                        bits = bigEndian ? bits.byteSwapped : UInt16(littleEndian: bits)
                        out[i] = halfToDouble(bits)
                    }
                case 4:
                    for i in 0 ..< count {
                        var bits = raw.loadUnaligned(fromByteOffset: base + 4 * i, as: UInt32.self)
                        bits = bigEndian ? bits.byteSwapped : UInt32(littleEndian: bits)
                        out[i] = Double(Float(bitPattern: bits))
                    }
                default:
                    for i in 0 ..< count {
                        var bits = raw.loadUnaligned(fromByteOffset: base + 8 * i, as: UInt64.self)
                        bits = bigEndian ? bits.byteSwapped : UInt64(littleEndian: bits)
                        out[i] = Double(bitPattern: bits)
                    }
                }
            }
        }
        return Tensor(shape: shape, fortranOrder: fortran, values: values)
    }

    /// Item size and byte order of a supported dtype descriptor.
    static func dtype(_ descr: String) throws -> (size: Int, bigEndian: Bool) {
        let chars = Array(descr)
        if descr.contains("O") { throw FormatError("object arrays (pickled data) are not supported: only float16, float32 and float64") }
        guard chars.count >= 3, "<>=|".contains(chars[0]), chars[1] == "f", let size = Int(String(chars[2...])),
              [2, 4, 8].contains(size) else {
            throw FormatError("unsupported dtype '\(descr)': only float16, float32 and float64")
        }
        let big = chars[0] == ">" || (chars[0] == "=" && UInt16(1).bigEndian == 1)
        return (size, big)
    }

    /// IEEE binary16 to Double, exactly.
    static func halfToDouble(_ h: UInt16) -> Double {
        let sign: Double = h & 0x8000 != 0 ? -1 : 1
        let e = Int((h >> 10) & 0x1F), f = Double(h & 0x3FF)
        switch e {
        case 0: return sign * f * 0x1p-24
        case 31: return f == 0 ? sign * .infinity : .nan
        default: return sign * (1 + f / 1024) * Double(sign: .plus, exponent: e - 15, significand: 1)
        }
    }

    /// A `.npy` (version 1.0, little-endian float64) of `values` with `shape`.
    public static func encode(_ values: [Double], shape: [Int], fortranOrder: Bool = false) -> Data {
        var data = header(descr: "<f8", shape: shape, fortranOrder: fortranOrder)
        appendLittleEndian(values.map { $0.bitPattern }, to: &data)
        return data
    }

    /// A `.npy` (version 1.0, little-endian float32) of `values` with `shape`.
    public static func encode(floats values: [Float], shape: [Int], fortranOrder: Bool = false) -> Data {
        var data = header(descr: "<f4", shape: shape, fortranOrder: fortranOrder)
        appendLittleEndian(values.map { $0.bitPattern }, to: &data)
        return data
    }

    /// A `.npy` (version 1.0, little-endian uint32) of codes with `shape`.
    public static func encode(codes: [UInt32], shape: [Int], fortranOrder: Bool = false) -> Data {
        var data = header(descr: "<u4", shape: shape, fortranOrder: fortranOrder)
        appendLittleEndian(codes, to: &data)
        return data
    }

    /// Appends the words in little-endian byte order, in one copy.
    static func appendLittleEndian<T: FixedWidthInteger>(_ words: [T], to data: inout Data) {
        let le = words.map { $0.littleEndian }
        le.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    static func header(descr: String, shape: [Int], fortranOrder: Bool) -> Data {
        let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var text = "{'descr': '\(descr)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(dims), }"
        let unpadded = magic.count + 4 + text.utf8.count + 1
        text += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic)
        data.append(contentsOf: [1, 0, UInt8(text.utf8.count & 0xFF), UInt8(text.utf8.count >> 8)])
        data.append(contentsOf: Array(text.utf8))
        return data
    }
}

/// A parser for the Python literal dictionary of a `.npy` header.
struct HeaderParser {
    enum Value: Equatable { case string(String), bool(Bool), tuple([Int]), other }
    private let chars: [Character]
    private var i = 0

    init(_ text: String) { chars = Array(text) }

    mutating func parseDict() throws -> [String: Value] {
        skipSpace()
        try expect("{")
        var out: [String: Value] = [:]
        while true {
            skipSpace()
            if peek == "}" { i += 1; return out }
            guard case .string(let key) = try value() else { throw bad() }
            skipSpace(); try expect(":"); skipSpace()
            out[key] = try value()
            skipSpace()
            if peek == "," { i += 1 }
        }
    }

    private var peek: Character? { i < chars.count ? chars[i] : nil }
    private func bad() -> FormatError { FormatError("malformed .npy header") }
    private mutating func skipSpace() { while let c = peek, c.isWhitespace { i += 1 } }
    private mutating func expect(_ c: Character) throws { guard peek == c else { throw bad() }; i += 1 }

    private mutating func value() throws -> Value {
        guard let c = peek else { throw bad() }
        if c == "'" || c == "\"" {
            i += 1
            var s = ""
            while let d = peek, d != c { s.append(d); i += 1 }
            try expect(c)
            return .string(s)
        }
        if c == "(" {
            i += 1
            var dims: [Int] = []
            while true {
                skipSpace()
                if peek == ")" { i += 1; return .tuple(dims) }
                var digits = ""
                while let d = peek, d.isNumber { digits.append(d); i += 1 }
                if peek == "L" { i += 1 }
                guard let n = Int(digits) else { throw bad() }
                dims.append(n)
                skipSpace()
                if peek == "," { i += 1 }
            }
        }
        if c == "[" { // structured dtype list: skip balanced brackets
            var depth = 0
            repeat {
                if peek == "[" { depth += 1 } else if peek == "]" { depth -= 1 }
                i += 1
            } while depth > 0 && peek != nil
            return .other
        }
        var word = ""
        while let d = peek, d.isLetter { word.append(d); i += 1 }
        switch word {
        case "True": return .bool(true)
        case "False": return .bool(false)
        default: throw bad()
        }
    }
}
