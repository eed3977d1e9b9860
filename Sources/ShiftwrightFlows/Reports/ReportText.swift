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
}
