/// One ';'-separated record of a pabulib file and the line it starts on.
struct PabulibRecord {
    let line: Int
    let fields: [String]

    /// Whether the record holds nothing but white space.
    var isBlank: Bool { fields.allSatisfy { $0.trimmingWhiteSpace().isEmpty } }
}

/// Splits pabulib text into records: fields separated by ';', CSV quoting with '"' (a quoted
/// field may hold ';', line breaks and doubled quotes), lines ending in LF or CRLF, an optional
/// UTF-8 byte order mark.
enum PabulibRecords {
    static func split(_ bytes: [UInt8], file: String) throws(PabulibError) -> [PabulibRecord] {
        var records: [PabulibRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        func finishField() throws(PabulibError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw PabulibError(file: file, line: line, reason: "text is not valid UTF-8")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func finishRecord() throws(PabulibError) {
            try finishField()
            records.append(PabulibRecord(line: recordLine, fields: fields))
            fields.removeAll(keepingCapacity: true)
        }

        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
                        field.append(byte)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ";"):
                try finishField()
            case UInt8(ascii: "\n"):
                if field.last == UInt8(ascii: "\r") && !fieldWasQuoted { field.removeLast() }
                try finishRecord()
                line += 1
                recordLine = line
            case UInt8(ascii: "\"") where field.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && !fieldWasQuoted:
                field.removeAll(keepingCapacity: true)
                inQuotes = true
                fieldWasQuoted = true
            case UInt8(ascii: "\r") where fieldWasQuoted:
                continue
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw PabulibError(file: file, line: recordLine, reason: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty { try finishRecord() }
        return records
    }
}
