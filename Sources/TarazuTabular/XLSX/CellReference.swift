/// Spreadsheet cell references such as `B7` or `AA10`.
enum CellReference {
    /// The 1-based column of a reference (`"AB12"` -> 28), or nil when it does not start with letters.
    static func column(of reference: String) -> Int? {
        var column = 0
        for byte in reference.utf8 {
            switch byte {
            case 0x41...0x5A: column = column * 26 + Int(byte - 0x40)
            case 0x61...0x7A: column = column * 26 + Int(byte - 0x60)
            default: return column > 0 ? column : nil
            }
            if column > 16_384 { return nil }  // beyond XFD, the last Excel column
        }
        return column > 0 ? column : nil
    }

    /// The letters of a 1-based column (28 -> `"AB"`).
    static func letters(column: Int) -> String {
        var remaining = column
        var scalars: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            scalars.append(Character(Unicode.Scalar(UInt8(0x41 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(scalars.reversed())
    }
}
