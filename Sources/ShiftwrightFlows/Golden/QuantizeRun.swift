import Foundation
import ShiftwrightFormats
import ShiftwrightTooling

/// `quantize`: quantize values or a .npy tensor to a format (golden model).
public struct QuantizeRun: Sendable {
    /// Format name: intN, uintN, afp-eEmM, uafp-eEmM, ausn-bBsS, ausn-bBtT1tT2…, pot-bB.
    public var format: String
    /// Scale: paper, noclip, search, or an integer bias (AFP) / top (AUSN).
    public var scale: String = "paper"
    /// Tie rule: even or smaller.
    public var ties: String = "even"
    /// AUSN only: the paper's Algorithm 1 (truncating greedy terms).
    public var greedy = false
    /// Comma-separated values, e.g. "0.8,-0.3".
    public var values: String?
    /// Input .npy (float16/32/64).
    public var input: String?
    /// Output .npy of the quantized values (float64).
    public var output: String?
    /// Output .npy of the codes (uint32).
    public var codesOutput: String?
    /// Machine-readable JSON output.
    public var json = false

    public init(format: String) { self.format = format }

    public func run(log: (String) -> Void) throws {
        let f = try NumberFormat(parsing: format)
        let rule = try ScaleRule(parsing: scale)
        let tieRule = try TieRule.parse(ties)
        if greedy && !f.isAUSN { throw FormatError("--greedy applies to AUSN formats only, not \(f.name)") }
        switch (values, input) {
        case (let text?, nil):
            if output != nil || codesOutput != nil { throw FormatError("--output/--codes-output need --input") }
            try quantizeList(text, f, rule, tieRule, log: log)
        case (nil, let path?):
            try quantizeFile(path, f, rule, tieRule, log: log)
        default:
            throw FormatError("give exactly one of --values or --input")
        }
    }

    struct Row: Encodable { let input: String; let code: String; let codeValue: UInt32; let value: String }
    struct ListReport: Encodable { let format: String; let scale: String; let ties: String; let greedy: Bool; let values: [Row] }

    private func quantizeList(_ text: String, _ f: NumberFormat, _ rule: ScaleRule, _ tieRule: TieRule, log: (String) -> Void) throws {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var xs: [Double] = []
        for item in items {
            guard let x = Double(item) else { throw FormatError("bad value '\(item)' in --values: expected a number") }
            xs.append(x)
        }
        let q = try TensorQuantizer.choose(format: f, rule: rule, values: xs, ties: tieRule, greedy: greedy)
        var rows: [Row] = []
        for (item, x) in zip(items, xs) {
            let code = q.code(x)
            let exact: String
            if let step = q.integerStep {
                // Integer formats: code · step; exact when the step is a power of two.
                let u = f.unitValueIfSmall(ofCode: UInt64(code)) ?? 0
                exact = step.significand == 1 ? Dyadic(Int(u)).shifted(by: Int(step.exponent)).description
                                              : TensorQuantizer.shortText(Double(u) * step)
            } else {
                exact = f.decode(UInt64(code), scale: q.scale).description
            }
            rows.append(Row(input: item, code: f.binaryFields(of: UInt64(code)), codeValue: code, value: exact))
        }
        if json {
            log(try ReportText.json(ListReport(format: f.name, scale: q.scaleDescription, ties: tieRule.rawValue, greedy: greedy, values: rows)))
            return
        }
        log("\(f.name), \(q.scaleDescription), ties \(tieRule.rawValue)\(greedy ? ", greedy" : "")")
        let w = max(5, rows.map(\.input.count).max() ?? 0)
        let cw = max(4, f.codeWidth + 3)
        log(ReportText.pad("input", w) + "  " + ReportText.pad("code", cw) + "  value")
        for r in rows { log(ReportText.pad(r.input, w) + "  " + ReportText.pad(r.code, cw) + "  " + r.value) }
    }

    struct FileReport: Encodable {
        let format: String; let input: String; let shape: [Int]; let count: Int; let scale: String; let ties: String; let greedy: Bool
        let maxAbs: Double; let mse: Double; let sqnrDB: Double; let clipError: Double; let roundError: Double
        let output: String?; let codesOutput: String?
    }

    private func quantizeFile(_ path: String, _ f: NumberFormat, _ rule: ScaleRule, _ tieRule: TieRule, log: (String) -> Void) throws {
        let tensor = try Npy.read(path: path)
        let range = try TensorRange(of: tensor.values)
        let q = try TensorQuantizer.choose(format: f, rule: rule, values: tensor.values, ties: tieRule, greedy: greedy)
        let stats = q.errorStats(tensor.values)
        // Build every output before writing any, then write each atomically.
        var files: [(String, Data)] = []
        if let output {
            files.append((output, Npy.encode(q.dequantized(tensor.values), shape: tensor.shape, fortranOrder: tensor.fortranOrder)))
        }
        if let codesOutput {
            files.append((codesOutput, Npy.encode(codes: q.quantize(tensor.values), shape: tensor.shape, fortranOrder: tensor.fortranOrder)))
        }
        try AtomicFile.writeFiles(files)
        let report = FileReport(format: f.name, input: path, shape: tensor.shape, count: range.count, scale: q.scaleDescription,
                                ties: tieRule.rawValue, greedy: greedy, maxAbs: range.maxMagnitude, mse: stats.mse, sqnrDB: stats.sqnrDB,
                                clipError: stats.clipError, roundError: stats.roundError, output: output, codesOutput: codesOutput)
        if json { log(try ReportText.json(report)); return }
        log("\(path): \(range.count) values, shape \(tensor.shape)\(tensor.fortranOrder ? " (Fortran order)" : ""), max|x| \(TensorQuantizer.shortText(range.maxMagnitude))")
        log("\(f.name), \(q.scaleDescription), ties \(tieRule.rawValue)\(greedy ? ", greedy" : "")")
        log("MSE \(TensorQuantizer.shortText(stats.mse))  SQNR \(String(format: "%.2f", stats.sqnrDB)) dB  E_clip \(TensorQuantizer.shortText(stats.clipError))  E_round \(TensorQuantizer.shortText(stats.roundError))")
        for (p, _) in files { log("wrote \(p)") }
    }
}
