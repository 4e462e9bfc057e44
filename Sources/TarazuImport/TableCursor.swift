import Foundation
import TarazuCore
import TarazuTabular

/// Reads the typed cells of one budget-book table, logging a located diagnostic for every bad cell.
struct TableCursor {
    let table: RawTable
    let schema: BookTable
    private var index: [String: Int] = [:]

    /// Maps the header to the schema's columns; logs missing required columns and ignored extra ones.
    /// Returns nil when a required column is missing.
    init?(_ table: RawTable, schema: BookTable, log: inout DiagnosticLog) {
        self.table = table
        self.schema = schema
        var byKey: [String: Int] = [:]
        for (position, header) in table.header.enumerated() {
            let key = PersianText.key(header)
            if let column = schema.columns.first(where: { $0.keys.contains(key) }) {
                if index[column.name] != nil {
                    log.error(table.source, row: headerRow, column: header, "column \(column.name) appears twice")
                } else {
                    index[column.name] = position
                }
            } else if !key.isEmpty {
                byKey[header] = position
            }
        }
        for header in byKey.keys.sorted() {
            log.warning(table.source, row: headerRow, column: header, "unknown column ignored")
        }
        var complete = true
        for column in schema.columns where column.required && index[column.name] == nil {
            let names = ([column.name] + column.persian).joined(separator: " or ")
            log.error(table.source, row: headerRow, column: column.name, "required column missing (header \(names))")
            complete = false
        }
        if !complete { return nil }
    }

    private var headerRow: Int { max(1, table.headerLine) }

    func has(_ column: String) -> Bool { index[column] != nil }

    /// Reports rows whose key (the normalized text of `columns`) repeats an earlier row's, whatever
    /// else is wrong with either row.
    func checkDuplicateKeys(_ columns: [String], label: String, log: inout DiagnosticLog) {
        var firstRow: [String: Int] = [:]
        firstRow.reserveCapacity(table.rows.count)
        rows: for row in table.rows {
            var key = ""
            for (position, column) in columns.enumerated() {
                let part = PersianText.key(text(row, column))
                if part.isEmpty { continue rows }
                if position > 0 { key.append("\u{1F}") }
                key.append(part)
            }
            if let first = firstRow[key] {
                let shown = columns.map { PersianText.asciiDigits(text(row, $0)) }.joined(separator: "/")
                log.error(table.source, row: row.line, column: columns.last, "duplicate \(label) \(shown) (first at row \(first))")
            } else {
                firstRow[key] = row.line
            }
        }
    }

    /// The normalized text of a cell, or "" when the column is absent.
    func text(_ row: RawRow, _ column: String) -> String {
        guard let position = index[column], position < row.cells.count else { return "" }
        return PersianText.normalize(row.cells[position])
    }

    /// The cell as a matching key (ASCII digits, lowercase), or "".
    func code(_ row: RawRow, _ column: String) -> String {
        PersianText.asciiDigits(text(row, column))
    }

    func optionalText(_ row: RawRow, _ column: String) -> String? {
        let value = text(row, column)
        return value.isEmpty ? nil : value
    }

    /// A required text cell.
    func requiredText(_ row: RawRow, _ column: String, log: inout DiagnosticLog) -> String? {
        let value = text(row, column)
        if value.isEmpty {
            log.error(table.source, row: row.line, column: column, "value required")
            return nil
        }
        return value
    }

    /// A whole number.
    func integer(_ row: RawRow, _ column: String, required: Bool, log: inout DiagnosticLog) -> Cell<Int64> {
        parse(row, column, required: required, log: &log) { raw throws(NumberText.Failure) in try NumberText.integer(raw) }
    }

    /// A year: a whole number in the plausible range of the book's calendar.
    func year(_ row: RawRow, _ column: String, calendar: BookCalendar, required: Bool, log: inout DiagnosticLog) -> Cell<Int> {
        switch integer(row, column, required: required, log: &log) {
        case .absent: return .absent
        case .invalid: return .invalid
        case .present(let value):
            guard FiscalYear(Int(value), calendar: calendar).isPlausible else {
                log.error(table.source, row: row.line, column: column, "\(value) is not a plausible \(calendar.rawValue) year")
                return .invalid
            }
            return .present(Int(value))
        }
    }

    /// An amount in the book's unit, converted to rials; negative amounts are rejected.
    func money(_ row: RawRow, _ column: String, unit: AmountUnit, required: Bool, log: inout DiagnosticLog) -> Cell<Money> {
        let cell = parse(row, column, required: required, log: &log, prefix: "malformed amount: ") { raw throws(NumberText.Failure) in
            try unit.parse(raw)
        }
        if case .present(let money) = cell, money.rials < 0 {
            log.error(table.source, row: row.line, column: column, "negative amount \"\(text(row, column))\" is not allowed")
            return .invalid
        }
        return cell
    }

    /// An exact decimal, optionally bounded.
    func decimal(_ row: RawRow, _ column: String, range: ClosedRange<Decimal>? = nil, required: Bool, log: inout DiagnosticLog) -> Cell<Decimal> {
        let cell = parse(row, column, required: required, log: &log) { raw throws(NumberText.Failure) in try NumberText.decimal(raw) }
        if case .present(let value) = cell, let range, !range.contains(value) {
            log.error(table.source, row: row.line, column: column, "\(text(row, column)) is outside \(range.lowerBound)…\(range.upperBound)")
            return .invalid
        }
        return cell
    }

    /// A yes/no cell in English or Persian.
    func boolean(_ row: RawRow, _ column: String, log: inout DiagnosticLog) -> Cell<Bool> {
        switch PersianText.key(text(row, column)) {
        case "": return .absent
        case "true", "1", "yes", "y", "بله", "بلی", "آری", "درست": return .present(true)
        case "false", "0", "no", "n", "خیر", "نه", "نادرست": return .present(false)
        default:
            log.error(table.source, row: row.line, column: column, "\"\(text(row, column))\" is not true or false")
            return .invalid
        }
    }

    private func parse<T>(_ row: RawRow, _ column: String, required: Bool, log: inout DiagnosticLog, prefix: String = "",
                          _ convert: (String) throws(NumberText.Failure) -> T) -> Cell<T> {
        let raw = text(row, column)
        if raw.isEmpty {
            if required {
                log.error(table.source, row: row.line, column: column, "value required")
                return .invalid
            }
            return .absent
        }
        do {
            return .present(try convert(raw))
        } catch {
            log.error(table.source, row: row.line, column: column, prefix + error.description)
            return .invalid
        }
    }
}

/// The outcome of reading one cell: a value, no value, or a value that was logged as invalid.
enum Cell<Value> {
    case present(Value)
    case absent
    case invalid

    var value: Value? {
        if case .present(let value) = self { return value }
        return nil
    }

    var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }
}
