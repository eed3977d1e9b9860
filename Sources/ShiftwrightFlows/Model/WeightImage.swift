import ShiftwrightHDL
import Foundation
import ShiftwrightFormats
import ShiftwrightGenerators

/// A layer's weight codes in the order the array's weight stream consumes them (docs/arithmetic.md
/// §6.4, `ArrayWorkload`): for each block of `cols` output columns (the last zero-padded), for each
/// tile t of `rows` input rows (the last zero-padded past K), the `rows` beats W[tR + r][block],
/// one beat a word of `cols` codes with column 0 in the low bits. The host sends a block's words
/// once per run of at most `maxRows` activation rows. Rendered as `$readmemh` text (`.hex`, `.mem`),
/// a Xilinx `.coe` and an Intel `.mif`.
public struct WeightImage: Sendable, Equatable {
    /// Bits of one code and of one word (cols · code bits).
    public let codeBits: Int, wordBits: Int
    public let columnBlocks: Int, tiles: Int, rows: Int, cols: Int
    /// Words in stream order; each word's codes, column 0 first.
    public let words: [[UInt64]]

    /// `codes` is row-major K×N (codes of the weight format); the array decides R, C and the code width.
    public init(codes: [UInt64], k: Int, n: Int, array: ArrayConfig) {
        let (rows, cols) = (array.rows, array.cols)
        let blocks = (n + cols - 1) / cols, tiles = (k + rows - 1) / rows
        var stream: [[UInt64]] = []
        stream.reserveCapacity(blocks * tiles * rows)
        for block in 0..<blocks {
            for tile in 0..<tiles {
                for r in 0..<rows {
                    let row = tile * rows + r
                    stream.append((0..<cols).map { j in
                        let col = block * cols + j
                        return row < k && col < n ? codes[row * n + col] : 0
                    })
                }
            }
        }
        (self.rows, self.cols, self.codeBits, self.wordBits) = (rows, cols, array.weight.codeWidth, cols * array.weight.codeWidth)
        (self.columnBlocks, self.tiles, self.words) = (blocks, tiles, stream)
    }

    /// Hex digits of one word.
    public var hexDigits: Int { (wordBits + 3) / 4 }

    /// One word as fixed-width hex, code 0 in the low bits (any width: packed nibble by nibble).
    public func hex(_ word: [UInt64]) -> String {
        var nibbles = [UInt8](repeating: 0, count: hexDigits)
        for (i, code) in word.enumerated() {
            for b in 0..<codeBits where (code >> UInt64(b)) & 1 == 1 {
                let bit = i * codeBits + b
                nibbles[bit / 4] |= UInt8(1 << (bit % 4))
            }
        }
        return String(nibbles.reversed().map { Character(String($0, radix: 16)) })
    }

    /// `$readmemh` text: one word per line.
    public var readmemh: String { "// \(Self.origin)\n" + body }

    /// The words alone, one per line.
    private var body: String { words.map(hex).joined(separator: "\n") + "\n" }

    /// The comment every rendering starts with: who wrote it and in which order the words are.
    static var origin: String {
        "Weight image written by \(ShiftwrightVersion.producer): one word per beat, in weight-stream order (docs/models.md)"
    }

    /// `$readmemh` with an address record (`@0`), the usual `.mem` spelling.
    public var mem: String { "// \(Self.origin)\n@0\n" + body }

    /// A Xilinx memory initialization file (radix 16).
    public var coe: String {
        "; \(Self.origin)\nmemory_initialization_radix=16;\nmemory_initialization_vector=\n" + words.map(hex).joined(separator: ",\n") + ";\n"
    }

    /// An Intel memory initialization file (hex data, unsigned decimal addresses).
    public var mif: String {
        var lines = ["-- \(Self.origin)", "WIDTH=\(wordBits);", "DEPTH=\(words.count);", "ADDRESS_RADIX=UNS;", "DATA_RADIX=HEX;", "CONTENT BEGIN"]
        for (a, w) in words.enumerated() { lines.append("    \(a) : \(hex(w));") }
        lines.append("END;")
        return lines.joined(separator: "\n") + "\n"
    }
}
