import ShiftwrightHDL
import ShiftwrightYosys
import ShiftwrightVerilator
import Foundation

/// Renders a `PaperReport` as text: our per-PE figures and ratios beside Table 4's, the headline
/// comparison, and the reasons the two differ. Deterministic (no times, no dates).
extension PaperReport {
    public var text: String {
        var out = "AUSN paper Table 4, reproduced per PE with \(ShiftwrightVersion.producer) generators\n"
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
        out += ReportText.columns([header] + table, leftColumns: 3)
        out += "\nmult LUT = the equal-effort integer MAC (the smallest of radix-4 Booth, staged or flat, and `*`) int8 x int<W> with the row's\n"
        out += "accumulator (acc); x = that MAC / row (LUT, FF); above 1 means smaller than the MAC.\n"
        if !arrayRows.isEmpty { out += arraySection }
        out += claims
        out += """

        Why ours differ from the paper:
        - Tools: the paper used Vivado on UltraScale+ (ZCU104); this is Yosys (version above) on \(target). Run with
          --target xcu for UltraScale. Area moves between Yosys versions: every report names the one it used.
        - Flip-flops: the PE registers only its accumulator (docs/arithmetic.md §6.1), and each row is compared with an
          integer MAC of the same accumulator width, so per-PE FF ratios sit at 1x. In the array the PE's register holds
          one product (and its negation's carry) and the weights are stationary, so FF per PE is weight bits + product bits + 1;
          the paper's 2.5-4.4x FF savings must come from registers outside the arithmetic (its pipelining), which neither design here has.
        - The shifter baseline is a power-of-two weight (pot-bB = ausn-bBs0, docs/arithmetic.md §1) whose exponent range
          grows as 2^B; an 8-bit one would need B = 7, over the format limit of 6, so the 8/8 shifter row is pot-b6.
        - The paper's 8/5 shifter FF count (512731) is implausible (marked sic in docs/arithmetic.md §7); shown as printed.

        """
        return out
    }

    /// The whole arrays, per PE, beside the paper's per-PE figures.
    var arraySection: String {
        guard let side = arrayRows.first?.side else { return "" }
        var out = "\nAt the paper's scale: \(side)x\(side) arrays (PEs, stationary weights, column adder trees, accumulator buffers,\n"
        out += "requantizers to int8, controller), synthesized hierarchically (each distinct module once, counted per instance;\n"
        out += "\(target.name) \(try! SynthTarget(target.name, useDSP: target.useDSP, hierarchical: true).synthCommand)), totals / \(side * side);\n"
        out += "the multiplier arrays use the staged radix-4 Booth product\n\n"
        let header = ["A/W", "architecture", "weight", "LUT/PE", "FF/PE", "BRAM", "mult/this LUT", "paper LUT/PE", "paper FF/PE", "paper mult/this LUT"]
        var table: [[String]] = []
        var notes: [String] = []
        for row in arrayRows {
            if let why = row.unavailable {
                table.append(["8/\(row.weightBits)", row.architecture.rawValue, row.weight, "-", "-", "-", "-", "-", "-", "-"])
                notes.append("8/\(row.weightBits) \(row.architecture.rawValue) (\(row.weight)) has no array: \(why)")
                continue
            }
            let mult = arrayRows.first { $0.architecture == .multiplier && $0.weightBits == row.weightBits && $0.unavailable == nil }
            let paper = PaperFigures.perPE(row.architecture, weightBits: row.weightBits)
            let paperMult = PaperFigures.perPE(.multiplier, weightBits: row.weightBits)
            table.append([
                "8/\(row.weightBits)", row.architecture.rawValue, row.weight,
                String(format: "%.1f", row.lutsPerPE), String(format: "%.1f", row.flipFlopsPerPE), "\(row.area.memories)",
                mult.map { String(format: "%.2fx", $0.lutsPerPE / row.lutsPerPE) } ?? "-",
                Self.oneDecimal(paper.luts), Self.oneDecimal(paper.ffs), String(format: "%.2fx", paperMult.luts / paper.luts),
            ])
        }
        out += ReportText.columns([header] + table, leftColumns: 3)
        for note in notes { out += note + "\n" }
        out += flatCheckSection
        return out
    }

