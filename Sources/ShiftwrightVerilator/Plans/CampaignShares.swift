import ShiftwrightHDL

extension VectorPlan {
    /// Rows `start ..< end` of this plan as a plan of its own: one lane's share of a campaign.
    /// From row 0 it is the plan itself, ending at `end`. From a later row it is a reset row,
    /// then the plan's rows from `start` on, of which those before `checkFrom` are warm-up (the
    /// pipeline refills) and not checked; its checker still reports the plan's cycle numbers.
    func share(from start: Int, checkFrom: Int, to end: Int) -> VectorPlan {
        let original = self, words = inputWordsPerCycle
        var share: VectorPlan
        if start == 0 {
            share = VectorPlan(module: module, externalVerilog: externalVerilog, cycles: end, inputWordsPerCycle: words,
                               coverage: coverage, exhaustive: exhaustive, stimulus: stimulus,
                               checker: { _, _ in original.checker(0, checkFrom) })
        } else {
            share = VectorPlan(module: module, externalVerilog: externalVerilog, cycles: 1 + end - start, inputWordsPerCycle: words,
                               coverage: coverage, exhaustive: exhaustive,
                               stimulus: { first, rows in
                                   guard first == 0 else { return original.stimulus(start + first - 1, rows) }
                                   guard rows.count > 0 else { return }
                                   for w in 0..<words { rows[0, w] = 0 }
                                   if rows.count > 1 { original.stimulus(start, rows.dropping(1)) }
                               },
                               checker: { _, _ in
                                   let inner = original.checker(start, checkFrom)
                                   return { first, rows, view in
                                       if first > 0 { return inner(start + first - 1, rows, view) }
                                       // Row 0 is the share's own reset row: not one of the plan's.
                                       guard view.cycles > 1 else { return nil }
                                       return inner(start, rows.dropping(1), view.droppingFirstRow())
                                   }
                               })
        }
        share.library = library
        return share
    }

    /// A share that runs no rows: fills a lane that a plan has no work for.
    func idleShare() -> VectorPlan {
        VectorPlan(module: module, externalVerilog: externalVerilog, cycles: 0, inputWordsPerCycle: inputWordsPerCycle,
                   coverage: coverage, exhaustive: exhaustive, stimulus: { _, _ in }, checker: { _, _ in { _, _, _ in nil } })
    }

    /// Up to `count` rows at which shares of this plan can start, the first 0, spread evenly:
    /// each later one is a row whose replayed warm-up rows begin at an independent cycle.
    func shareStarts(count: Int) -> [Int] {
        guard count > 1, let range = independentCycles, !range.isEmpty else { return [0] }
        var starts = [0]
        for k in 1..<count {
            let even = Int((Double(k) * Double(cycles) / Double(count)).rounded(.down))
            let start = min(max(even, range.lowerBound + warmup), range.upperBound - 1 + warmup)
            if start > starts.last!, start < cycles { starts.append(start) }
        }
        return starts
    }
}

extension OutputView {
    /// The same chunk without its first row.
    func droppingFirstRow() -> OutputView {
        OutputView(words: UnsafeBufferPointer(rebasing: words[min(stride, words.count)...]), stride: stride, offset: offset, cycles: cycles - 1)
    }
}

/// How a campaign (plans verified together) is laid out on one model and the cores. The model
/// holds a lane (a copy of a design) per slot; every worker runs its own instance of that model,
/// and each of its slots runs one share of the slot's plan. A long plan gets several lanes, and
/// its shares are spread over the lanes of every worker: one `eval()` then advances many
/// vectors (Verilator's per-call scheduling is paid once for them all) on every core.
struct CampaignLayout {
    /// Lanes per design and worker at most: beyond this the per-call cost no longer shrinks
    /// measurably (int8 × ausn-b3s2 PE: 4, 16 and 32 lanes simulate alike), while builds grow.
    static let maximumLanes = 16
    /// Graph nodes of lanes per worker at most (keeps the wrapper's build short for large designs;
    /// the int8 × ausn-b3s2 PE has 138 with its submodules).
    static let laneNodeBudget = 65_536
    /// A share shorter than this is not worth a lane of its own.
    static let minimumShareCycles = 1 << 16

    /// Per slot: the index of the plan it serves.
    let owners: [Int]
    /// Per worker: one share per slot (idle where the slot's plan has no more shares).
    let shares: [[VectorPlan]]

    /// The slots' designs, in the model's order.
    func modules(_ plans: [VectorPlan]) -> [Module] { owners.map { plans[$0].module } }

    init(_ plans: [VectorPlan], workers: Int, lanes allowLanes: Bool) {
        let total = plans.reduce(0) { $0 + $1.cycles }
        let width = workers * CampaignLayout.maximumLanes
        let target = max(CampaignLayout.minimumShareCycles, (total + width - 1) / width)
        var owners: [Int] = [], shares: [[VectorPlan]] = Array(repeating: [], count: workers)
        for (index, plan) in plans.enumerated() {
            var lanes = 1
            if allowLanes, plan.independentCycles != nil {
                let budget = max(1, CampaignLayout.laneNodeBudget / max(1, plan.module.flatNodeCount))
                let perLane = workers * target
                let wanted = min(CampaignLayout.maximumLanes, budget, max(1, (plan.cycles + perLane - 1) / perLane))
                // Powers of two only, so that runs of different lengths share cached builds.
                while lanes * 2 <= wanted { lanes *= 2 }
            }
            let starts = plan.shareStarts(count: workers * lanes)
            var mine: [[VectorPlan]] = Array(repeating: [], count: workers)
            for (k, start) in starts.enumerated() {
                let end = k + 1 < starts.count ? starts[k + 1] : plan.cycles
                let share = k == 0 ? plan.share(from: 0, checkFrom: 0, to: end)
                                   : plan.share(from: start - plan.warmup, checkFrom: start, to: end)
                mine[k % workers].append(share)
            }
            let slots = mine.map(\.count).max() ?? 1
            for w in 0..<workers {
                shares[w] += mine[w] + Array(repeating: plan.idleShare(), count: slots - mine[w].count)
            }
            owners += Array(repeating: index, count: slots)
        }
        // Workers with nothing to do are not started.
        self.shares = shares.filter { $0.contains { $0.cycles > 0 } }
        self.owners = owners
    }
}
