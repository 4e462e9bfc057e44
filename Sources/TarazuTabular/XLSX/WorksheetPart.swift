/// Reads the cells of one worksheet part (`<sheetData><row r><c r t s><v>|<is>`) into a table.
final class WorksheetHandler: XMLEventHandler {
    private let sharedStrings: [String]
    private let styleKinds: [NumberFormatKind]
    private let uses1904Dates: Bool
    private(set) var assembler: TableAssembler
    private(set) var failure: TabularError?

    private var inSheetData = false
    private var rowNumber = 0
    private var cells: [String] = []
    private var column = 0
    private var cellType: String?
    private var cellStyle = 0
    private var text = ""
    private var capturing = false
    private var inInlineString = false
    private var phoneticDepth = 0

    init(source: String, sharedStrings: [String], styleKinds: [NumberFormatKind], uses1904Dates: Bool) {
        self.sharedStrings = sharedStrings
        self.styleKinds = styleKinds
        self.uses1904Dates = uses1904Dates
        assembler = TableAssembler(source: source, naming: .letters)
    }

    func startElement(_ name: Substring, attributes: [String: String]) {
        guard inSheetData else {
            if name == "sheetData" { inSheetData = true }
            return
        }
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = 0
        case "c":
            column = attributes["r"].flatMap(CellReference.column(of:)) ?? column + 1
            cellType = attributes["t"]
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            text = ""
        case "v":
            capturing = true
        case "is":
            inInlineString = true
        case "rPh":
            phoneticDepth += 1
        case "t":
            capturing = inInlineString && phoneticDepth == 0
        default:
            break
        }
    }

    func endElement(_ name: Substring) {
        guard inSheetData else { return }
        switch name {
        case "v", "t":
            capturing = false
        case "is":
            inInlineString = false
        case "rPh":
            phoneticDepth -= 1
        case "c":
            let value = cellValue()
            guard !value.isEmpty else { return }
            if cells.count < column { cells.append(contentsOf: repeatElement("", count: column - cells.count)) }
            cells[column - 1] = value
        case "row":
            do throws(TabularError) {
                try assembler.add(line: rowNumber, cells: cells)
            } catch {
                failure = error
            }
        case "sheetData":
            inSheetData = false
        default:
            break
        }
    }

    func characters(_ string: String) {
        if capturing { text += string }
    }

    /// The text of the cell just closed, according to its type and number format.
    private func cellValue() -> String {
        switch cellType {
        case "s":
            guard let index = Int(text), sharedStrings.indices.contains(index) else {
                if !text.isEmpty {
                    failure = TabularError(source: assembler.source, line: rowNumber, column: column,
                                           reason: "cell \(reference) refers to shared string \(text), "
                                               + "which the workbook does not have")
                }
                return ""
            }
            return sharedStrings[index]
        case "inlineStr", "str":
            return OOXMLText.unescape(text)
        case "b":
            return text == "1" ? "true" : text == "0" ? "false" : text
        case "e", "d":
            return text
        default:
            guard let number = DecimalText(text) else { return text }
            let kind = styleKinds.indices.contains(cellStyle) ? styleKinds[cellStyle] : .number
            if kind != .number, let date = SerialDate.text(serial: number, kind: kind, uses1904: uses1904Dates) {
                return date
            }
            // Excel shows 15 significant digits; further digits of the stored binary double are
            // artefacts (0.1 + 0.2 is stored as 0.30000000000000004).
            var rounded = number
            rounded.round(significantDigits: 15)
            return rounded.plainText
        }
    }

    private var reference: String { CellReference.letters(column: column) + String(rowNumber) }
}
