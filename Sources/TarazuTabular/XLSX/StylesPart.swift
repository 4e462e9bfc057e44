/// The number format of each cell style (`<cellXfs>` of `xl/styles.xml`), classified for rendering.
final class StylesHandler: XMLEventHandler {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false
    let failure: TabularError? = nil

    /// The kind of each style index `s`.
    var kinds: [NumberFormatKind] {
        formatIDs.map { id in customFormats[id].map(NumberFormatKind.init(formatCode:)) ?? NumberFormatKind(builtIn: id) }
    }

    func startElement(_ name: Substring, attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    func endElement(_ name: Substring) {
        if name == "cellXfs" { inCellFormats = false }
    }

    func characters(_ text: String) {}
}
