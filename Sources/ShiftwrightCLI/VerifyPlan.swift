import ArgumentParser
import ShiftwrightFlows

/// `shiftwright verify plan PLAN.json`: every layer of a plan through its array's RTL in Verilator
/// on the layer's weight image, every output equal to the golden GEMM + requantizer.
struct VerifyPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Verify every layer of a plan.json on its array's RTL against the golden model.",
        discussion: """
        Per layer: the weight image (.hex) the plan wrote is fed to the array in Verilator; the golden
        GEMM + requantizer runs on the model's tensor quantized at the plan's format and scale. Activations
        are the previous layer's RTL outputs where the layers chain, else seeded-random codes. Exit status 1
        on a mismatch, 2 on a bad plan, model or image (docs/models.md).
        """)

    @Argument(help: "The plan.json written by `shiftwright plan` (its weight images beside it).") var plan: String
    @Option(help: "The model file (default: the one the plan names).") var model: String?
    @Option(parsing: .unconditional, help: "Activation rows M per layer (1...4096).") var m = 8
    @Option(parsing: .unconditional, help: "Seed of the random activations.") var seed: UInt64 = 1
    @OptionGroup var report: VerifyReportOptions

    func validate() throws {
        try OptionLimits.check(m, in: 1...PlanVerification.maxRows, "--m")
    }

    func run() throws {
        var flow = PlanVerification(planPath: plan)
        (flow.model, flow.m, flow.seed) = (model, m, seed)
        try JUnitReport.finish(try flow.run(note: printNote), suite: "verify plan", junit: report.junit, output: printReport)
    }
}
