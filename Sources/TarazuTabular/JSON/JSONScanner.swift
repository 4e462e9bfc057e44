/// A JSON tokenizer over UTF-8 bytes that keeps number literals as text and reports
/// positions as line and character column.
struct JSONScanner {
    /// Where the scanner stands; saved to come back to a value later.
    struct Mark {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    /// A value that may be a table cell.
    enum Scalar {
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    private let buffer: UnsafeBufferPointer<UInt8>
    let source: String
    var mark: Mark
    private var scratch: [UInt8] = []

    private static let maximumDepth = 512

    init(buffer: UnsafeBufferPointer<UInt8>, source: String) {
        self.buffer = buffer
        self.source = source
        mark = Mark(offset: 0, line: 1, lineStart: 0)
    }

    /// The 1-based line and character column of the current position.
    var lineAndColumn: (line: Int, column: Int) {
        let characters = buffer[mark.lineStart..<mark.offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (mark.line, characters + 1)
    }

    /// A syntax error at the current position.
    func error(_ reason: String) -> TabularError {
        let (line, column) = lineAndColumn
        return TabularError(source: source, line: line, column: column, reason: reason)
    }

    /// Skips white space and returns the next byte without consuming it (nil at the end).
    mutating func peek() -> UInt8? {
        while mark.offset < buffer.count {
            switch buffer[mark.offset] {
            case 0x20, 0x09:
                mark.offset += 1
            case 0x0A, 0x0D:
                if buffer[mark.offset] == 0x0D, mark.offset + 1 < buffer.count, buffer[mark.offset + 1] == 0x0A {
                    mark.offset += 1
                }
                mark.offset += 1
                mark.line += 1
                mark.lineStart = mark.offset
            default:
                return buffer[mark.offset]
            }
        }
        return nil
    }

    /// Consumes `byte` (after white space) or fails with "expected `what`".
    mutating func expect(_ byte: UInt8, _ what: String) throws(TabularError) {
        guard peek() == byte else { throw error("expected \(what)\(found)") }
        mark.offset += 1
    }

    /// Consumes `byte` if it comes next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        mark.offset += 1
        return true
    }

    /// After a member or element: true when another follows (a comma was read), false at `closing`.
    mutating func continues(before closing: UInt8) throws(TabularError) -> Bool {
        if consume(0x2C) { return true }
        if consume(closing) { return false }
        throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))'\(found)")
    }

    /// Fails unless only white space is left.
    mutating func expectEnd() throws(TabularError) {
        guard peek() == nil else { throw error("unexpected text after the end of the JSON value") }
    }

    private var found: String {
        guard mark.offset < buffer.count else { return ", found the end of the text" }
        let byte = buffer[mark.offset]
        return byte >= 0x21 && byte < 0x7F ? ", found '\(Character(Unicode.Scalar(byte)))'" : ""
    }

    /// Reads a string, a number, `true`, `false` or `null`; nil (nothing consumed) before `{` or `[`.
    mutating func scalar() throws(TabularError) -> Scalar? {
        guard let next = peek() else { throw error("expected a value\(found)") }
        switch next {
        case 0x22: return .string(try string())
        case 0x2D, 0x30...0x39: return .number(try number())
        case 0x74: try word("true"); return .bool(true)
        case 0x66: try word("false"); return .bool(false)
        case 0x6E: try word("null"); return .null
        case 0x7B, 0x5B: return nil
        default: throw error("expected a value\(found)")
        }
    }

    /// Skips one value of any kind, checking its syntax.
    mutating func skipValue(depth: Int = 0) throws(TabularError) {
        guard depth < Self.maximumDepth else { throw error("values are nested too deeply") }
        if try scalar() != nil { return }
        if consume(0x5B) {
            if consume(0x5D) { return }
            repeat { try skipValue(depth: depth + 1) } while try continues(before: 0x5D)
        } else {
            try expect(0x7B, "'{'")
            if consume(0x7D) { return }
            repeat {
                _ = try string()
                try expect(0x3A, "':'")
                try skipValue(depth: depth + 1)
            } while try continues(before: 0x7D)
        }
    }

    private mutating func word(_ text: String) throws(TabularError) {
        let count = text.utf8.count
        guard mark.offset + count <= buffer.count,
              buffer[mark.offset..<mark.offset + count].elementsEqual(text.utf8) else {
            throw error("expected a value\(found)")
        }
        mark.offset += count
    }

