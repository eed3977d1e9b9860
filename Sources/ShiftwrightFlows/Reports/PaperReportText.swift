import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// Renders a `PaperReport` as text: our per-PE figures and ratios beside Table 4's, the headline
/// comparison, and the reasons the two differ. Deterministic (no times, no dates).
extension PaperReport {
    public var text: String {
        var out = "AUSN paper Table 4, reproduced per PE with Shiftwright generators\n"
        out += "ours: one PE (int8 activation, accumulator for K = 1024), target \(target) (\(target.synthCommand)), \(yosysVersion)\n"
        out += "paper: 64x64 MAC array on a Xilinx ZCU104 (Vivado), totals / 4096\n\n"
        let header = ["A/W", "architecture", "weight", "acc", "LUT", "FF", "mult LUT", "LUT x", "FF x", "paper LUT", "paper FF", "paper LUT x", "paper FF x"]
        var table: [[String]] = []
        for row in rows {
            let paper = PaperFigures.perPE(row.architecture, weightBits: row.weightBits)
            let paperMult = PaperFigures.perPE(.multiplier, weightBits: row.weightBits)
            table.append([
                "8/\(row.weightBits)", row.architecture.rawValue, row.weight, "\(row.accumulatorWidth)",
                "\(row.area.luts)", "\(row.area.flipFlops)", "\(row.multiplier.luts)", AreaTable.fmt(row.lutRatio), AreaTable.fmt(row.ffRatio),
                Self.oneDecimal(paper.luts), Self.oneDecimal(paper.ffs),
                String(format: "%.2fx", paperMult.luts / paper.luts), String(format: "%.2fx", paperMult.ffs / paper.ffs),
            ])
        }
        let widths = header.indices.map { i in ([header] + table).map { $0[i].count }.max() ?? 0 }
        for line in [header] + table {
            out += line.enumerated().map { i, cell in
                i < 3 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                      : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }
        out += "\nmult LUT = the int8 x int<W> multiplier PE synthesized with the row's accumulator (acc);\n"
        out += "x = that multiplier / row (LUT, FF); above 1 means smaller than the multiplier.\n"
        if let mult88 = rows.first(where: { $0.architecture == .multiplier && $0.weightBits == 8 }),
           let ausn84 = rows.first(where: { $0.architecture == .ausn && $0.weightBits == 4 }) {
            out += "headline (paper: multiplier 8/8 vs AUSN 8/4 = 2.0x LUT, 4.4x FF): ours "
                + "\(AreaTable.fmt(AreaComparison.ratio(mult88.area.luts, ausn84.area.luts))) LUT, "
                + "\(AreaTable.fmt(AreaComparison.ratio(mult88.area.flipFlops, ausn84.area.flipFlops))) FF\n"
        }
        out += """

        Why ours differ from the paper:
        - Scope: the paper counts a whole 64x64 array (operand buffers, pipeline registers, control) and divides by 4096;
          we synthesize one PE. Absolute LUTs per PE are therefore not comparable, ratios are.
        - Flip-flops: our PE registers only its accumulator (docs/arithmetic.md §6.1), and each row is compared with a multiplier
          synthesized with the row's own accumulator width, so FF ratios sit near 1x. The paper's 2.5-4.4x FF savings come from
          registers outside the arithmetic (pipelining the wider multiplier datapath), which a single PE does not have.
        - Tools: Yosys maps multipliers to LUTs less cleverly than Vivado and its results move between versions
          (see the version above); the paper used Vivado on UltraScale+ (ZCU104). Run with --target xcu for that family.
        - The shifter baseline is a power-of-two weight (pot-bB = ausn-bBs0, docs/arithmetic.md §1) whose exponent range grows as 2^B,
          with an accumulator sized for it (column acc). An 8-bit one would need B = 7, over the format limit of 6, so
          the 8/8 shifter row is pot-b6 (7 bits, a 63-position shift): already larger than the paper's shifter, which
          must have limited the shift range.
        - The paper's 8/5 shifter FF count (512731) is implausible (marked sic in docs/arithmetic.md §7); its ratio is shown as printed.

        """
        return out
    }

    /// Half-up to one decimal, as docs/arithmetic.md §7 prints the per-PE figures (44.25 → 44.3).
    static func oneDecimal(_ v: Double) -> String { String(format: "%.1f", (v * 10).rounded() / 10) }
}
