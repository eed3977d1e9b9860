import ArgumentParser
import Foundation
import ShiftwrightFlows

/// `shiftwright plan MODEL`: per-layer weight formats, scales, requantizer shifts and arrays for a model.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Choose a weight format, split and scale for every layer of a model (.onnx, .safetensors, .npz, .npy).",
        discussion: """
        Per layer and width: AFP's best split by LUTs^λ·MSE (docs/arithmetic.md §5.1, LUTs = the measured PE,
        cached on disk), AUSN's by E_clip + E_round (§5.2, Eq. 5), intN at its power-of-two step. Across widths
        and families: the least LUTs that reach --sqnr-target, or without one the least LUTs^λ·MSE.
        Writes plan.json, plan.svg, each layer's weight images (.hex, .mem, .coe, .mif), weights.json and the
        array RTL into --out, all or nothing (docs/models.md).
        """)

    @Argument(help: "The model file.") var model: String
    @Option(help: "Weight code widths: a range such as 4...8 or a list such as 4,6,8.") var widths = "4...8"
    @Option(help: "Weight families to choose from: afp, ausn, int (comma-separated).") var families = "afp,ausn,int"
    @Option(parsing: .unconditional, help: "Per-layer SQNR target in dB: the least area that reaches it (-100...200).") var sqnrTarget: Double?
    @Option(parsing: .unconditional, help: "λ of LUTs^λ·MSE when there is no SQNR target (0...1000).") var lambda = 1.0
    @Option(help: "Activation format of every layer.") var act = "int8"
    @Option(help: "Requantizer output format (intN or uintN).") var outFormat = "int8"
    @Option(parsing: .unconditional, help: "Array rows R (input features per tile).") var rows = 8
    @Option(parsing: .unconditional, help: "Array columns C (output features per block).") var cols = 8
    @Option(parsing: .unconditional, help: "Weight tiles per run (default: the fewest, a power of two, that hold the deepest layer).") var maxTiles: Int?
    @Flag(help: "Plan the layers of the ONNX graph (a sequential network of Gemm/MatMul/Conv/Relu/Add) instead of every weight tensor.")
    var graph = false
    @Option(help: "Layout of rank-2 tensors without a graph: out-in (PyTorch Linear) or in-out.") var layout = "out-in"
    @Option(help: "Output directory.") var out = "plan"
    @OptionGroup var tool: SynthToolOptions

    func validate() throws {
        try OptionLimits.check(sqnrTarget, in: OptionLimits.sqnrTarget, "--sqnr-target")
        try OptionLimits.check(lambda, in: OptionLimits.lambda, "--lambda")
    }

    func run() throws {
        var flow = PlanRun(model: model)
        flow.widths = widths
        flow.families = families
        flow.sqnrTarget = sqnrTarget
        flow.lambda = lambda
        flow.activation = act
        flow.output = outFormat
        flow.rows = rows
        flow.cols = cols
        flow.maxTiles = maxTiles
        flow.graph = graph
        flow.layout = layout
        flow.outDirectory = out
        flow.synthesis = tool.settings()
        try flow.run(log: { print($0) }, note: printNote)
    }
}
