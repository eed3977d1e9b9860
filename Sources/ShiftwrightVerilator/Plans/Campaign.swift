import Foundation
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilog

/// One campaign ready to run: its plans laid out on lanes and workers (`CampaignLayout`) and the
/// model built (cached by content). `execute()` checks every plan; `model` is also what the
/// benchmarks drive with their raw C++ loop, so both figures are of the same model.
public struct Campaign: Sendable {
    public let plans: [VectorPlan]
    public let model: SharedLibraryModel
    let layout: CampaignLayout

    /// Lanes (design copies) in the model.
    public var lanes: Int { layout.owners.count }
    /// Model instances run at once (one per core with work).
    public var workers: Int { layout.shares.count }

    /// Generated plans are wrapped into one model named `name`, their inputs registered when it
    /// is clocked and every clocked design has `rst`; one plan with external Verilog is built as
    /// it is, one lane per worker. `compiler`: the model's C++ compiler (benchmarks compare).
    public init(_ plans: [VectorPlan], name: String, compiler: ModelCompiler = .current) throws {
        self.plans = plans
        if plans.count == 1, let external = plans[0].externalVerilog {
            layout = CampaignLayout(plans, workers: BatchRunner.workers, lanes: false)
            model = try SharedLibraryModel.build(verilog: [("\(external.top).v", external.text)], top: external.top,
                                                 ports: plans[0].module.portSpecs, library: plans[0].library, compiler: compiler)
            return
        }
        guard !plans.contains(where: { $0.externalVerilog != nil }) else {
            throw ToolError("a campaign with external Verilog holds that one design only")
        }
        layout = CampaignLayout(plans, workers: BatchRunner.workers, lanes: true)
        let modules = layout.modules(plans)
        // Registered inputs need a reset to delay: a clocked design without `rst` would see one
        // extra edge (with zero inputs) before its first row, so such batches stay unregistered.
        let has = { (module: Module, port: String) in module.portSpecs.contains { $0.name == port && $0.direction == .input } }
        let registered = modules.contains { has($0, "clk") } && modules.allSatisfy { !has($0, "clk") || has($0, "rst") }
        let top = try DesignBatch.wrap(modules, name: name, registeredInputs: registered)
        let verilog = VerilogEmitter.emit(top)
        model = try SharedLibraryModel.build(verilog: [(verilog.fileName, verilog.text)], top: top.name, ports: top.portSpecs,
                                             registeredInputs: registered, compiler: compiler)
    }

    /// Runs every share on its worker's instance at once; one outcome per plan, in order, with
    /// the earliest mismatch over its shares.
    public func execute() throws -> [VerificationOutcome] {
        let composers = layout.shares.map { RowComposer(plans: $0, layout: model.layout) }
        let progress = CampaignProgress(total: layout.shares.joined().reduce(0) { $0 + $1.cycles })
        let built = model, start = Date()
        let found = try BatchRunner.runConcurrently(composers.count) {
            try ChunkedRun(composer: composers[$0], model: built).run(progress: progress)
        }
        let seconds = Date().timeIntervalSince(start)
        return plans.indices.map { p in
            let mine = found.flatMap { perSlot in zip(layout.owners, perSlot).compactMap { $0.0 == p ? $0.1 : nil } }
            let first = mine.min { $0.cycle < $1.cycle }
            let plan = plans[p]
            return VerificationOutcome(design: plan.module.name, cycles: plan.cycles, coverage: plan.coverage,
                                       mismatch: first?.message, mismatchCycle: first?.cycle, waveform: nil,
                                       buildSeconds: model.buildSeconds, simulationSeconds: seconds, exhaustive: plan.exhaustive)
        }
    }

    /// The raw simulator on the campaign's own inputs (benchmarks): each of `instances` model
    /// instances replays the first worker's first chunk of rows until it has simulated `rows`
    /// rows, outputs overwritten unread: no stimulus generation, golden model or comparison.
    public func replay(rows: Int, instances: Int) throws {
        let composer = RowComposer(plans: layout.shares.first ?? [], layout: model.layout)
        let chunk = min(rows, ChunkedRun(composer: composer, model: model).chunkRows)
        let input = composer.materialise(0..<chunk), outputWords = model.layout.outputWords, built = model
        _ = try BatchRunner.runConcurrently(instances) { _ in
            let instance = built.instance()
            var output = [UInt64](repeating: 0, count: max(1, chunk * outputWords))
            var done = 0
            while done < rows {
                let n = min(chunk, rows - done)
                try input.withUnsafeBufferPointer { i in
                    try output.withUnsafeMutableBufferPointer { try instance.run(inputs: i.baseAddress!, outputs: $0.baseAddress!, rows: n) }
                }
                done += n
            }
        }
    }
}
