import Foundation

/// Receives the events of one XML part; element names come without namespace prefix.
protocol XMLEventHandler: AnyObject {
    func startElement(_ name: Substring, attributes: [String: String])
    func endElement(_ name: Substring)
    func characters(_ text: String)
    /// A problem found by the handler itself; parsing stops when it is set.
    var failure: TabularError? { get }
}

/// Reads the XML of a package part and forwards elements, attributes and text to a handler.
///
/// Written here rather than taken from FoundationXML: `XMLParser` on Linux traps on inputs a file
/// can carry (an element name that is not valid UTF-8; a processing instruction without data, which
/// it hands to `strlen` as a null pointer), both found by Fuzz/FuzzXLSX, and an upload must never
/// stop the server. Spreadsheet parts need only elements, attributes, text, CDATA, character and the
/// five predefined entity references; a document type declaration is refused, so no entity is
/// ever expanded. Processing instructions and comments are skipped.
struct XMLScanner {
    /// The deepest nesting of elements accepted; spreadsheet parts stay below 10.
    static let maximumDepth = 256

    private let bytes: [UInt8]
    private let part: String
    private let source: String
    private var position = 0

    private init(bytes: [UInt8], part: String, source: String) {
        self.bytes = bytes
        self.part = part
        self.source = source
    }

    /// Parses `data`; throws the handler's failure or a syntax error naming `part`, its line and column.
    static func scan(_ data: Data, part: String, source: String, handler: any XMLEventHandler) throws(TabularError) {
        var scanner = XMLScanner(bytes: try text(of: data, part: part, source: source), part: part, source: source)
        try scanner.run(handler)
    }

