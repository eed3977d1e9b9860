import ShiftwrightHDL

/// How a design's ports map onto the 64-bit words of one stimulus or output vector.
public struct PortLayout: Sendable {
    public let ports: [PortSpec]
    public let clocked: Bool
    /// Inputs carried in the stimulus (every input but `clk`), with their first word.
    public let inputs: [(port: PortSpec, offset: Int)]
    public let outputs: [(port: PortSpec, offset: Int)]
    public let inputWords: Int
    public let outputWords: Int
    /// How stimulus and output rows are packed into bytes in the driver's files.
    public let inputPacking: PackedRows
    public let outputPacking: PackedRows

    public init(ports: [PortSpec]) {
        self.ports = ports
        clocked = ports.contains { $0.name == "clk" && $0.direction == .input }
        var offset = 0
        var ins: [(PortSpec, Int)] = []
        for p in ports where p.direction == .input && p.name != "clk" { ins.append((p, offset)); offset += p.words }
        inputs = ins
        inputWords = offset
        offset = 0
        var outs: [(PortSpec, Int)] = []
        for p in ports where p.direction == .output { outs.append((p, offset)); offset += p.words }
        outputs = outs
        outputWords = offset
        inputPacking = PackedRows(ports: ins.map(\.0), rowWords: inputWords)
        outputPacking = PackedRows(ports: outs.map(\.0), rowWords: outputWords)
    }

    public func inputOffset(_ name: String) -> Int? { inputs.first { $0.port.name == name }?.offset }
    public func outputIndex(_ name: String) -> (port: PortSpec, offset: Int)? { outputs.first { $0.port.name == name } }

    /// Writes `value` (two's complement) into `words` at the port's offset.
    public static func store(_ value: BigInt, port: PortSpec, into words: inout [UInt64], at offset: Int) {
        var pattern = value.pattern(width: port.width)
        for w in 0..<port.words {
            words[offset + w] = UInt64(pattern & BigInt(UInt64.max))
            pattern >>= 64
        }
    }

    /// Reads a port's value (sign-extended when signed) from `words` at `offset`.
    public static func load(port: PortSpec, from words: [UInt64], at offset: Int) -> BigInt {
        var pattern = BigInt(0)
        for w in (0..<port.words).reversed() { pattern = (pattern << 64) | BigInt(words[offset + w]) }
        return BigInt.fromPattern(pattern.pattern(width: port.width), width: port.width, signed: port.signed)
    }

    /// Fast path for ports of at most 64 bits.
    @inline(__always)
    public static func loadSmall(width: Int, signed: Bool, word: UInt64) -> Int64 {
        Int64.fromPattern(word, width: width, signed: signed)
    }
}
