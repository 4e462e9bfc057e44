/// A decimal number literal held as its digits, so that it can be rewritten exactly
/// (no binary floating point is involved anywhere).
struct DecimalText: Equatable {
    var negative: Bool
    /// Significant digits (values 0...9) without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The value is `0.d1d2...dn × 10^pointPosition`.
    var pointPosition: Int

    /// Parses `-?digits[.digits][(e|E)[+-]digits]`; nil for anything else or an exponent beyond ±1000.
    init?(_ text: String) {
        var negative = false
        var digits: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        var bytes = text.utf8[...]
        if bytes.first == 0x2D {
            negative = true
            bytes = bytes.dropFirst()
        }
        var exponentPart: Substring.UTF8View?
        while let byte = bytes.first {
            if byte >= 0x30, byte <= 0x39 {
                digits.append(byte - 0x30)
                if !seenPoint { integerDigits += 1 }
            } else if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else if byte == 0x65 || byte == 0x45 {
                exponentPart = Substring(bytes.dropFirst()).utf8
                break
            } else {
                return nil
            }
            bytes = bytes.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var exponent = 0
        if let exponentPart {
            guard let value = Int(String(Substring(exponentPart))), abs(value) <= 1000 else { return nil }
            exponent = value
        }
        var position = integerDigits + exponent
        let leadingZeros = digits.prefix { $0 == 0 }.count
        digits.removeFirst(leadingZeros)
        position -= leadingZeros
        while digits.last == 0 { digits.removeLast() }
        self.negative = negative && !digits.isEmpty
        self.digits = digits
        self.pointPosition = digits.isEmpty ? 0 : position
    }

    /// Rounds half away from zero to `count` significant digits.
    mutating func round(significantDigits count: Int) {
        guard digits.count > count else { return }
        let roundsUp = digits[count] >= 5
        digits.removeLast(digits.count - count)
        if roundsUp {
            var index = count - 1
            while index >= 0, digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                digits[index] += 1
            } else {
                digits.insert(1, at: 0)
                pointPosition += 1
            }
        }
        while digits.last == 0 { digits.removeLast() }
    }

    /// Plain decimal notation without exponent, without trailing fractional zeros (`350000000000000000`, `0.25`).
    var plainText: String {
        guard !digits.isEmpty else { return "0" }
        var bytes: [UInt8] = negative ? [0x2D] : []
        let ascii = digits.map { $0 + 0x30 }
        if pointPosition <= 0 {
            bytes += [0x30, 0x2E] + repeatElement(0x30, count: -pointPosition) + ascii
        } else if pointPosition >= ascii.count {
            bytes += ascii + repeatElement(0x30, count: pointPosition - ascii.count)
        } else {
            bytes += ascii[..<pointPosition] + [0x2E] + ascii[pointPosition...]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