    /// The part as UTF-8 bytes without byte-order mark: parts are UTF-8 or UTF-16 (ECMA-376 part 2).
    private static func text(of data: Data, part: String, source: String) throws(TabularError) -> [UInt8] {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            do {
                return try TextDecoding.utf16(data, littleEndian: data.first == 0xFF, skip: 2, source: source)
            } catch {
                throw TabularError(source: source, reason: "\(part) is not well-formed XML: \(error.reason)")
            }
        }
        if let bad = UTF8Validation.firstInvalidByte(in: data) {
            throw TabularError(source: source, reason: "\(part) is not well-formed XML: not valid UTF-8 at line "
                                   + "\(TextDecoding.lineNumber(of: bad, in: data)) (byte \(bad))")
        }
        return data.starts(with: [0xEF, 0xBB, 0xBF]) ? [UInt8](data.dropFirst(3)) : [UInt8](data)
    }

    private mutating func run(_ handler: any XMLEventHandler) throws(TabularError) {
        var open: [[UInt8]] = []
        var sawRoot = false
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                if open.isEmpty {
                    skipWhitespace()
                    guard position == bytes.count || bytes[position] == UInt8(ascii: "<") else {
                        throw problem("text outside the root element", at: position)
                    }
                } else {
                    handler.characters(try characterData(until: UInt8(ascii: "<")))
                }
                continue
            }
            let start = position
            if matches("<?") {
                try skip(past: "?>", what: "processing instruction", from: start)
            } else if matches("<!--") {
                try skip(past: "-->", what: "comment", from: start)
            } else if matches("<![CDATA[") {
                guard !open.isEmpty else { throw problem("CDATA outside the root element", at: start) }
                position += 9
                guard let end = find("]]>") else { throw problem("a CDATA section that never ends", at: start) }
                handler.characters(String(decoding: bytes[position..<end], as: UTF8.self))
                position = end + 3
            } else if matches("<!") {
                throw problem("a document type or other declaration; spreadsheet parts have none", at: start)
            } else if matches("</") {
                position += 2
                let name = readName()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                    throw problem("a closing tag that is not closed by \">\"", at: start)
                }
                position += 1
                guard let expected = open.popLast() else {
                    throw problem("closing tag </\(string(name))> without an opening tag", at: start)
                }
                guard expected == name else {
                    throw problem("closing tag </\(string(name))> where </\(string(expected))> was expected", at: start)
                }
                handler.endElement(Self.localName(string(name)))
            } else {
                position += 1
                let name = readName()
                guard !name.isEmpty else { throw problem("\"<\" that does not start a tag", at: start) }
                guard open.isEmpty ? !sawRoot : true else { throw problem("a second root element", at: start) }
                let (attributes, empty) = try readAttributes(tagStart: start)
                let local = Self.localName(string(name))
                handler.startElement(local, attributes: attributes)
                if let failure = handler.failure { throw failure }
                sawRoot = true
                if empty {
                    handler.endElement(local)
                } else {
                    guard open.count < Self.maximumDepth else {
                        throw problem("elements nested more than \(Self.maximumDepth) deep", at: start)
                    }
                    open.append(name)
                }
            }
            if let failure = handler.failure { throw failure }
        }
        if let unclosed = open.last {
            throw problem("the part ends before </\(string(unclosed))> (cut short?)", at: bytes.count)
        }
        guard sawRoot else { throw problem("no root element", at: bytes.count) }
    }

    // MARK: Tags

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private mutating func readName() -> [UInt8] {
        let start = position
        while position < bytes.count, !Self.isNameEnd(bytes[position]) { position += 1 }
        return Array(bytes[start..<position])
    }

    /// The attributes of a start tag up to its `>` or `/>`, and whether the element is empty.
    private mutating func readAttributes(tagStart: Int) throws(TabularError) -> ([String: String], Bool) {
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = skipWhitespace()
            guard position < bytes.count else { throw problem("a tag that is never closed", at: tagStart) }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return (attributes, false)
            }
            if matches("/>") {
                position += 2
                return (attributes, true)
            }
            let attributeStart = position
            guard hadSpace else { throw problem("attributes not separated by white space", at: attributeStart) }
            let name = string(readName())
            guard !name.isEmpty else { throw problem("an unexpected character in a tag", at: attributeStart) }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw problem("attribute \(name) without \"=\" and a value", at: attributeStart)
            }
            position += 1
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw problem("the value of attribute \(name) is not quoted", at: attributeStart)
            }
            let quote = bytes[position]
            position += 1
            let value = try characterData(until: quote, inAttribute: true)
            guard position < bytes.count else { throw problem("the value of attribute \(name) never ends", at: attributeStart) }
            position += 1
            guard attributes.updateValue(value, forKey: name) == nil else {
                throw problem("attribute \(name) appears twice in one tag", at: attributeStart)
            }
        }
    }

    // MARK: Text

    /// Text up to (not including) `terminator` or the end, with references replaced and line ends
    /// normalized; in an attribute value white space becomes a space and `<` is an error.
    private mutating func characterData(until terminator: UInt8, inAttribute: Bool = false) throws(TabularError) -> String {
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == terminator { break }
            switch byte {
            case UInt8(ascii: "&"):
                output.append(contentsOf: try reference())
                continue
            case UInt8(ascii: "<") where inAttribute:
                throw problem("\"<\" inside an attribute value", at: position)
            case 0x0D:
                output.append(inAttribute ? 0x20 : 0x0A)
                if position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
            case 0x0A where inAttribute, 0x09 where inAttribute:
                output.append(0x20)
            default:
                output.append(byte)
            }
            position += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The UTF-8 bytes of the reference at `position` (`&amp;`, `&#1575;`, `&#x627;`), moving past it.
    private mutating func reference() throws(TabularError) -> [UInt8] {
        let start = position
        var end = position + 1
        while end < bytes.count, end - start <= 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else {
            throw problem("\"&\" that does not start a reference such as &amp;", at: start)
        }
        let name = string(Array(bytes[(start + 1)..<end]))
        position = end + 1
        switch name {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default: break
        }
        var code: UInt32?
        if name.hasPrefix("#x") {
            code = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            code = UInt32(name.dropFirst(), radix: 10)
        } else {
            throw problem("unknown entity &\(name); (a part may use only &lt; &gt; &amp; &quot; &apos;)", at: start)
        }
        guard let code, code != 0, let scalar = Unicode.Scalar(code) else {
            throw problem("&\(name); is not a character", at: start)
        }
        return Array(String(Character(scalar)).utf8)
    }

    // MARK: Positions

    private func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for index in 0..<count where bytes[position + index] != buffer[index] { return false }
            return true
        }
    }

    /// The offset of the next `literal` from `position`, if any.
    private func find(_ literal: StaticString) -> Int? {
        literal.withUTF8Buffer { buffer -> Int? in
            guard let first = buffer.first, bytes.count >= buffer.count else { return nil }
            var index = position
            while index + buffer.count <= bytes.count {
                if bytes[index] == first, (1..<buffer.count).allSatisfy({ bytes[index + $0] == buffer[$0] }) {
                    return index
                }
                index += 1
            }
            return nil
        }
    }

    private mutating func skip(past literal: StaticString, what: String, from start: Int) throws(TabularError) {
        position += 2
        guard let end = find(literal) else { throw problem("a \(what) that never ends", at: start) }
        position = end + literal.utf8CodeUnitCount
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = position
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
        return position > start
    }

    private func string(_ name: [UInt8]) -> String {
        String(decoding: name, as: UTF8.self)
    }

    /// A syntax error at byte `offset`, located by line and column (in characters).
    private func problem(_ reason: String, at offset: Int) -> TabularError {
        let offset = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return TabularError(source: source, reason: "\(part) is not well-formed XML: \(reason) at line \(line), column \(column)")
    }

    /// An element name without its namespace prefix (`x:row` -> `row`).
    private static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }
}

extension Dictionary where Key == String, Value == String {
    /// The value of an attribute whatever its namespace prefix (`r:id` or `id`).
    func attribute(_ localName: String) -> String? {
        if let value = self[localName] { return value }
        return first { $0.key.hasSuffix(":" + localName) }?.value
    }
}
