import Foundation
import Synchronization
import ShiftwrightCosim
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightVerilog

/// One (acc, shift) input of a requantizer.
struct RequantVector: Sendable {
    var acc: Int64
    var shift: Int
}

/// The first disagreement between a generated requantizer and the golden model.
struct RequantMismatch: CustomStringConvertible, Sendable {
    let config: RequantizerConfig
    let vector: RequantVector
    let expected: UInt64
    let actual: UInt64
    var description: String {
        "\(config.moduleName): acc=\(vector.acc) shift=\(vector.shift): golden \(config.target.binaryFields(of: expected))"
            + " (\(expected)), RTL \(config.target.binaryFields(of: actual)) (\(actual))"
    }
}

/// Several requantizers compiled into one Verilator model (`DesignBatch`), driven with vectors
/// and compared with `Requantizer.requantize` (the golden model's Int64 path) output by output.
struct RequantBench: Sendable {
    let configs: [RequantizerConfig]
    let model: VerilatorModel
    private let accOffsets: [Int], shiftOffsets: [Int], codeOffsets: [Int]

    /// Batches the generated modules of `configs` under `name`.
    init(_ configs: [RequantizerConfig], name: String) throws {
        let top = try DesignBatch.wrap(try configs.map(RequantizerGenerator.module), name: name)
        let verilog = VerilogEmitter.emit(top)
        try self.init(configs, verilog: verilog.text, top: top.name, ports: PortSpec.of(top), batched: true)
    }

    /// A model from given Verilog text: batched (`d<i>_` ports) or a single requantizer.
    init(_ configs: [RequantizerConfig], verilog: String, top: String, ports: [PortSpec], batched: Bool) throws {
        self.configs = configs
        model = try VerilatorModel.build(verilog: [(name: "\(top).v", text: verilog)], top: top, ports: ports)
        func prefix(_ i: Int) -> String { batched ? "d\(i)_" : "" }
        let layout = model.layout
        accOffsets = try configs.indices.map { try Self.require(layout.inputOffset(prefix($0) + "acc"), "acc") }
        shiftOffsets = try configs.indices.map { try Self.require(layout.inputOffset(prefix($0) + "shift"), "shift") }
        codeOffsets = try configs.indices.map { try Self.require(layout.outputIndex(prefix($0) + "code")?.offset, "code") }
    }

    private static func require(_ offset: Int?, _ port: String) throws -> Int {
        guard let offset else { throw GeneratorError("bench: port \(port) missing") }
        return offset
    }

    /// Runs `cycles` vectors, `vector(cycle, design)` giving each design's input, and returns the
    /// first mismatch (nil when every output equals the golden model) and the comparisons made.
    /// Pipelined designs are read `latency` cycles later (extra idle cycles are appended).
    func check(cycles: Int, _ vector: (Int, Int) -> RequantVector) throws -> (mismatch: RequantMismatch?, comparisons: Int) {
        let maxLatency = configs.map(\.latency).max() ?? 0
        let total = cycles + maxLatency
        let inWords = model.layout.inputWords, outWords = model.layout.outputWords
        var stimulus = [UInt64](repeating: 0, count: total * inWords)
        var vectors = [RequantVector](repeating: RequantVector(acc: 0, shift: 0), count: cycles * configs.count)
        for cycle in 0..<cycles {
            for d in configs.indices {
                let v = vector(cycle, d)
                vectors[cycle * configs.count + d] = v
                stimulus[cycle * inWords + accOffsets[d]] = UInt64(bitPattern: v.acc)
                stimulus[cycle * inWords + shiftOffsets[d]] = UInt64(bitPattern: Int64(v.shift))
            }
        }
        let outputs = try model.run(stimulus: stimulus, cycles: total)
        // Golden values per design, designs in parallel; each stops at its first mismatch.
        let found = Mutex<(mismatches: [Int: RequantMismatch], comparisons: Int)>(([:], 0))
        let (configs, codeOffsets, frozen) = (self.configs, self.codeOffsets, vectors)
        DispatchQueue.concurrentPerform(iterations: configs.count) { d in
            let config = configs[d]
            let mask = config.target.codeMask
            var compared = 0
            defer { found.withLock { $0.comparisons += compared } }
            for cycle in 0..<cycles {
                let v = frozen[cycle * configs.count + d]
                let expected = Requantizer.requantize(v.acc, shift: v.shift, to: config.target, ties: config.ties)
                let actual = outputs[(cycle + config.latency) * outWords + codeOffsets[d]] & mask
                compared += 1
                if expected != actual {
                    let mismatch = RequantMismatch(config: config, vector: v, expected: expected, actual: actual)
                    found.withLock { $0.mismatches[d] = mismatch }
                    return
                }
            }
        }
        return found.withLock { state in
            (state.mismatches.min { $0.key < $1.key }?.value, state.comparisons)
        }
    }

    /// Every (acc, shift) pair of the configs' (common) widths, in chunks of 2^20 vectors.
    func checkExhaustively() throws -> (mismatch: RequantMismatch?, comparisons: Int) {
        guard let first = configs.first else { return (nil, 0) }
        let accBits = first.accumulatorWidth, shiftBits = first.shiftBits
        guard configs.allSatisfy({ $0.accumulatorWidth == accBits && $0.shiftBits == shiftBits }) else {
            throw GeneratorError("bench: exhaustive check needs one accumulator and shift width")
        }
        let count = 1 << (accBits + shiftBits)
        let chunk = min(count, 1 << 20)
        var comparisons = 0
        for start in stride(from: 0, to: count, by: chunk) {
            let result = try check(cycles: chunk) { cycle, _ in
                let i = start + cycle
                return RequantVector(acc: Self.signExtend(i & ((1 << accBits) - 1), bits: accBits),
                                     shift: Int(Self.signExtend(i >> accBits, bits: shiftBits)))
            }
            comparisons += result.comparisons
            if let mismatch = result.mismatch { return (mismatch, comparisons) }
        }
        return (nil, comparisons)
    }

    static func signExtend(_ pattern: Int, bits: Int) -> Int64 {
        let shift = 64 - bits
        return (Int64(pattern) << Int64(shift)) >> Int64(shift)
    }
}

/// Deterministic 64-bit generator (SplitMix64) for reproducible random vectors.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
