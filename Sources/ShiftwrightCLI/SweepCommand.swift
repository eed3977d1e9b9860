import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright sweep`: synthesize every AFP/AUSN split of a range of widths, write a CSV and a heat map.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Synthesize every weight bit-split and chart LUTs per PE (CSV + SVG heat map).",
        discussion: "Example: shiftwright sweep --act int8 --family afp,ausn --bits 4..8 --target xc7 --out sweep/"
    )

    @Option(help: "Activation format.") var act = "int8"
    @Option(help: "Weight families to split: afp, ausn (comma-separated).") var family = "afp,ausn"
    @Option(help: "Weight widths, sign included: N or LO..HI.") var bits = "4..8"
    @Option(name: [.customLong("acc-depth"), .customLong("depth")], parsing: .unconditional, help: "Maximum number of accumulations K; --depth is the old spelling.") var depth = 1024
    @OptionGroup var synth: SynthToolOptions
    @Option(help: "Directory for sweep.<target>.csv and sweep.<target>.svg.") var out = "sweep-out"
    @Option(help: "Weight tensor (.npy) for the area/error scatter with its Pareto front.") var input: String?

    func run() throws {
        let plan = try SweepPlan(activation: NumberFormat(parsing: act), families: SweepPlan.parseFamilies(family),
                                 bits: SweepPlan.parseBits(bits), accumulationDepth: depth)
        try SweepRun(plan: plan, settings: synth.settings(), out: out, input: input)
            .run(report: { print($0, terminator: "") }, note: printNote)
    }
}
