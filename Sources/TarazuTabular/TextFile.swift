import Foundation

/// Checks of text files that are not tables (governance.yaml, regions.geojson, datapackage.json), with
/// every problem located by line and character column.
public enum TextFile {
    /// `data` as UTF-8 text, or an error for each line that holds bytes that are not valid UTF-8
    /// (at most ``TabularError/cap``), located by line and character column.
    public static func utf8(_ data: Data, source: String) throws(TabularError) -> String {
        let invalid = UTF8Validation.invalidOffsets(in: data)
        guard !invalid.isEmpty else { return String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self) }
        var errors: [TabularError] = []
        var omitted = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let buffer = raw.bindMemory(to: UInt8.self)
            var line = 1
            var lineStart = 0
            var position = 0
            var next = 0
            while next < invalid.count {
                let offset = invalid[next]
                while position < offset {
                    let byte = buffer[position]
                    if byte == 0x0A || (byte == 0x0D && (position + 1 == buffer.count || buffer[position + 1] != 0x0A)) {
                        line += 1
                        lineStart = position + 1
                    }
                    position += 1
                }
                let column = buffer[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                var more = 0
                next += 1
                while next < invalid.count, !containsLineEnd(buffer, from: offset, to: invalid[next]) {
                    more += 1
                    next += 1
                }
                guard errors.count < TabularError.cap else {
                    omitted += 1
                    continue
                }
                errors.append(TabularError(source: source, line: line, column: column,
                                           reason: "invalid UTF-8 byte \(hex(buffer[offset]))"
                                               + (more > 0 ? " (and \(more) more on this line)" : "")
                                               + " at byte \(offset) of the file: the file must be UTF-8 text"))
            }
        }
        var first = errors.removeFirst()
        first.more = errors
        first.omitted = omitted
        throw first
    }

    private static func containsLineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        buffer[start..<end].contains { $0 == 0x0A || $0 == 0x0D }
    }

    /// `0xNN`.
    static func hex(_ byte: UInt8) -> String {
        "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}

/// JSON syntax checking with the position of the first error.
public enum JSONSyntax {
    /// Checks that `data` is one JSON value in UTF-8 (nested at most 512 deep), or throws the first
    /// problem with its line and character column.
    public static func check(_ data: Data, source: String) throws(TabularError) {
        let text = try TextDecoding.decode(data, source: source, allowLegacy: false)
        let outcome = text.bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<Void, TabularError> in
            var scanner = JSONScanner(buffer: raw.bindMemory(to: UInt8.self), source: source)
            return Result { () throws(TabularError) in
                try scanner.skipValue()
                try scanner.expectEnd()
            }
        }
        try outcome.get()
    }
}
