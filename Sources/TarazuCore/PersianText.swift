import Foundation

/// Normalization and digit handling for Persian text, applied to every input before matching.
public enum PersianText {
    /// Persian digits ۰–۹.
    public static let persianDigits: [Character] = ["۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"]

    /// Normalizes letters and space: Arabic yeh (ي, ى) to Persian yeh (ی), Arabic kaf (ك) to keheh (ک),
    /// Arabic-Indic digits to Persian digits, no-break and other exotic spaces to a plain space,
    /// and trims surrounding white space. Bidirectional controls (marks, embeddings, overrides, isolates)
    /// and the byte-order mark are removed. The zero-width non-joiner (U+200C) is kept.
    public static func normalize(_ text: String) -> String {
        if isPlainASCII(text) || isAlreadyNormal(text) { return text }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x064A, 0x0649: scalars.append("\u{06CC}")
            case 0x0643: scalars.append("\u{06A9}")
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x06F0)!)
            case 0x00A0, 0x2007, 0x202F, 0x2009, 0x200A, 0x2002, 0x2003: scalars.append(" ")
            default: if !isRemovedControl(scalar.value) { scalars.append(scalar) }
            }
        }
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Whether `normalize` drops the scalar: bidi controls (LRM, RLM, ALM, embeddings, overrides,
    /// isolates) and the byte-order mark. An override such as U+202E in a title would reverse the text
    /// shown after it.
    public static func isRemovedControl(_ value: UInt32) -> Bool {
        switch value {
        case 0xFEFF, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// True when `normalize` would return `text` unchanged: no letter, digit, space or mark that it
    /// rewrites (found by their UTF-8 lead bytes) and no white space at either end. Most Persian cells
    /// are such, and the scan is much cheaper than rebuilding the string.
    static func isAlreadyNormal(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first, first.properties.isWhitespace { return false }
        if let last = text.unicodeScalars.last, last.properties.isWhitespace { return false }
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0xC2 {
                    let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                    switch byte {
                    case 0xD9 where next == 0x8A || next == 0x89 || next == 0x83 || (0xA0...0xA9).contains(next):
                        return false // ي ى ك and Arabic-Indic digits
                    case 0xC2 where next == 0xA0:
                        return false // no-break space
                    case 0xD8 where next == 0x9C:
                        return false // Arabic letter mark
                    case 0xE2 where next == 0x81:
                        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                        if (0xA6...0xA9).contains(third) { return false } // bidirectional isolates
                    case 0xE2 where next == 0x80:
                        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                        if (0x82...0x8A).contains(third) || (0x8E...0x8F).contains(third) || (0xAA...0xAF).contains(third) { return false }
                    case 0xEF where next == 0xBB:
                        return false // byte-order mark (and its neighbours, which the slow path keeps)
                    default:
                        break
                    }
                }
                index += 1
            }
            return true
        }
    }

    /// A matching key: `normalize` plus all digits as ASCII digits and Latin letters lowercased.
    /// Codes ("۱", "1", "١") and labels that differ only in these ways give the same key.
    public static func key(_ text: String) -> String {
        if isPlainASCII(text) { return text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? text.lowercased() : text }
        return asciiDigits(normalize(text)).lowercased()
    }

    /// True for text that normalization cannot change: printable ASCII without surrounding space.
    /// Most cells of a budget table (codes, numbers, years) are such, so this spares them the work.
    static func isPlainASCII(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.first != 0x20, bytes.last != 0x20 else { return false }
        return bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
    }

    /// Replaces Persian (۰–۹) and Arabic-Indic (٠–٩) digits by ASCII digits; nothing else changes.
    public static func asciiDigits(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 >= 0x80 }) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Replaces ASCII digits by Persian digits, for display in Persian text.
    public static func persianDigits(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count * 2)
        for ch in text {
            if let ascii = ch.asciiValue, ascii >= 48, ascii <= 57 {
                result.append(persianDigits[Int(ascii - 48)])
            } else {
                result.append(ch)
            }
        }
        return result
    }

    /// An identifier of the data (a line, project or region code) inside Persian text: made only of
    /// digits and separators, in Persian digits; otherwise as written, isolated left to right
    /// (U+2066 ... U+2069) so that `P0096` never becomes `P۰۰۹۶` nor reorders its neighbours.
    public static func identifier(_ code: String) -> String {
        if code.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "/") }) { return persianDigits(code) }
        return "\u{2066}" + code + "\u{2069}"
    }
}
