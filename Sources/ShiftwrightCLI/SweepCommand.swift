import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright sweep`: synthesize every weight split of a range of widths for each activation
/// format and target, write CSVs and heat maps (`sweep [run]`); `--shard I/N` runs one slice and
/// `sweep merge` joins the slices. The two are subcommands so that neither sees the other's options.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Synthesize every weight bit-split and chart LUTs per PE (CSV + SVG heat map); shard and merge large sweeps.",
        discussion: """
        Example: shiftwright sweep --act int8,int4 --family afp,ausn,pot,int --bits 4..8 --target xc7,ice40 --out sweep/
        Sharded: shiftwright sweep ... --shard 0/4 --out shards/ (shards 0/4 to 3/4, on any machines), then
        shiftwright sweep merge --from shards/ --out sweep/ (byte-identical to the unsharded run). Finished
        syntheses are cached by content ($SHIFTWRIGHT_CACHE), so a re-run or an interrupted run redoes nothing.
        docs/sweeps.md has GNU Parallel and Slurm recipes.
        """,
        subcommands: [SweepRunCommand.self, SweepMergeCommand.self],
        defaultSubcommand: SweepRunCommand.self
    )
}

/// `shiftwright sweep [run]`: the whole plan, or one shard of it.
struct SweepRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep plan (the default subcommand: `sweep --act …` is `sweep run --act …`), or one shard of it."
    )

    @Option(help: "Activation formats (comma-separated), e.g. int8,int4.") var act = "int8"
    @Option(help: "Weight families (comma-separated): afp, ausn (mantissa reading), ausn-tier (tier reading), pot, int.") var family = "afp,ausn"
    @Option(help: "Weight widths, sign included: N or LO..HI.") var bits = "4..8"
    @Option(name: [.customLong("acc-depth"), .customLong("depth")], parsing: .unconditional, help: "Maximum number of accumulations K; --depth is the old spelling.") var depth = 1024
    @OptionGroup var synth: SynthToolOptions
    @Option(help: "Run only shard I of N (0 <= I < N; configuration k belongs to shard k mod N) and write its shard file into --out.")
    var shard: String?
    @Option(help: "Directory for sweep.<target>.csv/.svg and sweep.summary.txt (or the shard file).") var out = "sweep-out"
    @Option(help: "Weight tensor (.npy) for the area/error scatter with its Pareto front.") var input: String?

    func run() throws {
        let shard = try shard.map { try SweepShard(parsing: $0) }
        let plan = try SweepPlan(activations: SweepPlan.parseActivations(act), families: SweepPlan.parseFamilies(family),
                                 bits: SweepPlan.parseBits(bits), targets: SweepPlan.parseTargets(synth.target, useDSP: synth.dsp),
                                 accumulationDepth: depth)
        try SweepRun(plan: plan, settings: synth.settings(), out: out, input: input, shard: shard)
            .run(report: { print($0, terminator: "") }, note: printNote)
    }
}

/// `shiftwright sweep merge`: the shard files of one plan into the unsharded outputs.
struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard files of one sweep into exactly the outputs of the unsharded run.",
        discussion: "Example: shiftwright sweep merge --from shards/ --out sweep/  (or name the files: sweep merge shards/sweep.shard-0-of-4.json ...)"
    )

    @Argument(help: "Shard files (sweep.shard-I-of-N.json).") var shards: [String] = []
    @Option(help: "Also merge every sweep.shard-*.json file in this directory.") var from: String?
    @Option(help: "Directory for the merged outputs.") var out = "sweep-out"

    func run() throws {
        try SweepMerge(shardFiles: shards, directory: from, out: out).run { print($0, terminator: "") }
    }
}
