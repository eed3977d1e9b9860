import ArgumentParser
import Foundation
import ShiftwrightFormats
import ShiftwrightTooling

/// `shiftwright quantize`: quantize values or a .npy tensor to a format (golden model).
struct QuantizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantize",
        abstract: "Quantize values to a number format.",
        discussion: """
        Prints, for each value, the input, its code in binary (fields separated by |) and the exact
        decoded value; for a .npy input a summary. --output writes the quantized values (float64,
        same shape and order), --codes-output the codes (uint32); both are written atomically.
        """)

    @Option(help: "Format name: intN, uintN, afp-eEmM, uafp-eEmM, ausn-bBsS, ausn-bBtT1tT2…, pot-bB.")
    var format: String
    @Option(parsing: .unconditional, help: "Scale: paper, noclip, search, or an integer bias (AFP) / top (AUSN).")
    var scale: String = "paper"
    @Option(help: "Tie rule: even or smaller.")
    var ties: String = "even"
    @Flag(help: "AUSN only: the paper's Algorithm 1 (truncating greedy terms).")
    var greedy = false
    @Option(parsing: .unconditional, help: "Comma-separated values, e.g. \"0.8,-0.3\".")
    var values: String?
    @Option(help: "Input .npy (float16/32/64).")
    var input: String?
    @Option(help: "Output .npy of the quantized values (float64).")
    var output: String?
    @Option(name: .customLong("codes-output"), help: "Output .npy of the codes (uint32).")
    var codesOutput: String?
    @Flag(help: "Machine-readable JSON output.")
    var json = false

    func run() throws {
        let f = try NumberFormat(parsing: format)
        let rule = try ScaleRule(parsing: scale)
        let tieRule = try QuantizeSupport.tieRule(ties)
        if greedy && !f.isAUSN { throw FormatError("--greedy applies to AUSN formats only, not \(f.name)") }
        switch (values, input) {
        case (let text?, nil):
            if output != nil || codesOutput != nil { throw FormatError("--output/--codes-output need --input") }
            try quantizeList(text, f, rule, tieRule)
        case (nil, let path?):
            try quantizeFile(path, f, rule, tieRule)
        default:
            throw FormatError("give exactly one of --values or --input")
        }
    }

    struct Row: Encodable { let input: String; let code: String; let codeValue: UInt32; let value: String }
    struct ListReport: Encodable { let format: String; let scale: String; let ties: String; let greedy: Bool; let values: [Row] }

    private func quantizeList(_ text: String, _ f: NumberFormat, _ rule: ScaleRule, _ tieRule: TieRule) throws {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var xs: [Double] = []
        for item in items {
            guard let x = Double(item) else { throw FormatError("bad value '\(item)' in --values: expected a number") }
            xs.append(x)
        }
        let q = try QuantizeSupport.quantizer(format: f, rule: rule, values: xs, ties: tieRule, greedy: greedy)
        var rows: [Row] = []
        for (item, x) in zip(items, xs) {
            let code = q.code(x)
            let exact: String
            if let step = q.integerStep {
                // Integer formats: code · step; exact when the step is a power of two.
                let u = f.unitValueIfSmall(ofCode: UInt64(code)) ?? 0
                exact = step.significand == 1 ? Dyadic(Int(u)).shifted(by: Int(step.exponent)).description
                                              : QuantizeSupport.show(Double(u) * step)
            } else {
                exact = f.decode(UInt64(code), scale: q.scale).description
            }
            rows.append(Row(input: item, code: f.binaryFields(of: UInt64(code)), codeValue: code, value: exact))
        }
        if json {
            print(try QuantizeSupport.json(ListReport(format: f.name, scale: QuantizeSupport.scaleText(q), ties: tieRule.rawValue, greedy: greedy, values: rows)))
            return
        }
        print("\(f.name), \(QuantizeSupport.scaleText(q)), ties \(tieRule.rawValue)\(greedy ? ", greedy" : "")")
        let w = max(5, rows.map(\.input.count).max() ?? 0)
        let cw = max(4, f.codeWidth + 3)
        print(QuantizeSupport.pad("input", w) + "  " + QuantizeSupport.pad("code", cw) + "  value")
        for r in rows { print(QuantizeSupport.pad(r.input, w) + "  " + QuantizeSupport.pad(r.code, cw) + "  " + r.value) }
    }

    struct FileReport: Encodable {
        let format: String; let input: String; let shape: [Int]; let count: Int; let scale: String; let ties: String; let greedy: Bool
        let maxAbs: Double; let mse: Double; let sqnrDB: Double; let clipError: Double; let roundError: Double
        let output: String?; let codesOutput: String?
    }

    private func quantizeFile(_ path: String, _ f: NumberFormat, _ rule: ScaleRule, _ tieRule: TieRule) throws {
        let tensor = try Npy.read(path: path)
        let range = try TensorRange(of: tensor.values)
        let q = try QuantizeSupport.quantizer(format: f, rule: rule, values: tensor.values, ties: tieRule, greedy: greedy)
        let stats = q.errorStats(tensor.values)
        // Build every output before writing any, then write each atomically.
        var files: [(String, Data)] = []
        if let output {
            files.append((output, Npy.encode(q.dequantized(tensor.values), shape: tensor.shape, fortranOrder: tensor.fortranOrder)))
        }
        if let codesOutput {
            files.append((codesOutput, Npy.encode(codes: q.quantize(tensor.values), shape: tensor.shape, fortranOrder: tensor.fortranOrder)))
        }
        for (p, data) in files { try AtomicFile.write(data, to: p) }
        let report = FileReport(format: f.name, input: path, shape: tensor.shape, count: range.count, scale: QuantizeSupport.scaleText(q),
                                ties: tieRule.rawValue, greedy: greedy, maxAbs: range.maxMagnitude, mse: stats.mse, sqnrDB: stats.sqnrDB,
                                clipError: stats.clipError, roundError: stats.roundError, output: output, codesOutput: codesOutput)
        if json { print(try QuantizeSupport.json(report)); return }
        print("\(path): \(range.count) values, shape \(tensor.shape)\(tensor.fortranOrder ? " (Fortran order)" : ""), max|x| \(QuantizeSupport.show(range.maxMagnitude))")
        print("\(f.name), \(QuantizeSupport.scaleText(q)), ties \(tieRule.rawValue)\(greedy ? ", greedy" : "")")
        print("MSE \(QuantizeSupport.show(stats.mse))  SQNR \(String(format: "%.2f", stats.sqnrDB)) dB  E_clip \(QuantizeSupport.show(stats.clipError))  E_round \(QuantizeSupport.show(stats.roundError))")
        for (p, _) in files { print("wrote \(p)") }
    }
}
