import Foundation

/// Text bytes turned into UTF-8, with the encoding they were read in.
struct DecodedText {
    var bytes: Data
    var encoding: SourceEncoding
}

/// Detects the encoding of a text file and converts it to UTF-8 bytes.
enum TextDecoding {
    /// UTF-8 (with or without byte-order mark) and UTF-16 with byte-order mark are read as such;
    /// other bytes that are not valid UTF-8 are read as Windows-1256 when `allowLegacy` is set.
    static func decode(_ data: Data, source: String, allowLegacy: Bool) throws(TabularError) -> DecodedText {
        let bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes.dropFirst(3)
            if let bad = UTF8Validation.firstInvalidByte(in: body) {
                throw TabularError(source: source, line: lineNumber(of: bad, in: body),
                                   reason: "the file starts with a UTF-8 byte-order mark but is not valid UTF-8 "
                                       + "(byte \(bad + 3))")
            }
            return DecodedText(bytes: body, encoding: .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(bytes: Data(try utf16(bytes, littleEndian: true, source: source)), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(bytes: Data(try utf16(bytes, littleEndian: false, source: source)), encoding: .utf16BE)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw TabularError(source: source, reason: "this is a ZIP archive (an XLSX workbook?), not a text file")
        }
        if let nul = bytes.withUnsafeBytes({ $0.firstIndex(of: 0) }) {
            throw TabularError(source: source, line: lineNumber(of: nul, in: bytes),
                               reason: "the file contains NUL bytes: it is not a text file, or it is UTF-16 "
                                   + "without a byte-order mark; save it as UTF-8")
        }
        guard let bad = UTF8Validation.firstInvalidByte(in: bytes) else {
            return DecodedText(bytes: bytes, encoding: .utf8)
        }
        guard allowLegacy else {
            throw TabularError(source: source, line: lineNumber(of: bad, in: bytes),
                               reason: "the file is not valid UTF-8 (byte \(bad))")
        }
        // Windows-1256 assigns every byte, so only control characters betray binary data.
        let control = bytes.withUnsafeBytes { buffer in
            buffer.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D }
        }
        if let control {
            throw TabularError(source: source, line: lineNumber(of: control, in: bytes),
                               reason: "the file is neither UTF-8 nor Windows-1256 text (invalid UTF-8 at byte "
                                   + "\(bad), control character at byte \(control)); save it as UTF-8 CSV")
        }
        return DecodedText(bytes: Data(Windows1256.utf8(from: bytes)), encoding: .windows1256)
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

    private static func utf16(_ bytes: Data, littleEndian: Bool, source: String) throws(TabularError) -> [UInt8] {
        guard bytes.count % 2 == 0 else {
            throw TabularError(source: source, reason: "the file announces UTF-16 but has an odd number of bytes")
        }
        let bytes = [UInt8](bytes)
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index < bytes.count {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count * 2)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) {
            output.append($0)
        }
        if failed {
            throw TabularError(source: source, reason: "the file announces UTF-16 but contains an unpaired surrogate")
        }
        return output
    }
}

/// Strict UTF-8 validation (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// The offset of the first byte that does not start a valid sequence, or nil when all bytes are valid.
    static func firstInvalidByte(in bytes: Data) -> Int? {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let buffer = raw.bindMemory(to: UInt8.self)
            let count = buffer.count
            var index = 0
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
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
                default: return index
                }
                guard index + length <= count, (low...high).contains(buffer[index + 1]) else { return index }
                var next = index + 2
                while next < index + length {
                    guard buffer[next] & 0xC0 == 0x80 else { return index }
                    next += 1
                }
                index += length
            }
            return nil
        }
    }
}