    /// Reads a number literal and returns its exact text.
    private mutating func number() throws(TabularError) -> String {
        let start = mark.offset
        var offset = start
        func digits(_ offset: inout Int) -> Int {
            let first = offset
            while offset < buffer.count, (0x30...0x39).contains(buffer[offset]) { offset += 1 }
            return offset - first
        }
        if buffer[offset] == 0x2D { offset += 1 }
        let integerStart = offset
        let integerDigits = digits(&offset)
        guard integerDigits > 0, integerDigits == 1 || buffer[integerStart] != 0x30 else {
            mark.offset = integerStart
            throw error(integerDigits == 0 ? "a number needs digits" : "a number must not start with 0")
        }
        if offset < buffer.count, buffer[offset] == 0x2E {
            offset += 1
            guard digits(&offset) > 0 else {
                mark.offset = offset
                throw error("expected digits after the decimal point")
            }
        }
        if offset < buffer.count, buffer[offset] == 0x65 || buffer[offset] == 0x45 {
            offset += 1
            if offset < buffer.count, buffer[offset] == 0x2B || buffer[offset] == 0x2D { offset += 1 }
            guard digits(&offset) > 0 else {
                mark.offset = offset
                throw error("expected digits in the exponent")
            }
        }
        mark.offset = offset
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<offset]), as: UTF8.self)
    }

    /// Reads a string (the scanner is before its opening quote) and decodes its escapes.
    mutating func string() throws(TabularError) -> String {
        try expect(0x22, "'\"'")
        let start = mark.offset
        var offset = start
        while offset < buffer.count, buffer[offset] != 0x22, buffer[offset] != 0x5C, buffer[offset] >= 0x20 {
            offset += 1
        }
        if offset < buffer.count, buffer[offset] == 0x22 {
            mark.offset = offset + 1
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<offset]), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<offset]))
        mark.offset = offset
        while true {
            guard mark.offset < buffer.count else { throw error("the string is never closed") }
            let byte = buffer[mark.offset]
            switch byte {
            case 0x22:
                mark.offset += 1
                return String(decoding: scratch, as: UTF8.self)
            case 0x5C:
                try escape()
            case 0x00..<0x20:
                throw error("control character in a string (write it as an escape such as \\n)")
            default:
                scratch.append(byte)
                mark.offset += 1
            }
        }
    }

    /// Decodes one escape sequence (the scanner is on the backslash) into `scratch`.
    private mutating func escape() throws(TabularError) {
        guard mark.offset + 1 < buffer.count else { throw error("the string is never closed") }
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C,
                                      0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
        let letter = buffer[mark.offset + 1]
        if let replacement = simple[letter] {
            scratch.append(replacement)
            mark.offset += 2
            return
        }
        guard letter == 0x75 else { throw error("unknown escape sequence in a string") }
        var unit = try hexUnit(at: mark.offset + 2)
        var length = 6
        if (0xD800..<0xDC00).contains(unit) {
            guard mark.offset + 7 < buffer.count, buffer[mark.offset + 6] == 0x5C, buffer[mark.offset + 7] == 0x75 else {
                throw error("unpaired surrogate in a \\u escape")
            }
            let low = try hexUnit(at: mark.offset + 8)
            guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in a \\u escape") }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            length = 12
        }
        guard let scalar = Unicode.Scalar(unit) else { throw error("unpaired surrogate in a \\u escape") }
        scratch.append(contentsOf: String(Character(scalar)).utf8)
        mark.offset += length
    }

    private func hexUnit(at offset: Int) throws(TabularError) -> UInt32 {
        guard offset + 4 <= buffer.count else { throw error("a \\u escape needs four hexadecimal digits") }
        var value: UInt32 = 0
        for byte in buffer[offset..<offset + 4] {
            switch byte {
            case 0x30...0x39: value = value << 4 | UInt32(byte - 0x30)
            case 0x41...0x46: value = value << 4 | UInt32(byte - 0x37)
            case 0x61...0x66: value = value << 4 | UInt32(byte - 0x57)
            default: throw error("a \\u escape needs four hexadecimal digits")
            }
        }
        return value
    }
}
