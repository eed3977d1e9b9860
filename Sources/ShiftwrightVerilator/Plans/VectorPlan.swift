import ShiftwrightHDL

/// One design's co-simulation campaign, described so that it can be streamed: the stimulus is a
/// function of the cycle number (any stretch of rows can be produced on its own, in fixed-size
/// chunks, on any core), and the golden model's side is a checker that consumes the chunks in
/// order. Nothing proportional to the number of cycles is ever held, so a campaign of 10^10
/// vectors needs no more memory than one of 10^3.
///
/// Rows hold every input but clk and rst, in port order, one word per port (ports ≤ 64 bits);
/// row 0 is the reset cycle (`rst` high; the runner sets it).
public struct VectorPlan: Sendable {
    /// Writes every word of rows `first ..< first + rows.count` into `rows`.
    public typealias Stimulus = @Sendable (_ first: Int, _ rows: StimulusRows) -> Void
    /// Checks one chunk: the plan's rows of cycles `first...` (`stimulus`, as its stimulus wrote
    /// them; read only) and the design's outputs at those cycles. Returns the first
    /// disagreement, described in terms the user understands (formats decoded), or nil. Called for consecutive chunks; keeps its golden state between them.
    public typealias Checker = (_ first: Int, _ stimulus: StimulusRows, _ outputs: OutputView) -> (cycle: Int, message: String)?
    /// A fresh checker for a run that replays rows from `start` (after a reset) and whose outputs
    /// count from cycle `checkFrom` on (earlier ones are warm-up).
    public typealias CheckerFactory = @Sendable (_ start: Int, _ checkFrom: Int) -> Checker

    /// The design as generated (used for batching and, unless `externalVerilog` is set, as the RTL).
    public let module: Module
    /// Verilog text to simulate instead of the generated one (`--rtl`), with its top module name.
    public let externalVerilog: (text: String, top: String)?
    /// Files `externalVerilog` needs besides itself (the cell models of a vendor netlist).
    public var library: VerilogLibrary?
    public let cycles: Int
    public let inputWordsPerCycle: Int
    public let stimulus: Stimulus
    public let checker: CheckerFactory
    /// Human summary of what is checked ("exhaustive: all 65536 code pairs, then ...").
    public let coverage: String
    /// Whether the plan covers its whole input space (reports say so).
    public let exhaustive: Bool
    /// Cycles at which a run may start afresh (after a reset row and `warmup` earlier rows) and
    /// still produce the same outputs: lets a long run be split across cores.
    public let independentCycles: Range<Int>?
    public let warmup: Int
    /// The golden values of the cycles of a window, for waveforms (computed for that window
    /// only, so a failure late in a long run costs no more): with it a dump shows
    /// `tb_expected_<port>` and `tb_mismatch` beside the design (`WaveHarness`); without it, the
    /// design's signals only.
    public var waveExpectations: (@Sendable (_ window: ClosedRange<Int>) -> WaveExpectations)?

    public init(module: Module, externalVerilog: (text: String, top: String)? = nil, cycles: Int,
                inputWordsPerCycle: Int, coverage: String, exhaustive: Bool, independentCycles: Range<Int>? = nil,
                warmup: Int = 0, stimulus: @escaping Stimulus, checker: @escaping CheckerFactory) {
        self.module = module
        self.externalVerilog = externalVerilog
        self.cycles = cycles
        self.inputWordsPerCycle = inputWordsPerCycle
        self.stimulus = stimulus
        self.checker = checker
        self.coverage = coverage
        self.exhaustive = exhaustive
        self.independentCycles = independentCycles
        self.warmup = warmup
    }

    /// Rows `range` of the stimulus, materialised (small ranges only: waveforms, tests).
    public func rows(_ range: Range<Int>) -> [UInt64] { Self.rows(of: stimulus, words: inputWordsPerCycle, range) }

    /// Rows `range` of `stimulus`, whose rows have `words` words, materialised.
    public static func rows(of stimulus: Stimulus, words: Int, _ range: Range<Int>) -> [UInt64] {
        guard !range.isEmpty, words > 0 else { return [] }
        var all = [UInt64](repeating: 0, count: range.count * words)
        all.withUnsafeMutableBufferPointer { stimulus(range.lowerBound, StimulusRows(base: $0.baseAddress!, stride: words, count: range.count)) }
        return all
    }
}

/// Rows of stimulus words in memory: `count` rows, the first word of each `stride` words after
/// the one before. A plan's stimulus writes them and its checker reads them. In a campaign they
/// are the plan's words inside the model's composed rows (the stride is the model's row), so no
/// row is copied between the stimulus, the simulator and the golden model; materialised rows
/// (`VectorPlan.rows`) have the plan's own width as their stride.
public struct StimulusRows {
    public let base: UnsafeMutablePointer<UInt64>
    public let stride: Int
    public let count: Int

    public init(base: UnsafeMutablePointer<UInt64>, stride: Int, count: Int) {
        (self.base, self.stride, self.count) = (base, stride, count)
    }

    /// Word `word` of row `row`.
    @inline(__always)
    public subscript(row: Int, word: Int) -> UInt64 {
        get { base[row &* stride &+ word] }
        nonmutating set { base[row &* stride &+ word] = newValue }
    }

    /// The rows from `rows` on.
    public func dropping(_ rows: Int) -> StimulusRows {
        StimulusRows(base: base + rows * stride, stride: stride, count: count - rows)
    }

    /// Sets words `0 ..< words` of every row to `value`.
    public func fill(words: Int, with value: UInt64) {
        for row in 0..<count { for word in 0..<words { self[row, word] = value } }
    }
}

/// The outcome of verifying one design.
public struct VerificationOutcome: Sendable {
    public let design: String
    public let cycles: Int
    public let coverage: String
    /// Whether every point of the input space was checked.
    public let exhaustive: Bool
    /// The first mismatch, described; nil when every cycle matched.
    public let mismatch: String?
    public let mismatchCycle: Int?
    /// A waveform written for the failing window (or on request).
    public var waveform: String?
    public let buildSeconds: Double
    public let simulationSeconds: Double
    public var passed: Bool { mismatch == nil }

    package init(design: String, cycles: Int, coverage: String, mismatch: String?, mismatchCycle: Int?,
                 waveform: String?, buildSeconds: Double, simulationSeconds: Double, exhaustive: Bool = false) {
        (self.design, self.cycles, self.coverage, self.exhaustive) = (design, cycles, coverage, exhaustive)
        (self.mismatch, self.mismatchCycle) = (mismatch, mismatchCycle)
        (self.waveform, self.buildSeconds, self.simulationSeconds) = (waveform, buildSeconds, simulationSeconds)
    }
}

/// One design's outputs in a chunk: word `index` of the design's outputs at chunk row `row`.
public struct OutputView {
    let words: UnsafeBufferPointer<UInt64>
    let stride: Int
    let offset: Int
    /// Rows in the chunk.
    public let cycles: Int

    public init(words: UnsafeBufferPointer<UInt64>, stride: Int, offset: Int, cycles: Int) {
        (self.words, self.stride, self.offset, self.cycles) = (words, stride, offset, cycles)
    }

    @inline(__always)
    public func word(_ row: Int, _ index: Int = 0) -> UInt64 { words[row &* stride &+ offset &+ index] }

    /// The words of one row (for wide ports and messages).
    public func row(_ row: Int, count: Int) -> [UInt64] { (0..<count).map { word(row, $0) } }
}
