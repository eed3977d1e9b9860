import Foundation
import ShiftwrightHDL

/// How the plans of one model share its input and output rows: each plan's input words sit at
/// its ports' offsets in the model's row (`rst` is the runner's), its outputs likewise.
struct RowComposer: Sendable {
    let plans: [VectorPlan]
    let layout: PortLayout
    /// Per plan: the first input word of its data ports in the model's row (nil: no inputs).
    let inputOffsets: [Int?]
    /// Per plan: the first output word of its ports in the model's row.
    let outputOffsets: [Int]
    let resetOffset: Int?

    init(plans: [VectorPlan], layout: PortLayout) {
        self.plans = plans
        self.layout = layout
        resetOffset = layout.inputOffset("rst")
        let dataInputs = layout.inputs.filter { $0.port.name != "rst" }
        var inputs: [Int?] = [], outputs: [Int] = [], port = 0, output = 0
        for plan in plans {
            let count = plan.module.inputs.filter { !$0.isImplicit }.count
            inputs.append(count > 0 ? dataInputs[port].offset : nil)
            port += count
            outputs.append(output)
            output += plan.module.outputs.reduce(0) { $0 + ($1.type.width + 63) / 64 }
        }
        inputOffsets = inputs
        outputOffsets = outputs
    }

    /// Fills model rows `first ..< first + rows` into `target`: each plan's stimulus writes its
    /// words in place (no copy), plans shorter than the run idle at zero.
    func compose(first: Int, rows: Int, into target: UnsafeMutableBufferPointer<UInt64>) {
        let stride = layout.inputWords
        // Every word of a row belongs to a plan or is rst: zero the whole chunk only when a plan
        // leaves some of its rows unwritten (it ended), else just the rst words.
        if plans.contains(where: { $0.cycles - first < rows }) {
            target.update(repeating: 0)
        } else if let resetOffset {
            for r in 0..<rows { target[r * stride + resetOffset] = 0 }
        }
        for index in plans.indices {
            let own = max(0, min(rows, plans[index].cycles - first))
            guard own > 0, inputOffsets[index] != nil else { continue }
            plans[index].stimulus(first, self.rows(of: index, in: target, count: own))
        }
        if first == 0, rows > 0, let resetOffset { target[resetOffset] = 1 }
    }

    /// Plan `index`'s words in the first `count` composed rows of `chunk`.
    func rows(of index: Int, in chunk: UnsafeMutableBufferPointer<UInt64>, count: Int) -> StimulusRows {
        StimulusRows(base: chunk.baseAddress! + (inputOffsets[index] ?? 0), stride: layout.inputWords, count: count)
    }

    /// Model rows `range` materialised (waveform replays), after a reset row when `range` does not start at 0.
    func materialise(_ range: Range<Int>) -> [UInt64] {
        let lead = range.lowerBound > 0 ? 1 : 0
        var words = [UInt64](repeating: 0, count: (range.count + lead) * layout.inputWords)
        words.withUnsafeMutableBufferPointer { all in
            compose(first: range.lowerBound, rows: range.count,
                    into: UnsafeMutableBufferPointer(rebasing: all[(lead * layout.inputWords)...]))
        }
        if lead == 1, let resetOffset { words[resetOffset] = 1 }
        return words
    }
}

/// One worker's part of a campaign: every row of its shares (one per lane of the model),
/// streamed through one in-process model instance in fixed-size chunks.
struct ChunkedRun: Sendable {
    /// Input words per chunk: enough rows that a call's overhead vanishes, few enough that a
    /// chunk's rows stay in the core's cache however many lanes a row holds.
    static let chunkWords = 1 << 15

    let composer: RowComposer
    let model: SharedLibraryModel

    /// Rows per chunk for this model.
    var chunkRows: Int { min(8192, max(256, ChunkedRun.chunkWords / max(1, composer.layout.inputWords))) }

    /// Per share: the first mismatch (nil: none).
    func run(progress: CampaignProgress) throws -> [(cycle: Int, message: String)?] {
        let plans = composer.plans, layout = composer.layout, chunk = chunkRows
        let cycles = plans.map(\.cycles).max() ?? 0
        let instance = model.instance()
        let inputs = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, chunk * layout.inputWords))
        let outputs = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, chunk * layout.outputWords))
        defer {
            inputs.deallocate()
            outputs.deallocate()
        }
        var checkers: [VectorPlan.Checker?] = plans.map { $0.cycles > 0 ? $0.checker(0, 0) : nil }
        var found: [(cycle: Int, message: String)?] = Array(repeating: nil, count: plans.count)
        var first = 0
        while first < cycles, checkers.contains(where: { $0 != nil }) {
            let n = min(chunk, cycles - first)
            composer.compose(first: first, rows: n, into: inputs)
            try instance.run(inputs: UnsafePointer(inputs.baseAddress!), outputs: outputs.baseAddress!, rows: n)
            var checked = 0
            for index in plans.indices {
                guard let check = checkers[index] else { continue }
                let own = max(0, min(n, plans[index].cycles - first))
                guard own > 0 else { checkers[index] = nil; continue }
                let view = OutputView(words: UnsafeBufferPointer(outputs), stride: layout.outputWords,
                                      offset: composer.outputOffsets[index], cycles: own)
                if let mismatch = check(first, composer.rows(of: index, in: inputs, count: own), view) {
                    found[index] = mismatch
                    checkers[index] = nil
                }
                checked += own
            }
            progress.advance(checked)
            first += n
        }
        return found
    }
}
