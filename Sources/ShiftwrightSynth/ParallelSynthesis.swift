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

    /// Area of every design (duplicates by top name synthesized once); throws the first Yosys error.
    public func run(_ designs: [SynthDesign], target: SynthTarget, progress: Progress? = nil) throws -> [String: AreaFigures] {
        var seen = Set<String>()
        let unique = designs.filter { seen.insert($0.top).inserted }
        let state = SharedState(count: unique.count)
        DispatchQueue.concurrentPerform(iterations: min(workers, max(1, unique.count))) { _ in
            while let index = state.next() {
                do {
                    let result = try yosys.synthesize([unique[index]], target: target)[0]
                    let done = state.finish(index, result.area)
                    progress?(done, unique.count, result.design.top, result.seconds)
                } catch {
                    state.fail(error)
                }
            }
        }
        let areas = try state.results()
        return Dictionary(uniqueKeysWithValues: areas.map { (unique[$0.key].top, $0.value) })
    }
}

/// The queue position, finished results and first error, shared by the workers under a lock.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var areas: [Int: AreaFigures] = [:]
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

    func finish(_ index: Int, _ area: AreaFigures) -> Int {
        lock.withLock {
            areas[index] = area
            done += 1
            return done
        }
    }

    func fail(_ e: any Error) { lock.withLock { if error == nil { error = e } } }

    func results() throws -> [Int: AreaFigures] {
        try lock.withLock {
            if let error { throw error }
            return areas
        }
    }
}
