import ArgumentParser
import ShiftwrightFlows

/// `shiftwright demo`: the main job on the built-in defaults (see `Demo`).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate, lint and verify the default designs (the built-in default job)."
    )
    @Option(help: "Output directory.") var out = "rtl-out"
    @Option(help: "Synthesis target for the area step (generic, xc7, xcu, ice40, ecp5).") var target = "xc7"

    func run() throws {
        try Demo.run(out: out, target: target) { print($0) }
    }
}
