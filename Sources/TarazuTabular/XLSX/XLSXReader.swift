import Foundation

/// Reads the worksheets of an Office Open XML workbook (.xlsx) as raw text tables.
///
/// One table per worksheet, in workbook order, named after the sheet; chart sheets are skipped.
/// Cells come from shared strings (rich text runs joined), inline strings, cached formula
/// results, booleans (`true`/`false`) and numbers, which are written in plain decimal notation
/// with at most 15 significant digits, as Excel shows them (`3.5E+17` -> `350000000000000000`).
/// Numbers whose style has a date format become `yyyy-mm-dd` (`yyyy-mm-dd hh:mm:ss` when the
/// format also shows the time, `hh:mm:ss` for time formats). Rows keep their sheet row numbers
/// and cells their column (gaps become empty cells); the first row with a value is the header.
public enum XLSXReader {
    /// Reads all worksheets of `data`; each table's source is `source[sheet name]`.
    public static func read(_ data: Data, source: String) throws(TabularError) -> [RawTable] {
        let package = try XLSXPackage(data: data, source: source)
        let workbookPath = try package.relationships(of: "").first { $0.kind == "officeDocument" }?.target
            ?? "xl/workbook.xml"
        let workbook = WorkbookHandler()
        try XMLScanner.scan(try package.requiredPart(workbookPath), part: workbookPath, source: source,
                            handler: workbook)
        let relationships = try package.relationships(of: workbookPath)

        var sharedStrings: [String] = []
        if let path = relationships.first(where: { $0.kind == "sharedStrings" })?.target {
            let handler = SharedStringsHandler()
            try XMLScanner.scan(try package.requiredPart(path), part: path, source: source, handler: handler)
            sharedStrings = handler.strings
        }
        var styleKinds: [NumberFormatKind] = []
        if let path = relationships.first(where: { $0.kind == "styles" })?.target {
            let handler = StylesHandler()
            try XMLScanner.scan(try package.requiredPart(path), part: path, source: source, handler: handler)
            styleKinds = handler.kinds
        }

        var tables: [RawTable] = []
        for sheet in workbook.sheets {
            guard let relationship = relationships.first(where: { $0.id == sheet.relationshipID }) else {
                throw TabularError(source: source, reason: "not a valid XLSX workbook: sheet \"\(sheet.name)\" "
                                       + "has no part (relationship \(sheet.relationshipID) is missing)")
            }
            guard relationship.kind == "worksheet" else { continue }
            let handler = WorksheetHandler(source: "\(source)[\(sheet.name)]", sharedStrings: sharedStrings,
                                           styleKinds: styleKinds, uses1904Dates: workbook.uses1904Dates)
            try XMLScanner.scan(try package.requiredPart(relationship.target), part: relationship.target,
                                source: source, handler: handler)
            tables.append(handler.assembler.table(name: sheet.name, encoding: .utf8))
        }
        return tables
    }
}
