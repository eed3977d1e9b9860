import Foundation
import Testing
import ShiftwrightBits
import ShiftwrightFlows
import ShiftwrightFormats
import ShiftwrightGenerators

/// Weight images decoded back by parsers written here, against the golden codes of the weight
/// format's quantizer, in the stream order of docs/arithmetic.md §6.4 (blocks of C columns, tiles of
/// R rows, column 0 in the low bits); a planted bug (two words swapped) must be caught.
@Suite struct WeightImageTests {
    /// Golden codes in stream order, written from §6.4 without the image code.
    func expectedWords(_ codes: [UInt64], k: Int, n: Int, rows: Int, cols: Int) -> [[UInt64]] {
        var out: [[UInt64]] = []
        var block = 0
        while block * cols < n {
            var k0 = 0
            while k0 < k {
                for r in 0..<rows {
                    out.append((0..<cols).map { j in
                        let (kk, nn) = (k0 + r, block * cols + j)
                        return kk < k && nn < n ? codes[kk * n + nn] : 0
                    })
                }
                k0 += rows
            }
            block += 1
        }
        return out
    }

    /// A hex word back into `count` codes of `bits` bits, code 0 in the low bits.
    func unpack(_ hex: String, count: Int, bits: Int) throws -> [UInt64] {
        var bitsLSBFirst: [UInt8] = []
        for ch in hex.reversed() {
            let v = try #require(UInt8(String(ch), radix: 16))
            for b in 0..<4 { bitsLSBFirst.append((v >> UInt8(b)) & 1) }
        }
        return (0..<count).map { i in (0..<bits).reduce(UInt64(0)) { $0 | UInt64(bitsLSBFirst[i * bits + $1]) << UInt64($1) } }
    }

    func decodeReadmemh(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("@") && !$0.hasPrefix("//") }
    }

    func decodeCOE(_ text: String) throws -> [String] {
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix(";") }
        #expect(lines.first == "memory_initialization_radix=16;")
        let start = try #require(lines.firstIndex(of: "memory_initialization_vector="))
        let body = lines[(start + 1)...].joined()
        #expect(body.hasSuffix(";"))
        return body.dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func decodeMIF(_ text: String, width: Int) throws -> [String] {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("WIDTH=\(width);") && lines.contains("DATA_RADIX=HEX;") && lines.last == "END;")
        let begin = try #require(lines.firstIndex(of: "CONTENT BEGIN"))
        var out: [String] = []
        for (i, line) in lines[(begin + 1)..<(lines.count - 1)].enumerated() {
            let parts = line.dropLast().split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(parts.count == 2 && Int(parts[0]) == i, "address of \(line)")
            out.append(parts[1])
        }
        let depth = lines.first { $0.hasPrefix("DEPTH=") }
        #expect(depth == "DEPTH=\(out.count);")
        return out
    }

    func matches(_ hexWords: [String], _ expected: [[UInt64]], bits: Int, cols: Int) throws -> Bool {
        guard hexWords.count == expected.count else { return false }
        for (h, e) in zip(hexWords, expected) where try unpack(h, count: cols, bits: bits) != e { return false }
        return true
    }

    @Test(arguments: [("ausn-b3s2", 8, 4, 19, 11), ("afp-e2m3", 4, 16, 9, 21), ("int4", 3, 5, 7, 5)])
    func everyImageFormatDecodesToTheGoldenCodes(weight: String, rows: Int, cols: Int, k: Int, n: Int) throws {
        let seed: UInt64 = 0x5eed_0014
        print("WeightImageTests seed \(seed)")
        var rng = SplitMix64(seed: seed)
        let values = (0..<(k * n)).map { _ in Double(Int64(bitPattern: rng.next()) >> 40) / Double(1 << 22) }
        let format = try NumberFormat(parsing: weight)
        let quantizer = try TensorQuantizer.choose(format: format, rule: .noclip, values: values)
        let codes = values.map { UInt64(quantizer.code($0)) }
        let array = try ArrayConfig(rows: rows, cols: cols, activation: NumberFormat(parsing: "int8"), weight: format, maxTiles: 4)
        let image = WeightImage(codes: codes, k: k, n: n, array: array)
        let expected = expectedWords(codes, k: k, n: n, rows: rows, cols: cols)
        let bits = format.codeWidth
        #expect(image.wordBits == cols * bits)
        #expect(try matches(decodeReadmemh(image.readmemh), expected, bits: bits, cols: cols))
        #expect(try matches(decodeReadmemh(image.mem), expected, bits: bits, cols: cols))
        #expect(try matches(decodeCOE(image.coe), expected, bits: bits, cols: cols))
        #expect(try matches(decodeMIF(image.mif, width: cols * bits), expected, bits: bits, cols: cols))
        #expect(decodeReadmemh(image.readmemh).allSatisfy { $0.count == (cols * bits + 3) / 4 })

        // The project's own workload split (what `verify array` streams): per column block, the
        // weight beats of each tile as the harness builds them from GemmProblem.w.
        let blocks = try ArrayWorkload.blocks(x: [UInt64](repeating: 0, count: k), w: codes, m: 1, k: k, n: n, shift: 0, config: array)
        var streamed: [[UInt64]] = []
        for g in blocks {
            let padded: Int = (g.k + rows - 1) / rows * rows
            for kk in 0..<padded {
                let beat: [UInt64] = (0..<g.n).map { (j: Int) -> UInt64 in kk < g.k ? g.w[kk * g.n + j] : 0 }
                streamed.append(beat)
            }
        }
        #expect(image.words == streamed)

        // Planted bug: the first two words swapped must not pass the same check.
        var swapped = decodeReadmemh(image.readmemh)
        let differing = try #require(swapped.indices.dropFirst().first { swapped[$0] != swapped[0] })
        swapped.swapAt(0, differing)
        #expect(try !matches(swapped, expected, bits: bits, cols: cols))
    }
}
