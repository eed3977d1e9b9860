import ShiftwrightHDL

/// A port as the testbench sees it: name, direction, width, signedness. Taken from an elaborated
/// module, or from a JSON sidecar when verifying an external Verilog file.
public struct PortSpec: Sendable, Hashable, Codable {
    public let name: String
    public let direction: PortDirection
    public let width: Int
    public let signed: Bool

    public init(name: String, direction: PortDirection, width: Int, signed: Bool) {
        self.name = name
        self.direction = direction
        self.width = width
        self.signed = signed
    }

    /// The ports of an elaborated module, in declaration order.
    public static func of(_ module: Module) -> [PortSpec] {
        module.ports.map { PortSpec(name: $0.name, direction: $0.direction, width: $0.type.width, signed: $0.type.isSigned) }
    }

    var words: Int { (width + 63) / 64 }
}

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
    public static func store(_ value: BigIntValue, port: PortSpec, into words: inout [UInt64], at offset: Int) {
        var pattern = value.pattern(width: port.width)
        for w in 0..<port.words {
            words[offset + w] = UInt64(pattern & BigIntValue(UInt64.max))
            pattern >>= 64
        }
    }

    /// Reads a port's value (sign-extended when signed) from `words` at `offset`.
    public static func load(port: PortSpec, from words: [UInt64], at offset: Int) -> BigIntValue {
        var pattern = BigIntValue(0)
        for w in (0..<port.words).reversed() { pattern = (pattern << 64) | BigIntValue(words[offset + w]) }
        pattern &= (BigIntValue(1) << port.width) - 1
        if port.signed && pattern >= (BigIntValue(1) << (port.width - 1)) { pattern -= BigIntValue(1) << port.width }
        return pattern
    }

    /// Fast path for ports of at most 64 bits.
    @inline(__always)
    public static func loadSmall(width: Int, signed: Bool, word: UInt64) -> Int64 {
        let shift = 64 - width
        return signed ? Int64(bitPattern: word << shift) >> shift : Int64(bitPattern: (word << shift) >> shift)
    }
}

extension BigIntValue {
    func pattern(width: Int) -> BigIntValue {
        let modulus = BigIntValue(1) << width
        let r = self % modulus
        return r < 0 ? r + modulus : r
    }
}
