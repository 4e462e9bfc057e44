import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives SAX events of one XML part; element names come without namespace prefix.
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: Substring, attributes: [String: String])
    func endElement(_ name: Substring)
    func characters(_ text: String)
    /// A problem found by the handler itself; parsing stops when it is set.
    var failure: TabularError? { get }
}

/// Runs FoundationXML's `XMLParser` over a part and forwards its events to a handler.
final class XMLScanner: NSObject, XMLParserDelegate {
    private let handler: any XMLEventHandler

    private init(handler: any XMLEventHandler) {
        self.handler = handler
    }

    /// Parses `data`; throws the handler's failure or a syntax error naming `part`.
    static func scan(_ data: Data, part: String, source: String, handler: any XMLEventHandler) throws(TabularError) {
        // FoundationXML traps on an element name that is not valid UTF-8 (found by Fuzz/FuzzXLSX).
        // Package parts are UTF-8 or UTF-16 (ECMA-376 part 2): without a UTF-16 byte-order mark, check.
        if !(data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])),
           let bad = UTF8Validation.firstInvalidByte(in: data) {
            throw TabularError(source: source, reason: "\(part) is not well-formed XML: not valid UTF-8 at line "
                                   + "\(TextDecoding.lineNumber(of: bad, in: data)) (byte \(bad))")
        }
        let scanner = XMLScanner(handler: handler)
        // Fed as a stream: on Linux `XMLParser(data:)` fails on parts of some megabytes with error 1
        // (swift-corelibs-foundation issue 4851).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = scanner
        let succeeded = parser.parse()
        if let failure = handler.failure { throw failure }
        // On Linux `parse()` may return true after an error such as a truncated part
        // (swift-corelibs-foundation issue 5281): check both.
        if !succeeded || parser.parserError != nil {
            let code = parser.parserError.map { " (parser error code \(($0 as NSError).code))" } ?? ""
            throw TabularError(source: source, reason: "\(part) is not well-formed XML: problem at line "
                                   + "\(parser.lineNumber), column \(parser.columnNumber)\(code)")
        }
    }

    /// An element name without its namespace prefix (`x:row` -> `row`).
    private static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        handler.startElement(Self.localName(elementName), attributes: attributeDict)
        if handler.failure != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        handler.endElement(Self.localName(elementName))
        if handler.failure != nil { parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        handler.characters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        handler.characters(String(decoding: CDATABlock, as: UTF8.self))
    }
}

extension Dictionary where Key == String, Value == String {
    /// The value of an attribute whatever its namespace prefix (`r:id` or `id`).
    func attribute(_ localName: String) -> String? {
        if let value = self[localName] { return value }
        return first { $0.key.hasSuffix(":" + localName) }?.value
    }
}
