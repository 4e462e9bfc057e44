import Foundation

/// Text bytes turned into UTF-8, with the encoding they were read in.
struct DecodedText {
    var bytes: Data
    var encoding: SourceEncoding
    /// The offsets in `bytes` of the bytes that are not valid UTF-8, ascending: only for text read as
    /// UTF-8 that the caller locates cell by cell (see `TextDecoding.decode`). Empty otherwise.
    var invalid: [Int] = []
    /// True when UTF-8 was asked for (or announced by a byte-order mark), false when it was detected.
    var stated = false
}

/// Detects the encoding of a text file and converts it to UTF-8 bytes.
enum TextDecoding {
    /// Reads `data` in `encoding`.
    ///
    /// Detection (`.automatic`): UTF-8 (with or without byte-order mark) and UTF-16 with byte-order mark
    /// are read as such. Bytes that are not UTF-8 at all are read as Windows-1256 when `allowLegacy` is
    /// set; bytes that are mostly UTF-8 (``UTF8Validation/isMostlyUTF8(multibyte:invalid:)``) are not:
    /// the result lists the invalid bytes in `invalid`, for the caller to report each.
    /// When `allowLegacy` is not set any invalid UTF-8 byte is an error, located by line.
    static func decode(_ data: Data, source: String, encoding: TextEncoding = .automatic,
                       allowLegacy: Bool) throws(TabularError) -> DecodedText {
        let bytes = data
        let utf8BOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let utf16BOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        switch encoding {
        case .automatic:
            break
        case .utf8:
            if utf16BOM {
                throw TabularError(source: source, reason: "the file starts with a UTF-16 byte-order mark, but UTF-8 was asked for")
            }
            let body = utf8BOM ? bytes.dropFirst(3) : bytes
            try checkText(body, source: source)
            return try located(DecodedText(bytes: body, encoding: utf8BOM ? .utf8WithBOM : .utf8, stated: true),
                               source: source, allowLegacy: allowLegacy)
        case .windows1256:
            if utf8BOM || utf16BOM {
                throw TabularError(source: source, reason: "the file starts with a \(utf8BOM ? "UTF-8" : "UTF-16") byte-order mark, "
                                       + "but Windows-1256 was asked for")
            }
            try checkText(bytes, source: source)
            try checkControlCharacters(bytes, source: source, detail: "")
            return DecodedText(bytes: Data(Windows1256.utf8(from: bytes)), encoding: .windows1256)
        case .utf16:
            if utf8BOM {
                throw TabularError(source: source, reason: "the file starts with a UTF-8 byte-order mark, but UTF-16 was asked for")
            }
            let big = bytes.starts(with: [0xFE, 0xFF])
            return DecodedText(bytes: Data(try utf16(bytes, littleEndian: !big, skip: utf16BOM ? 2 : 0, source: source)),
                               encoding: big ? .utf16BE : .utf16LE)
        }
        if utf8BOM {
            return try located(DecodedText(bytes: bytes.dropFirst(3), encoding: .utf8WithBOM, stated: true),
                               source: source, allowLegacy: allowLegacy)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(bytes: Data(try utf16(bytes, littleEndian: true, skip: 2, source: source)), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(bytes: Data(try utf16(bytes, littleEndian: false, skip: 2, source: source)), encoding: .utf16BE)
        }
        try checkText(bytes, source: source)
        let counts = UTF8Validation.count(in: bytes)
        guard counts.invalid > 0 else { return DecodedText(bytes: bytes, encoding: .utf8) }
        guard allowLegacy else {
            let bad = UTF8Validation.firstInvalidByte(in: bytes) ?? 0
            throw TabularError(source: source, line: lineNumber(of: bad, in: bytes),
                               reason: "the file is not valid UTF-8 (byte \(bad))")
        }
        if UTF8Validation.isMostlyUTF8(multibyte: counts.multibyte, invalid: counts.invalid) {
            return DecodedText(bytes: bytes, encoding: .utf8, invalid: UTF8Validation.invalidOffsets(in: bytes))
        }
        let bad = UTF8Validation.firstInvalidByte(in: bytes) ?? 0
        try checkControlCharacters(bytes, source: source, detail: "invalid UTF-8 at byte \(bad), ")
        return DecodedText(bytes: Data(Windows1256.utf8(from: bytes)), encoding: .windows1256)
    }

    /// `text` with its invalid UTF-8 bytes listed, or the error at the first one when the caller does
    /// not locate them itself.
    private static func located(_ text: DecodedText, source: String, allowLegacy: Bool) throws(TabularError) -> DecodedText {
        var text = text
        if allowLegacy {
            text.invalid = UTF8Validation.invalidOffsets(in: text.bytes)
        } else if let bad = UTF8Validation.firstInvalidByte(in: text.bytes) {
            let skipped = text.encoding == .utf8WithBOM ? 3 : 0
            throw TabularError(source: source, line: lineNumber(of: bad, in: text.bytes),
                               reason: "the file is not valid UTF-8 (byte \(bad + skipped))")
        }
        return text
    }

    /// Rejects ZIP archives and bytes with NUL, which no text table has.
    private static func checkText(_ bytes: Data, source: String) throws(TabularError) {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw TabularError(source: source, reason: "this is a ZIP archive (an XLSX workbook?), not a text file")
        }
        if let nul = bytes.withUnsafeBytes({ $0.firstIndex(of: 0) }) {
            throw TabularError(source: source, line: lineNumber(of: nul, in: bytes),
                               reason: "the file contains NUL bytes: it is not a text file, or it is UTF-16 "
                                   + "without a byte-order mark; save it as UTF-8")
        }
    }

