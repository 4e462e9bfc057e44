/// The shared string table (`xl/sharedStrings.xml`): plain `<si><t>` and rich text runs `<si><r><t>`;
/// phonetic runs (`<rPh>`) are left out.
final class SharedStringsHandler: XMLEventHandler {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0
    let failure: TabularError? = nil

    func startElement(_ name: Substring, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func endElement(_ name: Substring) {
        switch name {
        case "si": strings.append(OOXMLText.unescape(current))
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func characters(_ text: String) {
        if inText { current += text }
    }
}
