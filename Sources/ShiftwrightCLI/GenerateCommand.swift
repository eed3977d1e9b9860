import ArgumentParser
import ShiftwrightFlows

/// `shiftwright generate …`: writes Verilog plus a JSON sidecar for a generated design.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Verilog and its JSON sidecar.",
        subcommands: [GeneratePE.self, GenerateRequant.self, GenerateArray.self, GenerateDefaults.self]
    )
}

/// `shiftwright generate pe`
struct GeneratePE: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pe", abstract: "Generate a processing element.")
    @OptionGroup var pe: PEOptions
    @Option(help: "Output directory.") var out = "rtl-out"

    func run() throws {
        try writeDesign(DesignArtifacts.pe(pe.config()), into: out)
    }
}

/// `shiftwright generate requant`
struct GenerateRequant: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "requant", abstract: "Generate a requantization unit.")
    @OptionGroup var requant: RequantOptions
    @Option(help: "Output directory.") var out = "rtl-out"

    func run() throws {
        try writeDesign(DesignArtifacts.requantizer(requant.config()), into: out)
    }
}

/// `shiftwright generate defaults`: every default configuration (what `rtl-out/` holds).
struct GenerateDefaults: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "defaults", abstract: "Generate every default configuration.")
    @Option(help: "Output directory.") var out = "rtl-out"

    func run() throws {
        let designs = try DesignArtifacts.defaults()
        try DesignArtifacts.write(designs, into: out)
        for d in designs { print("wrote \(out)/\(d.verilog.fileName)") }
    }
}

/// Writes one design's Verilog and sidecar into `out` and says so.
func writeDesign(_ design: DesignArtifacts, into out: String) throws {
    try DesignArtifacts.write([design], into: out)
    print("wrote \(out)/\(design.verilog.fileName) and \(out)/\(design.sidecar.top).json")
}
