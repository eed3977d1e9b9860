import Foundation

/// Small text helpers of the human and machine-readable reports: deterministic JSON and padding.
enum ReportText {
    /// Pretty JSON with sorted keys, as one string (non-finite numbers as "inf", "-inf", "nan").
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `s` padded with spaces to `width` characters (never cut).
    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// `rows` as fixed-width columns two spaces apart: the first `leftColumns` columns
    /// left-aligned, the others right-aligned; one line per row, each ending in a newline.
    static func columns(_ rows: [[String]], leftColumns: Int = 1) -> String {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { i in rows.map { i < $0.count ? $0[i].count : 0 }.max() ?? 0 }
        return rows.map { line in
            line.enumerated().map { i, cell in
                i < leftColumns ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                                : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }.joined()
    }
}
