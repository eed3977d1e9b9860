import Foundation
import ShiftwrightTooling

/// A CSV file read by column name (RFC 4180 quoting), so the atlas keeps working when the tools
/// that write its inputs append columns. Every error names the file, the line and the column.
struct AtlasCSV {
    let path: String
    let header: [String]
    /// Data rows, each as long as the header.
    let rows: [[String]]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolError("cannot read CSV '\(path)': no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ToolError("CSV '\(path)' is not UTF-8 text") }
        try self.init(text: text, path: path)
    }

    init(text: String, path: String) throws {
        let records = try Self.records(text, path: path)
        guard let header = records.first, !header.isEmpty, header != [""] else { throw ToolError("CSV '\(path)' is empty: no header line") }
        for (i, r) in records.enumerated().dropFirst() where r.count != header.count {
            throw ToolError("CSV '\(path)' line \(i + 1) has \(r.count) fields, the header has \(header.count)")
        }
        self.path = path
        self.header = header
        self.rows = Array(records.dropFirst())
    }

    /// The index of a column, or an error naming the columns the file does have.
    func column(_ name: String) throws -> Int {
        guard let i = header.firstIndex(of: name) else {
            throw ToolError("CSV '\(path)' has no column '\(name)' (its columns: \(header.joined(separator: ",")))")
        }
        return i
    }

    /// Whether the file has a column.
    func has(_ name: String) -> Bool { header.contains(name) }

    /// Row `r`'s text in a column.
    func text(_ r: Int, _ name: String) throws -> String { rows[r][try column(name)] }

    /// Row `r`'s integer in a column.
    func int(_ r: Int, _ name: String) throws -> Int {
        let s = try text(r, name)
        guard let v = Int(s) else { throw ToolError("CSV '\(path)' line \(r + 2) column '\(name)': '\(s)' is not an integer") }
        return v
    }

    /// Row `r`'s finite number in a column.
    func double(_ r: Int, _ name: String) throws -> Double {
        let s = try text(r, name)
        guard let v = Double(s), v.isFinite else { throw ToolError("CSV '\(path)' line \(r + 2) column '\(name)': '\(s)' is not a finite number") }
        return v
    }

    /// Splits CSV text into records: fields separated by commas, records by newlines (CRLF too),
    /// double quotes around a field allowing commas, newlines and doubled quotes inside it.
    static func records(_ text: String, path: String) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false, any = false
        for c in text {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true; any = true
            case "\"" where afterQuote: field.append("\""); quoted = true; afterQuote = false
            case ",": record.append(field); field = ""; afterQuote = false; any = true
            case "\n", "\r\n", "\r":
                if any || !field.isEmpty { record.append(field); records.append(record) }
                record = []; field = ""; afterQuote = false; any = false
            default:
                if afterQuote { throw ToolError("CSV '\(path)' record \(records.count + 1): text after a closing quote") }
                field.append(c); any = true
            }
        }
        if quoted { throw ToolError("CSV '\(path)': a quoted field is not closed") }
        if any || !field.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
