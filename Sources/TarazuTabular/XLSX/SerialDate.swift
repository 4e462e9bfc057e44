/// Converts spreadsheet serial dates (days since the epoch, fraction = time of day) to ISO 8601 text.
enum SerialDate {
    /// `yyyy-mm-dd`, `yyyy-mm-dd hh:mm:ss` or `hh:mm:ss` for a non-negative serial, or nil when the
    /// serial is negative or beyond year 9999.
    static func text(serial: DecimalText, kind: NumberFormatKind, uses1904: Bool) -> String? {
        guard !serial.negative, serial.pointPosition <= 7 else { return nil }
        let integerCount = max(serial.pointPosition, 0)
        var days = 0
        for index in 0..<integerCount {
            days = days * 10 + Int(index < serial.digits.count ? serial.digits[index] : 0)
        }
        // Fraction of a day to seconds, from at most 12 fractional digits (exact integer arithmetic).
        let fraction = serial.digits.dropFirst(integerCount)
        let leadingZeros = max(-serial.pointPosition, 0)
        let scale = min(12, leadingZeros + fraction.count)
        var numerator = 0
        var power = 1
        for index in 0..<scale {
            let digit = index < leadingZeros ? 0 : Int(fraction[fraction.startIndex + index - leadingZeros])
            numerator = numerator * 10 + digit
            power *= 10
        }
        var seconds = (numerator * 86_400 + power / 2) / power
        if seconds == 86_400 {
            seconds = 0
            days += 1
        }
        let time = pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if kind == .time { return time }
        // 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was (serial 60).
        let epoch = uses1904 ? daysFromCivil(1904, 1, 1) : daysFromCivil(1899, 12, 30) + (days < 60 ? 1 : 0)
        let (year, month, day) = civil(fromDays: epoch + days)
        guard year <= 9999 else { return nil }
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        return kind == .dateTime ? date + " " + time : date
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays count: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = count + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
