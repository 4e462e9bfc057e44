import Foundation

/// Writes tables as a minimal Office Open XML workbook that Excel and LibreOffice open.
///
/// One worksheet per table (sheet name = table name), the header in row 1 and the rows below it.
/// A cell whose text is a plain decimal number in canonical form with at most 15 significant
/// digits (`1403`, `-2.5`, not `007`, `1.0` or `+3`) is written as a number, so that spreadsheet
/// formulas work on amounts; every other cell, and every header cell, is an inline string.
/// Either way `XLSXReader` gives back the same text. Empty cells are left out.
public enum XLSXWriter {
    /// The .xlsx bytes of `tables`; throws when a table name is not a valid sheet name.
    public static func write(_ tables: [RawTable]) throws(TabularError) -> Data {
        try checkSheetNames(tables)
        var parts: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(contentTypes(sheetCount: tables.count).utf8)),
            ("_rels/.rels", Data(OOXMLParts.rootRelationships.utf8)),
            ("xl/workbook.xml", Data(workbook(tables).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheetCount: tables.count).utf8)),
            ("xl/styles.xml", Data(OOXMLParts.styles.utf8)),
        ]
        for (index, table) in tables.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(table)))
        }
        return try ZIPPackageWriter.zip(parts)
    }

    /// Excel's rules: 1-31 characters, none of `: \ / ? * [ ]`, no apostrophe at either end, unique ignoring case.
    private static func checkSheetNames(_ tables: [RawTable]) throws(TabularError) {
        var seen: Set<String> = []
        for table in tables {
            let name = table.name
            var problem: String?
            if name.isEmpty || name.utf16.count > 31 {
                problem = "must have 1 to 31 characters"
            } else if name.contains(where: { ":\\/?*[]".contains($0) }) {
                problem = "must not contain any of : \\ / ? * [ ]"
            } else if name.hasPrefix("'") || name.hasSuffix("'") {
                problem = "must not begin or end with an apostrophe"
            } else if !seen.insert(name.lowercased()).inserted {
                problem = "is used twice (sheet names are compared ignoring case)"
            }
            if let problem {
                throw TabularError(source: table.source, reason: "cannot write table \"\(name)\" as an XLSX sheet: "
                                       + "a sheet name \(problem)")
            }
        }
    }

    private static func contentTypes(sheetCount: Int) -> String {
        var xml = OOXMLParts.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 0..<sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static func workbook(_ tables: [RawTable]) -> String {
        var xml = OOXMLParts.declaration
            + "<workbook xmlns=\"\(OOXMLParts.mainNamespace)\" xmlns:r=\"\(OOXMLParts.relationshipNamespace)\"><sheets>"
        for (index, table) in tables.enumerated() {
            xml += "<sheet name=\"\(OOXMLText.escaped(table.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var xml = OOXMLParts.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 0..<sheetCount {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(OOXMLParts.relationshipNamespace)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(OOXMLParts.relationshipNamespace)/styles\" "
            + "Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    private static func worksheet(_ table: RawTable) -> Data {
        let width = table.rows.reduce(table.header.count) { max($0, $1.cells.count) }
        let letters = width == 0 ? [] : (1...width).map { Array(CellReference.letters(column: $0).utf8) }
        var xml: [UInt8] = []
        xml.append(contentsOf: (OOXMLParts.declaration + "<worksheet xmlns=\"\(OOXMLParts.mainNamespace)\"><sheetData>").utf8)
        appendRow(table.header, number: 1, numbersAllowed: false, letters: letters, to: &xml)
        for (index, row) in table.rows.enumerated() {
            appendRow(row.cells, number: index + 2, numbersAllowed: true, letters: letters, to: &xml)
        }
        xml.append(contentsOf: "</sheetData></worksheet>".utf8)
        return Data(xml)
    }

    private static func appendRow(_ cells: [String], number: Int, numbersAllowed: Bool, letters: [[UInt8]],
                                  to xml: inout [UInt8]) {
        let digits = Array(String(number).utf8)
        xml.append(contentsOf: "<row r=\"".utf8)
        xml.append(contentsOf: digits)
        xml.append(contentsOf: "\">".utf8)
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            xml.append(contentsOf: "<c r=\"".utf8)
            xml.append(contentsOf: letters[index])
            xml.append(contentsOf: digits)
            if numbersAllowed, isCanonicalNumber(cell) {
                xml.append(contentsOf: "\"><v>".utf8)
                xml.append(contentsOf: cell.utf8)
                xml.append(contentsOf: "</v></c>".utf8)
            } else {
                let space = cell.first?.isWhitespace == true || cell.last?.isWhitespace == true
                xml.append(contentsOf: (space ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                                            : "\" t=\"inlineStr\"><is><t>").utf8)
                OOXMLText.appendCellText(cell, to: &xml)
                xml.append(contentsOf: "</t></is></c>".utf8)
            }
        }
        xml.append(contentsOf: "</row>".utf8)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?` with at most 15 significant digits: text that a
    /// spreadsheet stores exactly as a number and `XLSXReader` renders back identically.
    static func isCanonicalNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == 0x2D { bytes = bytes.dropFirst() }
        let integer = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !integer.isEmpty, integer.count == 1 || integer.first != 0x30 else { return false }
        bytes = bytes.dropFirst(integer.count)
        var fraction = Substring().utf8
        if bytes.first == 0x2E {
            fraction = bytes.dropFirst()
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), fraction.last != 0x30 else {
                return false
            }
        } else if !bytes.isEmpty {
            return false
        }
        if integer.elementsEqual("0".utf8), text.hasPrefix("-"), fraction.isEmpty { return false }
        let significant = (integer.first == 0x30 ? fraction.drop { $0 == 0x30 }.count : integer.count + fraction.count)
        return significant <= 15
    }
}
