/// One table read from a file: its header and data rows, with positions for diagnostics.
///
/// Cells are raw text: no normalization of Persian letters or digits is done here (that is the
/// importer's job), except that header cells are trimmed of surrounding white space.
/// Every data row has exactly `header.count` cells.
public struct RawTable: Sendable, Equatable {
    /// Where the table came from, as shown in diagnostics: `regions.csv`, `book.xlsx[regions]`, `book.json[regions]`.
    public var source: String
    /// The table's name: the CSV name given by the caller, the sheet name, or the JSON key / resource name.
    public var name: String
    /// The position of the header (same numbering as `RawRow.line`); 0 when there is no header
    /// line: an empty table, or JSON, whose header is made from the records' keys.
    public var headerLine: Int
    /// Column names, trimmed; trailing empty header cells are dropped.
    public var header: [String]
    /// Data rows in file order; rows whose cells are all empty are skipped by the CSV and XLSX readers.
    public var rows: [RawRow]
    /// How the source bytes were decoded (`.utf8` for XLSX and JSON).
    public var encoding: SourceEncoding

    /// Creates a table.
    public init(source: String, name: String, headerLine: Int = 1, header: [String], rows: [RawRow],
                encoding: SourceEncoding = .utf8) {
        self.source = source
        self.name = name
        self.headerLine = headerLine
        self.header = header
        self.rows = rows
        self.encoding = encoding
    }
}

/// One data row.
public struct RawRow: Sendable, Equatable {
    /// The row number a user sees in their tool: for CSV the physical line where the record starts
    /// (the header is normally line 1); for XLSX the sheet row number (the `r` attribute); for JSON
    /// the 1-based index of the record in its array.
    public var line: Int
    /// The cells, one per header column.
    public var cells: [String]

    /// Creates a row.
    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// The text encoding a table's bytes were read in.
public enum SourceEncoding: String, Sendable, Equatable {
    /// UTF-8 without byte-order mark (also used for XLSX and JSON).
    case utf8
    /// UTF-8 with a byte-order mark.
    case utf8WithBOM = "utf8-bom"
    /// UTF-16 little endian, announced by a byte-order mark.
    case utf16LE = "utf16le"
    /// UTF-16 big endian, announced by a byte-order mark.
    case utf16BE = "utf16be"
    /// Windows-1256, the Arabic/Persian Windows code page: assumed when the bytes are not UTF-8 at
    /// all, or read so because it was asked for (``TextEncoding/windows1256``).
    case windows1256 = "windows-1256"
}

/// The encoding to read a text table in: detected (the default) or stated by the user.
///
/// Detection reads UTF-8 (with or without byte-order mark) and UTF-16 with a byte-order mark; bytes
/// that are not UTF-8 at all are read as Windows-1256. A file that is mostly UTF-8 but has some invalid
/// bytes is not re-read in another encoding: each cell holding invalid bytes is an error. A stated
/// encoding is used as it is, and bytes that are invalid in it are errors located by row.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// Detect the encoding.
    case automatic = "auto"
    /// UTF-8, with or without byte-order mark.
    case utf8 = "utf-8"
    /// Windows-1256 (the Arabic/Persian Windows code page).
    case windows1256 = "windows-1256"
    /// UTF-16: the byte-order mark tells the byte order; little endian without one.
    case utf16 = "utf-16"

    /// The encoding named `name` (case and `-`/`_` do not matter; `cp1256` and `utf8` are accepted too).
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "auto", "automatic": self = .automatic
        case "utf8": self = .utf8
        case "windows1256", "cp1256": self = .windows1256
        case "utf16": self = .utf16
        default: return nil
        }
    }
}

/// A problem in an input file, with its position: rendered as `source:line:column: reason`.
public struct TabularError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or table, e.g. `budget_lines.csv` or `book.xlsx[regions]`.
    public var source: String
    /// The line or row number (same numbering as `RawRow.line`); nil when the problem concerns the whole file.
    public var line: Int?
    /// The 1-based column (cell index, or character column in JSON text); nil when not relevant.
    public var column: Int?
    /// What is wrong, in plain words.
    public var reason: String
    /// The name of the column from the table's header, when the problem is in one cell and the header is known.
    public var columnName: String?
    /// Further problems of the same kind found in the same file after this one (e.g. every cell with
    /// invalid UTF-8), at most ``TabularError/cap`` in all.
    public var more: [TabularError] = []
    /// How many further problems were found but not kept in `more`.
    public var omitted = 0

    /// The most problems of one kind kept for one file (the importer's error cap).
    public static let cap = 200

    /// Creates an error.
    public init(source: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, reason: String) {
        self.source = source
        self.line = line
        self.column = column
        self.columnName = columnName
        self.reason = reason
    }

    /// This problem followed by the further ones.
    public var all: [TabularError] { [self] + more }

    /// `source:line:column: reason`, leaving out the parts that are nil.
    public var description: String {
        var text = source
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text + ": " + reason
    }
}
