import Foundation
import ShiftwrightBits
import ShiftwrightFormats
import ShiftwrightGenerators
import ShiftwrightHDL
import ShiftwrightTooling
import ShiftwrightVerilator
import ShiftwrightVerilog

/// The `bench cosim` benchmark: random PE vectors per second through the whole co-simulation
/// harness (stimulus, in-process simulation, golden model, comparison, on every core), printed
/// beside the raw simulator in the same run: the same Verilated model (the campaign's lanes)
/// driven by a pure C++ loop (random inputs generated in C++, no golden model), one instance
/// per core; the same campaign with its model compiled by g++ (Verilator's default, before
/// `ModelCompiler` chose clang), end to end and raw; and the design alone in a model of its own,
/// the way campaigns ran before lanes. The ratio is the
/// harness's share of the simulator's speed. Each figure also comes as CPU time per vector
/// (this process's user + system time), which a busy shared machine distorts far less than wall time.
public struct CosimBenchmark: Sendable {
    /// Random PE vectors.
    public var vectors = 100_000_000
    /// Activation format.
    public var act = "int8"
    /// Weight format.
    public var weight = "ausn-b3s2"

    public init() {}

    public func run(log: (String) -> Void) throws {
        guard vectors >= 1 else { throw ToolError("--vectors must be positive") }
        let config = try PEConfig(activation: NumberFormat(parsing: act), weight: NumberFormat(parsing: weight))
        let module = try PEGenerator.module(config)
        log("Tools: \(try ExternalTool.verilator.version()); models compiled by \(ModelCompiler.current.name); \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let plan = PEVerification.plan(config, module: module, options: .init(randomProducts: vectors, accumulationCycles: 0, seed: 1, exhaustiveLimit: 0))
        let campaign = try Campaign([plan], name: "\(module.name)_lanes")
        log(String(format: "Verilator build: %.1f s (0 when cached); %d lanes (copies of the %d-node design) per model, %d model instances at once",
                   campaign.model.buildSeconds, campaign.lanes, module.flatNodeCount, campaign.workers))
        var outcome: VerificationOutcome?
        let harness = try Self.measure(vectors: plan.cycles) { outcome = try campaign.execute()[0] }
        log("\(outcome?.passed == true ? "PASS" : "FAIL") \(config.moduleName): \(plan.cycles) cycles")
        let (harnessRate, harnessNs) = harness
        log(String(format: "harness end to end (stimulus, simulation, golden model, compare): %.2f s, %.1f M vectors/s; %.1f ns CPU per vector",
                   Double(plan.cycles) / harnessRate, harnessRate / 1e6, harnessNs))
        // As many raw instances as the harness ran at once.
        let workers = campaign.workers
        let rows = max(1, plan.cycles / (workers * campaign.lanes))
        let replayed = try Self.replays(campaign, rows: rows)
        log(String(format: "raw simulator (the same model replaying the campaign's own rows in C++; no stimulus, golden model or compare): %.1f M vectors/s on 1 core, %.1f M vectors/s on %d cores; %.1f ns CPU per vector",
                   replayed[0].rate / 1e6, replayed[workers - 1].rate / 1e6, workers, replayed[workers - 1].cpuNs))
        let random = Self.raw(campaign.model, rows: rows, lanes: campaign.lanes, instances: workers)
        log(String(format: "raw simulator (the same model, random inputs from a C++ xorshift, so en/clear branches mispredict): %.1f M vectors/s on %d cores; %.1f ns CPU per vector",
                   random.rate / 1e6, workers, random.cpuNs))
        let parallel = replayed[workers - 1]
        log(String(format: "harness / raw simulator (replay): %.2f by wall time, %.2f by CPU time", harnessRate / parallel.rate, parallel.cpuNs / harnessNs))
        if ModelCompiler.current != .verilatorDefault {
            // The comparison for the compiler: the same campaign, the model built by g++.
            let gxx = try Campaign([plan], name: "\(module.name)_lanes", compiler: .verilatorDefault)
            var gxxOutcome: VerificationOutcome?
            let gxxHarness = try Self.measure(vectors: plan.cycles) { gxxOutcome = try gxx.execute()[0] }
            let gxxReplay = try Self.replays(gxx, rows: rows)[workers - 1]
            let gxxRandom = Self.raw(gxx.model, rows: rows, lanes: gxx.lanes, instances: workers)
            let f = { (value: Double, digits: Int) in String(format: "%.\(digits)f", value) }
            log("the same with the model compiled by \(ModelCompiler.verilatorDefault.name) (\(gxxOutcome?.passed == true ? "PASS" : "FAIL"); "
                + "build \(f(gxx.model.buildSeconds, 1)) s): harness \(f(gxxHarness.rate / 1e6, 1)) M vectors/s (\(f(gxxHarness.cpuNs, 1)) ns CPU per vector), "
                + "raw replay \(f(gxxReplay.rate / 1e6, 1)) M vectors/s on \(workers) cores, raw random \(f(gxxRandom.rate / 1e6, 1)) M vectors/s; "
                + "clang++ gains \(f(harnessRate / gxxHarness.rate, 2))x end to end")
            if let mismatch = gxxOutcome?.mismatch { throw ToolError.checkFailed("mismatch (g++ model): \(mismatch)") }
        }
        // The comparison: the design alone in its own model (one vector per two eval calls), as
        // every campaign ran before lanes.
        let verilog = VerilogEmitter.emit(module)
        let alone = try SharedLibraryModel.build(verilog: [(verilog.fileName, verilog.text)], top: verilog.top, ports: module.portSpecs)
        let aloneRate = Self.raw(alone, rows: plan.cycles / workers, lanes: 1, instances: workers)
        log(String(format: "raw simulator of the design alone (one lane, inputs unregistered, random inputs): %.1f M vectors/s on %d cores; %.1f ns CPU per vector; lanes gain %.2fx (random against random)",
                   aloneRate.rate / 1e6, workers, aloneRate.cpuNs, random.rate / aloneRate.rate))
        if let mismatch = outcome?.mismatch { throw ToolError.checkFailed("mismatch: \(mismatch)") }
    }

    /// The raw replay of `campaign`'s rows on 1 ... workers instances, `rows` rows each.
    static func replays(_ campaign: Campaign, rows: Int) throws -> [(rate: Double, cpuNs: Double)] {
        try (1...campaign.workers).map { instances in
            try measure(vectors: rows * campaign.lanes * instances) { try campaign.replay(rows: rows, instances: instances) }
        }
    }

    /// Vectors per second (wall) and CPU nanoseconds per vector of `instances` model instances
    /// each simulating `rows` random rows of `lanes` vectors at once.
    static func raw(_ model: SharedLibraryModel, rows: Int, lanes: Int, instances: Int) -> (rate: Double, cpuNs: Double) {
        measure(vectors: rows * lanes * instances) {
            DispatchQueue.concurrentPerform(iterations: instances) { i in
                let instance = model.instance()
                _ = instance.raw(rows: rows, seed: UInt64(i + 1))
            }
        }
    }

    /// Vectors per second (wall) and CPU nanoseconds per vector of `body`, which simulates `vectors`.
    static func measure(vectors: Int, _ body: () throws -> Void) rethrows -> (rate: Double, cpuNs: Double) {
        let start = Date(), cpu = CPUTime.process
        try body()
        return (Double(vectors) / Date().timeIntervalSince(start), (CPUTime.process - cpu) / Double(vectors) * 1e9)
    }
}