    /// Hierarchical counting against flat synthesis of the same arrays.
    var flatCheckSection: String {
        guard !flatChecks.isEmpty else { return "" }
        var out = "\nHierarchical counting checked against flat synthesis (\(target.synthCommand)) of the same arrays:\n"
        let header = ["array", "weight", "flat LUT", "hierarchical LUT", "difference", "flat FF", "hierarchical FF"]
        let table = flatChecks.map { c in
            ["\(c.side)x\(c.side)", c.weight, "\(c.flat.luts)", "\(c.hierarchical.luts)", String(format: "%+.1f%%", 100 * c.lutDifference),
             "\(c.flat.flipFlops)", "\(c.hierarchical.flipFlops)"]
        }
        out += ReportText.columns([header] + table, leftColumns: 2)
        return out
    }

    /// Where the papers' claims hold and where they do not, from the figures above.
    var claims: String {
        var out = "\nWhere the paper's claims hold, with equal effort on both sides:\n"
        for bits in PaperFigures.weightBits {
            guard let mult = rows.first(where: { $0.architecture == .multiplier && $0.weightBits == bits }),
                  let ausn = rows.first(where: { $0.architecture == .ausn && $0.weightBits == bits }) else { continue }
            let ours = Double(mult.area.luts) / Double(max(1, ausn.area.luts))
            let paper = PaperFigures.perPE(.multiplier, weightBits: bits).luts / PaperFigures.perPE(.ausn, weightBits: bits).luts
            let verdict = ours >= paper * 0.9 ? "holds" : ours > 1.05 ? "holds in direction, not in size" : "does not hold"
            out += String(format: "- 8/%d, one PE: the best integer MAC / AUSN (%@) = %.2fx LUT against the paper's %.2fx: %@.\n",
                          bits, ausn.weight, ours, paper, verdict)
            if let a = arrayRows.first(where: { $0.architecture == .ausn && $0.weightBits == bits && $0.unavailable == nil }),
               let m = arrayRows.first(where: { $0.architecture == .multiplier && $0.weightBits == bits && $0.unavailable == nil }) {
                out += String(format: "  in the %dx%d array: %.1f vs %.1f LUT/PE = %.2fx (paper %@ vs %@).\n", a.side, a.side,
                              m.lutsPerPE, a.lutsPerPE, m.lutsPerPE / a.lutsPerPE,
                              Self.oneDecimal(PaperFigures.perPE(.multiplier, weightBits: bits).luts),
                              Self.oneDecimal(PaperFigures.perPE(.ausn, weightBits: bits).luts))
            }
        }
        if let mult88 = rows.first(where: { $0.architecture == .multiplier && $0.weightBits == 8 }),
           let ausn84 = rows.first(where: { $0.architecture == .ausn && $0.weightBits == 4 }) {
            out += "- The headline 2.0x LUT compares an 8-bit multiplier with a 4-bit AUSN weight: ours "
                + "\(AreaTable.fmt(AreaComparison.ratio(mult88.area.luts, ausn84.area.luts))) per PE; it measures the narrower weight "
                + "as much as the format. At equal widths (the lines above) is the fair comparison.\n"
        }
        out += "- Power: not in this report. `shiftwright report energy` measures a switching-energy proxy per PE from gate-level\n"
        out += "  simulation on real weights beside the same equal-effort MAC (docs/energy.md); it is a proxy, not watts.\n"
        return out
    }

    /// Half-up to one decimal, as docs/arithmetic.md §7 prints the per-PE figures (44.25 → 44.3).
    static func oneDecimal(_ v: Double) -> String { String(format: "%.1f", (v * 10).rounded() / 10) }
}
