import ShiftwrightHDL
import ShiftwrightVerilog

/// Proves the Verilog backend: the same elaborated design is run cycle by cycle in the DSL
/// interpreter and, from its emitted Verilog, in Verilator; every output of every cycle must agree.
public enum BackendCrossCheck {
    /// The first disagreement between interpreter and Verilator.
    public struct Mismatch: Sendable, CustomStringConvertible {
        public let cycle: Int
        public let port: String
        public let interpreter: BigInt
        public let verilator: BigInt
        public let inputs: [(String, BigInt)]
        public var description: String {
            let ins = inputs.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            return "cycle \(cycle): output '\(port)' interpreter=\(interpreter) verilator=\(verilator) (inputs: \(ins))"
        }
    }

    /// Outcome of one cross-check run.
    public struct Result: Sendable {
        public let cycles: Int
        public let comparisons: Int
        public let mismatch: Mismatch?
        public let model: VerilatorModel
    }

    /// Drives `cycles` random vectors (from `seed`; `rst` high in cycle 0 and rarely after) into
    /// both simulators and compares every output each cycle.
    public static func run(_ module: Module, cycles: Int, seed: UInt64) throws -> Result {
        let design = VerilogEmitter.emit(module)
        let ports = module.portSpecs
        let model = try VerilatorModel.build(verilog: [(design.fileName, design.text)], top: module.name, ports: ports)
        let layout = model.layout
        var rng = SplitMix64(seed: seed)
        var stimulus = [UInt64](repeating: 0, count: cycles * layout.inputWords)
        var applied: [[BigInt]] = []
        for cycle in 0..<cycles {
            var row: [BigInt] = []
            for (port, offset) in layout.inputs {
                let value: BigInt
                if port.name == "rst" {
                    value = cycle == 0 || rng.next() % 29 == 0 ? 1 : 0
                } else {
                    value = rng.value(width: port.width, signed: port.signed)
                }
                row.append(value)
                var words = [UInt64](repeating: 0, count: port.words)
                PortLayout.store(value, port: port, into: &words, at: 0)
                for (i, w) in words.enumerated() { stimulus[cycle * layout.inputWords + offset + i] = w }
            }
            applied.append(row)
        }
        let outputs = try model.run(stimulus: stimulus, cycles: cycles)
        let sim = Simulator(module)
        var comparisons = 0
        for cycle in 0..<cycles {
            for ((port, _), value) in zip(layout.inputs, applied[cycle]) { sim.set(port.name, value) }
            sim.evaluate()
            for (port, offset) in layout.outputs {
                let fromVerilator = PortLayout.load(port: port, from: outputs, at: cycle * layout.outputWords + offset)
                let fromInterpreter = sim.get(port.name)
                comparisons += 1
                if fromVerilator != fromInterpreter {
                    let inputs = zip(layout.inputs, applied[cycle]).map { ($0.0.port.name, $0.1) }
                    return Result(cycles: cycles, comparisons: comparisons,
                                  mismatch: Mismatch(cycle: cycle, port: port.name, interpreter: fromInterpreter,
                                                     verilator: fromVerilator, inputs: inputs),
                                  model: model)
                }
            }
            sim.tick()
        }
        return Result(cycles: cycles, comparisons: comparisons, mismatch: nil, model: model)
    }
}

extension SplitMix64 {
    /// A value of the given width, biased towards the corner cases (0, ±1, extremes).
    package mutating func value(width: Int, signed: Bool) -> BigInt {
        let type = HWType(width: width, signed: signed)
        switch next() % 8 {
        case 0: return 0
        case 1: return type.maxValue
        case 2: return type.minValue
        case 3: return signed ? -1 : 1
        default:
            var pattern = BigInt(0)
            for _ in 0..<((width + 63) / 64) { pattern = (pattern << 64) | BigInt(next()) }
            return BigInt.fromPattern(pattern.pattern(width: width), width: width, signed: signed)
        }
    }
}
