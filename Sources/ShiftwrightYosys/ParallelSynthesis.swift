import Foundation

/// Synthesizes many designs on several cores: each worker takes the next design from a shared
/// queue and runs its own Yosys process. Results come back in input order, whatever finished first.
public struct ParallelSynthesis: Sendable {
    /// Progress after each design: designs done, total, the design's top, its seconds.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ top: String, _ seconds: Double) -> Void

    public let yosys: Yosys
    public let workers: Int

    public init(yosys: Yosys = Yosys(), workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.yosys = yosys
        self.workers = max(1, workers)
    }

    /// Area of every design by top name (duplicates synthesized once); throws the first Yosys error.
    public func run(_ designs: [SynthDesign], target: SynthTarget, progress: Progress? = nil) throws -> [String: AreaFigures] {
        try results(designs, target: target, progress: progress).reduce(into: [:]) { $0[$1.design.top] = $1.area }
    }

    /// Every distinct design's result (with `netlists`), in input order. `finished` sees each
    /// result on its worker as soon as it exists (a caller that caches results keeps what was done
    /// even when a later design fails or the run is interrupted); an error it throws ends the run.
    public func results(_ designs: [SynthDesign], target: SynthTarget, netlists: [NetlistFormat] = [],
                        progress: Progress? = nil, finished: (@Sendable (SynthResult) throws -> Void)? = nil) throws -> [SynthResult] {
        var seen = Set<String>()
        let unique = designs.filter { seen.insert($0.top).inserted }
        let state = SharedState(count: unique.count)
        DispatchQueue.concurrentPerform(iterations: min(workers, max(1, unique.count))) { _ in
            while let index = state.next() {
                do {
                    let result = try yosys.synthesizeOne(unique[index], target: target, netlists: netlists)
                    try finished?(result)
                    let done = state.finish(index, result)
                    progress?(done, unique.count, result.design.top, result.seconds)
                } catch {
                    state.fail(error)
                }
            }
        }
        let results = try state.collected()
        return unique.indices.compactMap { results[$0] }
    }
}

/// The queue position, finished results and first error, shared by the workers under a lock.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var finished: [Int: SynthResult] = [:]
    private var error: (any Error)?
    let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard error == nil, nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ index: Int, _ result: SynthResult) -> Int {
        lock.withLock {
            finished[index] = result
            done += 1
            return done
        }
    }

    func fail(_ e: any Error) { lock.withLock { if error == nil { error = e } } }

    func collected() throws -> [Int: SynthResult] {
        try lock.withLock {
            if let error { throw error }
            return finished
        }
    }
}
