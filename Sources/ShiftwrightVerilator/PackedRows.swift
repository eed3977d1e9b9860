import ShiftwrightHDL

/// How one cycle of port values is packed into the driver's files: each port of at most 64 bits
/// in 1, 2, 4 or 8 little-endian bytes, wider ports in 8 bytes per 64-bit word. Swift works with
/// one 64-bit word per port (simple to index); the files carry only the bytes that matter, which
/// cuts stimulus and output traffic several-fold.
public struct PackedRows: Sendable {
    /// One port: where its words sit in a word row and its bytes in a byte row.
    public struct Field: Sendable, Hashable {
        public let wordOffset: Int
        public let words: Int
        public let byteOffset: Int
        public let bytes: Int
    }

    public let fields: [Field]
    public let rowWords: Int
    public let rowBytes: Int

    init(ports: [PortSpec], rowWords: Int) {
        var fields: [Field] = [], words = 0, bytes = 0
        for port in ports {
            let size = port.width <= 8 ? 1 : port.width <= 16 ? 2 : port.width <= 32 ? 4 : 8 * port.words
            fields.append(Field(wordOffset: words, words: port.words, byteOffset: bytes, bytes: size))
            words += port.words
            bytes += size
        }
        self.fields = fields
        self.rowWords = rowWords
        self.rowBytes = bytes
    }

    /// Packs `cycles` word rows into byte rows.
    public func pack(_ words: [UInt64], cycles: Int) -> [UInt8] {
        words.withUnsafeBufferPointer { pack($0, cycles: cycles) }
    }

    /// Packs `cycles` word rows starting at `words`, after an optional `leading` row.
    public func pack(_ words: UnsafeBufferPointer<UInt64>, cycles: Int, leading: [UInt64]? = nil) -> [UInt8] {
        let extra = leading == nil ? 0 : 1
        var out = [UInt8](repeating: 0, count: (cycles + extra) * rowBytes)
        guard rowBytes > 0 else { return out }
        out.withUnsafeMutableBytes { target in
            if let leading { leading.withUnsafeBufferPointer { packRows($0, cycles: 1, into: target, at: 0) } }
            packRows(words, cycles: cycles, into: target, at: extra * rowBytes)
        }
        return out
    }

    private func packRows(_ source: UnsafeBufferPointer<UInt64>, cycles: Int, into target: UnsafeMutableRawBufferPointer, at start: Int) {
        for cycle in 0..<cycles {
            let row = cycle * rowWords, base = start + cycle * rowBytes
            for f in fields {
                if f.bytes == 8 * f.words {
                    for w in 0..<f.words { target.storeBytes(of: source[row + f.wordOffset + w].littleEndian, toByteOffset: base + f.byteOffset + 8 * w, as: UInt64.self) }
                    continue
                }
                let v = source[row + f.wordOffset]
                switch f.bytes {
                case 1: target.storeBytes(of: UInt8(truncatingIfNeeded: v), toByteOffset: base + f.byteOffset, as: UInt8.self)
                case 2: target.storeBytes(of: UInt16(truncatingIfNeeded: v).littleEndian, toByteOffset: base + f.byteOffset, as: UInt16.self)
                default: target.storeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian, toByteOffset: base + f.byteOffset, as: UInt32.self)
                }
            }
        }
    }

    /// Unpacks `cycles` byte rows into word rows (values zero-extended; callers mask and sign-extend).
    public func unpack(_ bytes: [UInt8], cycles: Int) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: cycles * rowWords)
        out.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBytes { source in
                for cycle in 0..<cycles {
                    let row = cycle * rowWords, base = cycle * rowBytes
                    for f in fields {
                        if f.bytes == 8 * f.words {
                            for w in 0..<f.words { target[row + f.wordOffset + w] = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: base + f.byteOffset + 8 * w, as: UInt64.self)) }
                            continue
                        }
                        switch f.bytes {
                        case 1: target[row + f.wordOffset] = UInt64(source.loadUnaligned(fromByteOffset: base + f.byteOffset, as: UInt8.self))
                        case 2: target[row + f.wordOffset] = UInt64(UInt16(littleEndian: source.loadUnaligned(fromByteOffset: base + f.byteOffset, as: UInt16.self)))
                        default: target[row + f.wordOffset] = UInt64(UInt32(littleEndian: source.loadUnaligned(fromByteOffset: base + f.byteOffset, as: UInt32.self)))
                        }
                    }
                }
            }
        }
        return out
    }
}
