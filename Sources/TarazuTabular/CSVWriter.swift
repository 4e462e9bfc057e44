import Foundation

/// Writes CSV text: comma separated, LF line ends, RFC 4180 quoting.
///
/// LF (not CRLF) keeps the files friendly to version control and Unix tools; `CSVReader` and
/// spreadsheet programs accept both. A field is quoted when it holds a comma, a quote, a line
/// break, a semicolon or a tab (so that delimiter detection sees only commas), or starts with a
/// space (which `CSVReader` would otherwise skip before a quote).
/// Excel needs a UTF-8 byte-order mark ("\u{FEFF}") in front to recognise Persian text; add it
/// when writing a file meant for Excel.
public enum CSVWriter {
    /// The CSV text of a header line followed by `rows`, each line ending with LF.
    public static func write(header: [String], rows: [[String]]) -> String {
        var output = ""
        output.reserveCapacity((rows.count + 1) * max(header.count, 1) * 8)
        appendLine(header, to: &output)
        for row in rows { appendLine(row, to: &output) }
        return output
    }

    private static func appendLine(_ fields: [String], to output: inout String) {
        for (position, field) in fields.enumerated() {
            if position > 0 { output.append(",") }
            if needsQuotes(field) {
                output.append("\"")
                output.append(field.replacingOccurrences(of: "\"", with: "\"\""))
                output.append("\"")
            } else {
                output.append(field)
            }
        }
        output.append("\n")
    }

    private static func needsQuotes(_ field: String) -> Bool {
        let utf8 = field.utf8
        if utf8.first == 0x20 { return true }
        return utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B || $0 == 0x09 }
    }
}
