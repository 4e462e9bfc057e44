/// The sheet list and date system of `xl/workbook.xml`.
final class WorkbookHandler: XMLEventHandler {
    struct Sheet {
        var name: String
        var relationshipID: String
    }

    private(set) var sheets: [Sheet] = []
    /// True when serial dates count from 1904-01-01 (old Mac workbooks).
    private(set) var uses1904Dates = false
    let failure: TabularError? = nil

    func startElement(_ name: Substring, attributes: [String: String]) {
        switch name {
        case "sheet":
            if let sheetName = attributes["name"], let id = attributes.attribute("id") {
                sheets.append(Sheet(name: sheetName, relationshipID: id))
            }
        case "workbookPr":
            uses1904Dates = ["1", "true"].contains(attributes["date1904"])
        default:
            break
        }
    }

    func endElement(_ name: Substring) {}
    func characters(_ text: String) {}
}
