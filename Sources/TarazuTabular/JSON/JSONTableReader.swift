import Foundation

/// Reads tables given as JSON, keeping number literals exact.
///
/// Accepted shapes: an object whose keys are table names and whose values are arrays of records
/// (`{"regions": [{"region_code": "1", ...}], "budget_lines": [...]}`; members that are not arrays,
/// such as `"name": "tabriz"` or `"city": {...}`, are metadata for the caller and skipped), or a data package with
/// inline data (`{"resources": [{"name": "regions", "data": [...]}]}`; other keys are ignored, and
/// so are resources without `data`). A record is an object; the header is the union of the
/// records' keys (trimmed) in first-seen order. Cells: strings as they are, numbers as their
/// literal text (an exponent is expanded exactly: `4e17` -> `400000000000000000`), `true`/`false`,
/// null as an empty cell. A row's `line` is the record's 1-based index in its array.
/// Syntax errors give the line and character column in the JSON text.
public enum JSONTableReader {
    /// Reads the tables of `data`; each table's source is `source[table name]`.
    public static func read(_ data: Data, source: String) throws(TabularError) -> [RawTable] {
        let text = try TextDecoding.decode(data, source: source, allowLegacy: false)
        let outcome = text.bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<[RawTable], TabularError> in
            var scanner = JSONScanner(buffer: raw.bindMemory(to: UInt8.self), source: source)
            return Result { () throws(TabularError) in try tables(&scanner) }
        }
        return try outcome.get()
    }

    private static func tables(_ scanner: inout JSONScanner) throws(TabularError) -> [RawTable] {
        guard scanner.peek() == 0x7B else {
            throw scanner.error("the JSON text must be an object of tables ({\"regions\": [...], ...}) "
                                    + "or a data package ({\"resources\": [...]})")
        }
        let members = try objectMembers(&scanner)
        try scanner.expectEnd()
        if let resources = members.first(where: { $0.key == "resources" }) {
            scanner.mark = resources.mark
            return try resourceTables(&scanner)
        }
        var tables: [RawTable] = []
        for member in members {
            scanner.mark = member.mark
            guard scanner.peek() == 0x5B else { continue }
            if tables.contains(where: { $0.name == member.key }) {
                scanner.mark = member.mark
                throw scanner.error("table \"\(member.key)\" is given twice")
            }
            scanner.mark = member.mark
            tables.append(try table(named: member.key, &scanner))
        }
        return tables
    }

    /// The keys of an object and where each value starts; the values are skipped (syntax checked).
    private static func objectMembers(_ scanner: inout JSONScanner) throws(TabularError)
        -> [(key: String, mark: JSONScanner.Mark)] {
        var members: [(key: String, mark: JSONScanner.Mark)] = []
        try scanner.expect(0x7B, "'{'")
        if scanner.consume(0x7D) { return members }
        repeat {
            let key = try scanner.string()
            try scanner.expect(0x3A, "':' after an object key")
            _ = scanner.peek()
            members.append((key, scanner.mark))
            try scanner.skipValue()
        } while try scanner.continues(before: 0x7D)
        return members
    }

    /// The tables of a `resources` array: each resource with `data` and a `name`.
    private static func resourceTables(_ scanner: inout JSONScanner) throws(TabularError) -> [RawTable] {
        guard scanner.peek() == 0x5B else { throw scanner.error("\"resources\" must be an array of resources") }
        try scanner.expect(0x5B, "'['")
        var resources: [(start: JSONScanner.Mark, members: [(key: String, mark: JSONScanner.Mark)])] = []
        if !scanner.consume(0x5D) {
            repeat {
                guard scanner.peek() == 0x7B else { throw scanner.error("a resource must be an object") }
                resources.append((scanner.mark, try objectMembers(&scanner)))
            } while try scanner.continues(before: 0x5D)
        }
        var tables: [RawTable] = []
        for resource in resources {
            guard let data = resource.members.first(where: { $0.key == "data" }) else { continue }
            guard let nameMember = resource.members.first(where: { $0.key == "name" }) else {
                scanner.mark = resource.start
                throw scanner.error("a resource with \"data\" has no \"name\"")
            }
            scanner.mark = nameMember.mark
            guard case .string(let name)? = try scanner.scalar() else {
                scanner.mark = nameMember.mark
                throw scanner.error("a resource's \"name\" must be a string")
            }
            scanner.mark = data.mark
            tables.append(try table(named: name, &scanner))
        }
        return tables
    }

    /// Reads an array of records as a table.
    private static func table(named name: String, _ scanner: inout JSONScanner) throws(TabularError) -> RawTable {
        let tableSource = "\(scanner.source)[\(name)]"
        guard scanner.peek() == 0x5B else {
            throw scanner.error("the value of \"\(name)\" must be an array of records (objects)")
        }
        try scanner.expect(0x5B, "'['")
        var header: [String] = []
        var columns: [String: Int] = [:]
        var rows: [RawRow] = []
        if !scanner.consume(0x5D) {
            repeat {
                let index = rows.count + 1
                guard scanner.peek() == 0x7B else {
                    throw scanner.error("record \(index) of \"\(name)\" is not an object")
                }
                try scanner.expect(0x7B, "'{'")
                var cells = [String](repeating: "", count: header.count)
                var given = [Bool](repeating: false, count: header.count)
                if !scanner.consume(0x7D) {
                    repeat {
                        let key = try scanner.string().trimmingCharacters(in: .whitespacesAndNewlines)
                        try scanner.expect(0x3A, "':' after an object key")
                        let column: Int
                        if let known = columns[key] {
                            column = known
                        } else {
                            column = header.count
                            columns[key] = column
                            header.append(key)
                            cells.append("")
                            given.append(false)
                        }
                        if column >= cells.count {
                            cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count))
                            given.append(contentsOf: repeatElement(false, count: column + 1 - given.count))
                        }
                        if given[column] {
                            throw TabularError(source: tableSource, line: index,
                                               reason: "key \"\(key)\" appears twice in record \(index) "
                                                   + "(\(position(scanner)))")
                        }
                        given[column] = true
                        _ = scanner.peek()
                        let valueMark = scanner.mark
                        guard let value = try scanner.scalar() else {
                            scanner.mark = valueMark
                            let kind = scanner.peek() == 0x7B ? "an object" : "an array"
                            throw TabularError(source: tableSource, line: index,
                                               reason: "key \"\(key)\" of record \(index) holds \(kind); a cell "
                                                   + "must be a string, number, boolean or null (\(position(scanner)))")
                        }
                        cells[column] = cellText(value)
                    } while try scanner.continues(before: 0x7D)
                }
                rows.append(RawRow(line: index, cells: cells))
            } while try scanner.continues(before: 0x5D)
        }
        for index in rows.indices where rows[index].cells.count < header.count {
            rows[index].cells.append(contentsOf: repeatElement("", count: header.count - rows[index].cells.count))
        }
        return RawTable(source: tableSource, name: name, headerLine: 0, header: header, rows: rows)
    }

    private static func cellText(_ value: JSONScanner.Scalar) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return ""
        case .number(let literal):
            guard literal.utf8.contains(where: { $0 == 0x65 || $0 == 0x45 }) else { return literal }
            return DecimalText(literal)?.plainText ?? literal
        }
    }

    private static func position(_ scanner: JSONScanner) -> String {
        let (line, column) = scanner.lineAndColumn
        return "line \(line), column \(column) of the JSON text"
    }
}
