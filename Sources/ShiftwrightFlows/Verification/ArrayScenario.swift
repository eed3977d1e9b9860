import ShiftwrightYosys
import ShiftwrightVerilator
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightTooling

/// What one array co-simulation drives: GEMMs in order through one array configuration, in
/// segments separated by a reset, with random stalls on every stream.
public struct ArrayScenario: Sendable {
    /// GEMMs run back to back after a reset; with `resetAfter`, `rst` is raised that many
    /// cycles into the segment (mid-run), and only the results transferred before it are checked.
    public struct Segment: Sendable {
        public var gemms: [GemmProblem]
        public var resetAfter: Int?
        public init(_ gemms: [GemmProblem], resetAfter: Int? = nil) {
            self.gemms = gemms
            self.resetAfter = resetAfter
        }
    }

    /// Per-cycle probabilities of the random testbench behaviour.
    public struct Stalls: Sendable {
        /// Probability that a source holds `valid` low in a cycle (weights and activations).
        public var source: Double
        /// Probability that the sink holds `y_ready` low.
        public var sink: Double
        /// Probability of a `start` pulse while the array is busy (must be ignored).
        public var startWhileBusy: Double
        public init(source: Double = 0.3, sink: Double = 0.3, startWhileBusy: Double = 0.05) {
            (self.source, self.sink, self.startWhileBusy) = (source, sink, startWhileBusy)
        }
        public static let none = Stalls(source: 0, sink: 0, startWhileBusy: 0)
    }

    public let config: ArrayConfig
    public var segments: [Segment]
    public var stalls: Stalls
    public var seed: UInt64

    /// Checks every GEMM against the configuration (formats, N = cols, K and M limits, shift range).
    public init(config: ArrayConfig, segments: [Segment], stalls: Stalls = Stalls(), seed: UInt64 = 1) throws {
        for gemm in segments.flatMap(\.gemms) {
            guard gemm.activation == config.activation, gemm.weight == config.weight, gemm.target == config.target,
                  gemm.ties == config.ties else {
                throw ToolError("GEMM formats \(gemm.activation) x \(gemm.weight) -> \(gemm.target) differ from the array's \(config.activation) x \(config.weight) -> \(config.target)")
            }
            guard gemm.n == config.cols else { throw ToolError("GEMM has N = \(gemm.n) columns but the array has \(config.cols)") }
            guard gemm.k <= config.maxDepth else { throw ToolError("GEMM has K = \(gemm.k), over the array's maximum \(config.maxDepth) (rows x max tiles)") }
            guard gemm.m <= config.maxRows else { throw ToolError("GEMM has M = \(gemm.m) rows, over the array's maximum \(config.maxRows) per run") }
            let limit = 1 << (config.shiftBits - 1)
            guard (-limit..<limit).contains(gemm.shift) else { throw ToolError("shift \(gemm.shift) does not fit the array's \(config.shiftBits)-bit shift input") }
        }
        (self.config, self.segments, self.stalls, self.seed) = (config, segments, stalls, seed)
    }

    /// Number of weight tiles of a GEMM on this array.
    func tiles(_ gemm: GemmProblem) -> Int { (gemm.k + config.rows - 1) / config.rows }
}
