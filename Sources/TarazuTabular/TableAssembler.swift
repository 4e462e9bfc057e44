import Foundation

/// Builds a `RawTable` from records in file order: the first non-blank record is the header,
/// blank records are skipped, rows with values beyond the header are rejected, and short rows are
/// padded (spreadsheets leave trailing empty cells out) or rejected (CSV, where every row must give
/// every field: a short row is a record broken by a line break, or a file cut short).
struct TableAssembler {
    /// How columns are named in messages: "column 7" (CSV) or "column G" (spreadsheets).
    enum ColumnNaming {
        case numbers, letters
    }

    let source: String
    let naming: ColumnNaming
    /// Whether a row with fewer cells than the header is padded with empty cells (else it is an error).
    let padsShortRows: Bool
    private(set) var header: [String]?
    private var headerLine = 0
    private var rows: [RawRow] = []

    init(source: String, naming: ColumnNaming = .numbers, padsShortRows: Bool = true) {
        self.source = source
        self.naming = naming
        self.padsShortRows = padsShortRows
    }

    /// The widest header accepted.
    static let maxColumns = 256

    /// The number of columns, once the header is known.
    var width: Int { header?.count ?? 0 }

    /// Adds the record found at `line`; `cells[i]` belongs to column `i + 1`.
    mutating func add(line: Int, cells: [String]) throws(TabularError) {
        guard cells.contains(where: { !Self.isBlank($0) }) else { return }
        guard let header else {
            var names = cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            while names.last?.isEmpty == true { names.removeLast() }
            // Every row is kept as wide as the header: a header thousands of columns wide would make a
            // small file take gigabytes.
            guard names.count <= Self.maxColumns else {
                let name = naming == .letters ? CellReference.letters(column: names.count) : String(names.count)
                throw TabularError(source: source, line: line, column: names.count,
                                   reason: "the header reaches column \(name); a table may have at most \(Self.maxColumns) columns")
            }
            self.header = names
            headerLine = line
            return
        }
        var cells = cells
        if cells.count > header.count {
            if let extra = cells[header.count...].firstIndex(where: { !Self.isBlank($0) }) {
                let name = naming == .letters ? CellReference.letters(column: extra + 1) : String(extra + 1)
                throw TabularError(source: source, line: line, column: extra + 1,
                                   reason: "value \(Self.quoted(cells[extra])) in column \(name), but the header "
                                       + "has only \(header.count) column\(header.count == 1 ? "" : "s")")
            }
            cells.removeLast(cells.count - header.count)
        } else if cells.count < header.count {
            guard padsShortRows else {
                let last = cells.count
                throw TabularError(source: source, line: line, column: last,
                                   reason: "the row has \(last) field\(last == 1 ? "" : "s") but the header has \(header.count) "
                                       + "(it ends at column \(last)\(Self.named(header[last - 1]))): give every field, empty ones "
                                       + "as ,, (a line break inside an unquoted cell also splits a row)")
            }
            cells.append(contentsOf: repeatElement("", count: header.count - cells.count))
        }
        rows.append(RawRow(line: line, cells: cells))
    }

    /// The finished table (empty header and no rows when no record had a value).
    func table(name: String, encoding: SourceEncoding) -> RawTable {
        RawTable(source: source, name: name, headerLine: headerLine, header: header ?? [], rows: rows,
                 encoding: encoding)
    }

    /// ", name" for a header cell with a name, else "".
    static func named(_ headerCell: String) -> String {
        headerCell.isEmpty ? "" : ", " + headerCell
    }

    /// True for a cell that holds only white space.
    static func isBlank(_ cell: String) -> Bool {
        for byte in cell.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            return byte < 0x80 ? false : cell.allSatisfy(\.isWhitespace)
        }
        return true
    }

    /// A cell value for a message: in quotes, shortened when long.
    static func quoted(_ value: String) -> String {
        value.count > 40 ? "\"\(value.prefix(40))…\"" : "\"\(value)\""
    }
}