    /// Windows-1256 assigns every byte, so only control characters betray binary data.
    private static func checkControlCharacters(_ bytes: Data, source: String, detail: String) throws(TabularError) {
        let control = bytes.withUnsafeBytes { buffer in
            buffer.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D }
        }
        if let control {
            throw TabularError(source: source, line: lineNumber(of: control, in: bytes),
                               reason: "the file is neither UTF-8 nor Windows-1256 text (\(detail)control character at byte "
                                   + "\(control)); save it as UTF-8 CSV")
        }
    }

    /// The 1-based line (LF, CR or CRLF ends a line) holding byte `offset`.
    static func lineNumber(of offset: Int, in bytes: Data) -> Int {
        bytes.withUnsafeBytes { buffer in
            var line = 1
            for index in 0..<offset where buffer[index] == 0x0A
                || (buffer[index] == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A)) {
                line += 1
            }
            return line
        }
    }

    /// UTF-16 text (after `skip` bytes of byte-order mark) as UTF-8 bytes; an unpaired surrogate is an
    /// error located by line.
    static func utf16(_ bytes: Data, littleEndian: Bool, skip: Int, source: String) throws(TabularError) -> [UInt8] {
        guard bytes.count % 2 == 0 else {
            throw TabularError(source: source, reason: "the file \(skip > 0 ? "announces" : "was to be read as") UTF-16 "
                                   + "but has an odd number of bytes")
        }
        let bytes = [UInt8](bytes)
        var units: [UInt16] = []
        units.reserveCapacity(max(0, bytes.count / 2 - 1))
        var index = skip
        while index + 1 < bytes.count {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count * 2)
        var line = 1
        var position = 0
        while position < units.count {
            let unit = units[position]
            if unit == 0x0A || (unit == 0x0D && (position + 1 == units.count || units[position + 1] != 0x0A)) { line += 1 }
            var scalar = Unicode.Scalar(unit)
            if (0xD800..<0xDC00).contains(unit), position + 1 < units.count, (0xDC00..<0xE000).contains(units[position + 1]) {
                scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[position + 1]) - 0xDC00))
                position += 1
            }
            guard let scalar else {
                throw TabularError(source: source, line: line,
                                   reason: "invalid UTF-16: unpaired surrogate 0x\(String(unit, radix: 16, uppercase: true)) "
                                       + "(byte \(skip + 2 * position))")
            }
            output.append(contentsOf: String(Character(scalar)).utf8)
            position += 1
        }
        return output
    }
}

/// Strict UTF-8 validation (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// The offset of the first byte that does not start a valid sequence, or nil when all bytes are valid.
    static func firstInvalidByte(in bytes: Data) -> Int? {
        var first: Int?
        scan(bytes) { offset in
            first = offset
            return false
        }
        return first
    }

    /// The offsets of every byte that does not start a valid sequence (after an invalid byte the scan
    /// goes on with the next byte).
    static func invalidOffsets(in bytes: Data) -> [Int] {
        var offsets: [Int] = []
        scan(bytes) { offset in
            offsets.append(offset)
            return true
        }
        return offsets
    }

    /// How many valid multi-byte sequences and invalid bytes `bytes` holds.
    static func count(in bytes: Data) -> (multibyte: Int, invalid: Int) {
        var invalid = 0
        let multibyte = scan(bytes) { _ in
            invalid += 1
            return true
        }
        return (multibyte, invalid)
    }

    /// Whether text with `multibyte` valid multi-byte sequences and `invalid` invalid bytes is UTF-8
    /// with some damage rather than text in a legacy code page.
    ///
    /// Windows-1256 Persian text forms a valid UTF-8 pair only by chance (a letter in 0xC2...0xDF, such
    /// as ب or س, before one in 0x80...0xBF, such as ک or گ): a few percent of its letters, while almost
    /// every other letter is an invalid byte. So text with at least one valid sequence for every four
    /// invalid bytes is taken as UTF-8: reading it as Windows-1256 would silently garble every valid
    /// sequence, while taking it as UTF-8 reports the invalid bytes.
    static func isMostlyUTF8(multibyte: Int, invalid: Int) -> Bool {
        multibyte > 0 && multibyte >= invalid / 4
    }

    /// Walks `bytes`, calling `invalid` with the offset of each byte that does not start a valid
    /// sequence (it returns false to stop); returns the number of valid multi-byte sequences seen.
    @discardableResult @inline(__always)
    private static func scan(_ bytes: Data, invalid: (Int) -> Bool) -> Int {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int in
            let buffer = raw.bindMemory(to: UInt8.self)
            let count = buffer.count
            var index = 0
            var multibyte = 0
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard let length = sequenceLength(buffer, at: index) else {
                    guard invalid(index) else { return multibyte }
                    index += 1
                    continue
                }
                multibyte += 1
                index += length
            }
            return multibyte
        }
    }

    /// The length of the valid sequence starting at `index` (a byte of 0x80 or more), or nil.
    @inline(__always)
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let count = buffer.count
        let lead = buffer[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard index + length <= count, (low...high).contains(buffer[index + 1]) else { return nil }
        var next = index + 2
        while next < index + length {
            guard buffer[next] & 0xC0 == 0x80 else { return nil }
            next += 1
        }
        return length
    }
}
