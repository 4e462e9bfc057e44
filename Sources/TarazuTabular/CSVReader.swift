import Foundation

/// Reads delimited text (CSV): comma, semicolon or tab separated, RFC 4180 quoting.
///
/// The delimiter is the most frequent of comma, semicolon and tab outside quotes in the header
/// line (comma on ties). Encodings (``TextEncoding``): detected by default, UTF-8 with or without
/// byte-order mark, UTF-16 with byte-order mark, and Windows-1256 for bytes that are not UTF-8 at
/// all; a file that is mostly UTF-8 with some invalid bytes is an error naming each cell that holds
/// them. Line ends may be CRLF, LF or CR, also mixed. A quoted field may hold delimiters, doubled
/// quotes and line breaks; white space before an opening quote or after a closing quote is ignored.
/// Every row must have as many fields as the header (trailing empty fields beyond it are dropped); a
/// last row cut short (fewer fields and no line break at the end) is reported as a truncated file.
/// Data cells are returned verbatim, header cells trimmed.
public enum CSVReader {
    /// Parses `data` into a table named `name`; `source` names the file in errors.
    public static func read(_ data: Data, source: String, name: String,
                            encoding: TextEncoding = .automatic) throws(TabularError) -> RawTable {
        let text = try TextDecoding.decode(data, source: source, encoding: encoding, allowLegacy: true)
        var assembler = TableAssembler(source: source, padsShortRows: false)
        let outcome = text.bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (Result<Void, TabularError>, [InvalidCell]) in
            let buffer = raw.bindMemory(to: UInt8.self)
            var parser = CSVParser(buffer: buffer, delimiter: CSVDelimiter.detect(in: buffer), source: source, invalid: text.invalid)
            let result = Result { () throws(TabularError) in try parser.parse(into: &assembler) }
            return (result, parser.invalidCells)
        }
        if !outcome.1.isEmpty {
            var errors = outcome.1.prefix(TabularError.cap).map { cell in
                cell.error(source: source, header: assembler.header, stated: text.stated)
            }
            var omitted = outcome.1.count - errors.count
            if case .failure(let error) = outcome.0 {
                if errors.count < TabularError.cap { errors.append(error) } else { omitted += 1 }
            }
            var first = errors.removeFirst()
            first.more = errors
            first.omitted = omitted
            throw first
        }
        try outcome.0.get()
        return assembler.table(name: name, encoding: text.encoding)
    }
}

/// A cell holding bytes that are not valid UTF-8.
struct InvalidCell {
    /// The row (the line where the record starts) and the 1-based field number.
    var line: Int
    var field: Int
    /// Whether the cell is in the header record.
    var inHeader: Bool
    /// The first invalid byte and how many there are in the cell.
    var byte: UInt8
    var count: Int

    func error(source: String, header: [String]?, stated: Bool) -> TabularError {
        let name: String
        if !inHeader, let header, field <= header.count, !header[field - 1].isEmpty {
            name = header[field - 1]
        } else {
            name = "column \(field)"
        }
        var reason = "invalid UTF-8 byte \(TextFile.hex(byte))"
        if count > 1 { reason += " (and \(count - 1) more in this cell)" }
        if inHeader { reason += " in the header" }
        reason += stated
            ? ": the file was read as UTF-8, as asked; correct the cell or give the file's real encoding"
            : ": the rest of the file is UTF-8, so the cell is damaged; correct it, or give the file's real encoding"
        return TabularError(source: source, line: line, column: field, columnName: name, reason: reason)
    }
}

/// Chooses the field delimiter of a CSV text.
enum CSVDelimiter {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]  // comma, semicolon, tab

    /// The candidate seen most often outside quotes on the first non-blank line.
    static func detect(in buffer: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts = [0, 0, 0]
        var index = 0
        var quoted = false
        var sawText = false
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted {
                if byte == 0x0A || byte == 0x0D {
                    if sawText { break }
                } else if let which = candidates.firstIndex(of: byte) {
                    counts[which] += 1
                } else if byte != 0x20 {
                    sawText = true
                }
            }
            index += 1
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
        return candidates[best]
    }
}

/// A byte-level CSV record splitter tracking physical line numbers.
struct CSVParser {
    private let buffer: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private let source: String
    private var index = 0
    private var line = 1
    private var scratch: [UInt8] = []
    /// Long cells seen so far (department and program names repeat on thousands of rows): each
    /// repeat shares one string's storage instead of holding its own copy.
    private var interned = Set<String>()
    private static let internLimit = 100_000

    /// Offsets of the bytes that are not valid UTF-8 (ascending), and the next one to place in a cell.
    private let invalid: [Int]
    private var nextInvalid = 0
    /// The cells that hold invalid bytes, in file order.
    private(set) var invalidCells: [InvalidCell] = []

    private static let quote: UInt8 = 0x22
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    init(buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8, source: String, invalid: [Int] = []) {
        self.buffer = buffer
        self.delimiter = delimiter
        self.source = source
        self.invalid = invalid
    }

