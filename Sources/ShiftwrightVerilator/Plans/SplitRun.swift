import Foundation
import Synchronization

/// Runs one simulation as one or two simulator processes. A single long plan whose middle lies in
/// its `independentCycles` is cut there: the second process starts with a reset row, replays
/// `warmup` rows before the cut to rebuild the state, and its outputs from the cut on are
/// appended to the first process's. Both cores simulate, and the outputs are exactly those of
/// one uncut run.
struct SplitRun {
    /// Runs shorter than this stay in one process (the second build-free start is not worth it).
    static let minimumSplitCycles = 1 << 20

    private let parts: [VerilatorModel.PendingRun]
    /// Output rows of each part to drop before appending it (the reset and warm-up rows).
    private let skip: [Int]
    private let outputWords: Int

    init(plans: [VectorPlan], stimulus: [UInt64], cycles: Int, model: VerilatorModel) throws {
        let layout = model.layout
        outputWords = layout.outputWords
        guard let cut = SplitRun.cut(plans, cycles: cycles) else {
            parts = [try model.start(stimulus: stimulus, cycles: cycles)]
            skip = [0]
            return
        }
        let words = layout.inputWords, replayFrom = cut - plans[0].warmup
        var reset = [UInt64](repeating: 0, count: words)
        if let offset = layout.inputOffset("rst") { reset[offset] = 1 }
        // Pack both halves at once (one per core), straight from the interleaved words.
        let pieces = [(from: 0, cycles: cut, leading: nil as [UInt64]?), (from: replayFrom, cycles: cycles - replayFrom, leading: reset)]
        let packed = PackedPieces(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let piece = pieces[i]
            stimulus.withUnsafeBufferPointer { all in
                let slice = UnsafeBufferPointer(rebasing: all[(piece.from * words)..<((piece.from + piece.cycles) * words)])
                packed.set(i, layout.inputPacking.pack(slice, cycles: piece.cycles, leading: piece.leading))
            }
        }
        let first = try model.start(packed: packed.get(0), cycles: pieces[0].cycles)
        do {
            parts = [first, try model.start(packed: packed.get(1), cycles: pieces[1].cycles + 1)]
        } catch {
            first.cancel()
            throw error
        }
        skip = [0, 1 + plans[0].warmup]
    }

    /// Where to cut a run, or nil to keep it whole: only a single plan, long enough, with a cut
    /// near the middle whose warm-up rows are all independent.
    static func cut(_ plans: [VectorPlan], cycles: Int) -> Int? {
        guard plans.count == 1, cycles >= minimumSplitCycles, let range = plans[0].independentCycles else { return nil }
        let warmup = plans[0].warmup
        let cut = min(max(cycles / 2, range.lowerBound + warmup), range.upperBound)
        // Every replayed row (or, without warm-up, the first row) must be a safe restart point.
        guard cut - warmup >= range.lowerBound, cut - warmup < range.upperBound,
              cut >= cycles / 4, cut <= cycles - cycles / 4 else { return nil }
        return cut
    }

    /// Waits for every part (even after one fails, so no simulator or file is left behind) and
    /// stitches the outputs.
    func finish() throws -> [UInt64] {
        var outputs: [UInt64] = [], failure: Error?
        for (part, drop) in zip(parts, skip) {
            do {
                let words = try part.finish()
                if failure == nil { outputs += words[(drop * outputWords)...] }
            } catch {
                if failure == nil { failure = error }
            }
        }
        if let failure { throw failure }
        return outputs
    }
}

/// Packed halves produced concurrently.
final class PackedPieces: Sendable {
    private let slots: Mutex<[[UInt8]]>
    init(count: Int) { slots = Mutex(Array(repeating: [], count: count)) }
    func set(_ i: Int, _ bytes: [UInt8]) { slots.withLock { $0[i] = bytes } }
    func get(_ i: Int) -> [UInt8] { slots.withLock { $0[i] } }
}
