import Foundation

/// Writes CSV text: comma separated, LF line ends, RFC 4180 quoting.
///
/// LF (not CRLF) keeps the files friendly to version control and Unix tools; `CSVReader` and
/// spreadsheet programs accept both. A field is quoted when it holds a comma, a quote, a line
/// break, a semicolon or a tab (so that delimiter detection sees only commas), or starts with a
/// space (which `CSVReader` would otherwise skip before a quote).
/// Excel needs a UTF-8 byte-order mark ("\u{FEFF}") in front to recognise Persian text; add it
/// when writing a file meant for Excel.
///
/// Files meant for people (exports, open data) neutralize formulas by OWASP's rule: a field that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain number, is written with a
/// leading `'`, so a spreadsheet shows it as text instead of running it. Numbers stay numbers.
public enum CSVWriter {
    /// What to do with a field a spreadsheet would read as a formula.
    public enum Formulas: Sendable {
        /// Prefix it with `'` (exports, open data).
        case neutralized
        /// Keep it as it is (files that only Tarazu reads back, such as the snapshots of imports).
        case kept
    }

    /// The CSV text of a header line followed by `rows`, each line ending with LF.
    public static func write(header: [String], rows: [[String]], formulas: Formulas = .neutralized) -> String {
        var output = ""
        output.reserveCapacity((rows.count + 1) * max(header.count, 1) * 8)
        appendLine(header, formulas: formulas, to: &output)
        for row in rows { appendLine(row, formulas: formulas, to: &output) }
        return output
    }

    /// One field as it is written: neutralized (see ``Formulas``) and quoted when needed.
    public static func field(_ text: String, formulas: Formulas = .neutralized) -> String {
        var output = ""
        append(text, formulas: formulas, to: &output)
        return output
    }

    /// Whether a spreadsheet would take `field` for a formula: it starts with `=`, `+`, `-`, `@`, tab or
    /// carriage return and is not a plain number (`-12`, `+3.5`).
    public static func looksLikeFormula(_ field: String) -> Bool {
        guard let first = field.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return false }
        return !isPlainNumber(field.utf8)
    }

    private static func isPlainNumber(_ utf8: String.UTF8View) -> Bool {
        var digits = 0
        var seenPoint = false
        for (index, byte) in utf8.enumerated() {
            switch byte {
            case 0x30...0x39: digits += 1
            case 0x2B where index == 0, 0x2D where index == 0: continue
            case 0x2E where !seenPoint && digits > 0: seenPoint = true; digits = 0
            default: return false
            }
        }
        return digits > 0
    }

    private static func appendLine(_ fields: [String], formulas: Formulas, to output: inout String) {
        for (position, field) in fields.enumerated() {
            if position > 0 { output.append(",") }
            append(field, formulas: formulas, to: &output)
        }
        output.append("\n")
    }

    private static func append(_ field: String, formulas: Formulas, to output: inout String) {
        let field = formulas == .neutralized && looksLikeFormula(field) ? "'" + field : field
        if needsQuotes(field) {
            output.append("\"")
            output.append(field.replacingOccurrences(of: "\"", with: "\"\""))
            output.append("\"")
        } else {
            output.append(field)
        }
    }

    private static func needsQuotes(_ field: String) -> Bool {
        let utf8 = field.utf8
        if utf8.first == 0x20 { return true }
        return utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x3B || $0 == 0x09 }
    }
}