    /// Splits the whole text into records and hands each to `assembler`.
    mutating func parse(into assembler: inout TableAssembler) throws(TabularError) {
        let tracking = !invalid.isEmpty
        while index < buffer.count {
            let recordLine = line
            let inHeader = tracking && assembler.header == nil
            var cells: [String] = []
            cells.reserveCapacity(max(assembler.width, 1))
            while true {
                cells.append(try field(number: cells.count + 1))
                if tracking { noteInvalidBytes(line: recordLine, field: cells.count, inHeader: inHeader) }
                guard index < buffer.count, buffer[index] == delimiter else { break }
                index += 1
            }
            if index == buffer.count { try checkLastRow(cells, line: recordLine, header: assembler.header) }
            endLine()
            try assembler.add(line: recordLine, cells: cells)
        }
    }

    /// Fails when the last record, which no line break ends, has fewer fields than the header: the
    /// file was cut in the middle of it. (Kept out of `parse` so that its loop stays small.)
    @inline(never)
    private func checkLastRow(_ cells: [String], line: Int, header: [String]?) throws(TabularError) {
        guard let header, cells.count < header.count, cells.contains(where: { !TableAssembler.isBlank($0) }) else { return }
        let last = cells.count
        throw TabularError(source: source, line: line, column: last,
                           reason: "the file ends in the middle of this row, in column \(last)\(TableAssembler.named(header[last - 1])): "
                               + "the row has \(last) of the header's \(header.count) fields and no line break "
                               + "follows, so the file looks truncated")
    }

    /// Records the invalid bytes that lie in the field just read (they all come before `index`).
    @inline(never)
    private mutating func noteInvalidBytes(line: Int, field: Int, inHeader: Bool) {
        guard nextInvalid < invalid.count, invalid[nextInvalid] < index else { return }
        let first = invalid[nextInvalid]
        var count = 0
        while nextInvalid < invalid.count, invalid[nextInvalid] < index {
            count += 1
            nextInvalid += 1
        }
        invalidCells.append(InvalidCell(line: line, field: field, inHeader: inHeader, byte: buffer[first], count: count))
    }

    /// Consumes one line end (CRLF, LF or CR) if present.
    private mutating func endLine() {
        guard index < buffer.count else { return }
        if buffer[index] == Self.cr, index + 1 < buffer.count, buffer[index + 1] == Self.lf { index += 1 }
        index += 1
        line += 1
    }

    private func isPadding(_ byte: UInt8) -> Bool {
        (byte == 0x20 || byte == 0x09) && byte != delimiter
    }

    /// Reads one field, leaving `index` on the delimiter, the line end or the end of the text.
    private mutating func field(number: Int) throws(TabularError) -> String {
        var start = index
        while start < buffer.count, isPadding(buffer[start]) { start += 1 }
        if start < buffer.count, buffer[start] == Self.quote {
            index = start
            return try quotedField(number: number)
        }
        var end = index
        while end < buffer.count {
            let byte = buffer[end]
            if byte == delimiter || byte == Self.lf || byte == Self.cr { break }
            end += 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<end]), as: UTF8.self)
        index = end
        return intern(text)
    }

    /// The shared copy of a long cell's text (short ones are stored inline and need no sharing).
    private mutating func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        if let existing = interned.firstIndex(of: text) { return interned[existing] }
        if interned.count < Self.internLimit { interned.insert(text) }
        return text
    }

    /// Reads a quoted field; `index` is on the opening quote.
    private mutating func quotedField(number: Int) throws(TabularError) -> String {
        let startLine = line
        var position = index + 1
        var segmentStart = position
        scratch.removeAll(keepingCapacity: true)
        var escaped = false
        while true {
            guard position < buffer.count else {
                throw TabularError(source: source, line: startLine, column: number,
                                   reason: "quoted field is never closed (its opening quote is on line \(startLine))")
            }
            let byte = buffer[position]
            if byte == Self.quote {
                if position + 1 < buffer.count, buffer[position + 1] == Self.quote {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart...position]))
                    position += 2
                    segmentStart = position
                    escaped = true
                    continue
                }
                break
            }
            if byte == Self.lf || (byte == Self.cr && (position + 1 == buffer.count || buffer[position + 1] != Self.lf)) {
                line += 1
            }
            position += 1
        }
        let text: String
        if escaped {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[segmentStart..<position]))
            text = String(decoding: scratch, as: UTF8.self)
        } else {
            text = String(decoding: UnsafeBufferPointer(rebasing: buffer[segmentStart..<position]), as: UTF8.self)
        }
        position += 1
        while position < buffer.count, isPadding(buffer[position]) { position += 1 }
        if position < buffer.count {
            let byte = buffer[position]
            guard byte == delimiter || byte == Self.lf || byte == Self.cr else {
                throw TabularError(source: source, line: line, column: number,
                                   reason: "unexpected text after the closing quote of a field; "
                                       + "a quote inside a quoted field must be doubled (\"\")")
            }
        }
        index = position
        return text
    }
}
