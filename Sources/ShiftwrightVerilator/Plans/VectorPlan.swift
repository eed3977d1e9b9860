import ShiftwrightHDL

/// One design's co-simulation job: its stimulus (one row of input words per cycle, ports other
/// than clk/rst, in port order, `rst` high in cycle 0 only), and the golden model's side: a
/// closure that computes the expected values (run while the simulator runs) and returns the
/// checker that compares them with the outputs.
public struct VectorPlan: Sendable {
    /// Scans a run's outputs and returns the first disagreement, described in terms the user
    /// understands (formats decoded), or nil.
    public typealias Checker = @Sendable (_ outputs: OutputView) -> (cycle: Int, message: String)?

    /// The design as generated (used for batching and, unless `externalVerilog` is set, as the RTL).
    public let module: Module
    /// Verilog text to simulate instead of the generated one (`--rtl`), with its top module name.
    public let externalVerilog: (text: String, top: String)?
    /// Files `externalVerilog` needs besides itself (the cell models of a vendor netlist).
    public var library: VerilogLibrary?
    public let cycles: Int
    /// cycles × inputWordsPerCycle words (ports ≤ 64 bits: one word each).
    public let stimulus: [UInt64]
    public let inputWordsPerCycle: Int
    /// Computes the golden values and returns the checker over them.
    public let golden: @Sendable () -> Checker
    /// Human summary of what is checked ("exhaustive: 16384 products + 20000 random cycles").
    public let coverage: String
    /// Cycles at which a run may start afresh (after a reset row and `warmup` earlier rows) and
    /// still produce the same outputs: lets a long run be split across processes.
    public let independentCycles: Range<Int>?
    public let warmup: Int
    /// The golden values by cycle, for waveforms: with it a dump shows `tb_expected_<port>` and
    /// `tb_mismatch` beside the design (`WaveHarness`); without it, the design's signals only.
    public var waveExpectations: (@Sendable () -> WaveExpectations)?

    public init(module: Module, externalVerilog: (text: String, top: String)? = nil, cycles: Int, stimulus: [UInt64],
                inputWordsPerCycle: Int, coverage: String, independentCycles: Range<Int>? = nil, warmup: Int = 0,
                golden: @escaping @Sendable () -> Checker) {
        self.module = module
        self.externalVerilog = externalVerilog
        self.cycles = cycles
        self.stimulus = stimulus
        self.inputWordsPerCycle = inputWordsPerCycle
        self.golden = golden
        self.independentCycles = independentCycles
        self.warmup = warmup
        self.coverage = coverage
    }
}

/// The outcome of verifying one design.
public struct VerificationOutcome: Sendable {
    public let design: String
    public let cycles: Int
    public let coverage: String
    /// The first mismatch, described; nil when every cycle matched.
    public let mismatch: String?
    public let mismatchCycle: Int?
    /// A waveform written for the failing window (or on request).
    public var waveform: String?
    public let buildSeconds: Double
    public let simulationSeconds: Double
    public var passed: Bool { mismatch == nil }

    package init(design: String, cycles: Int, coverage: String, mismatch: String?, mismatchCycle: Int?,
                 waveform: String?, buildSeconds: Double, simulationSeconds: Double) {
        (self.design, self.cycles, self.coverage, self.mismatch, self.mismatchCycle) = (design, cycles, coverage, mismatch, mismatchCycle)
        (self.waveform, self.buildSeconds, self.simulationSeconds) = (waveform, buildSeconds, simulationSeconds)
    }
}

/// One design's outputs in a finished run: word `index` of the design's outputs at `cycle`.
public struct OutputView {
    let words: UnsafeBufferPointer<UInt64>
    let stride: Int
    let offset: Int
    public let cycles: Int

    @inline(__always)
    public func word(_ cycle: Int, _ index: Int = 0) -> UInt64 { words[cycle * stride + offset + index] }

    /// The words of one cycle (for wide ports and messages).
    public func row(_ cycle: Int, count: Int) -> [UInt64] { (0..<count).map { word(cycle, $0) } }
}
