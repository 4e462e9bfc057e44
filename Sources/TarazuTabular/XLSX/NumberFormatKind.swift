/// What a cell's number format says about how to show its number.
enum NumberFormatKind: Equatable {
    case number, date, dateTime, time

    /// Built-in formats: 14-17 dates, 22 date and time, 18-21 and 45-47 times (ECMA-376 part 1, 18.8.30).
    init(builtIn id: Int) {
        switch id {
        case 14...17: self = .date
        case 22: self = .dateTime
        case 18...21, 45...47: self = .time
        default: self = .number
        }
    }

    /// A custom format code: date when its first section has `y` or `d`, time when it has `h` or `s`
    /// (quoted text, `\x` escapes, `_x` and `*x` fillers and `[...]` colours or locales are ignored).
    init(formatCode: String) {
        var hasDate = false
        var hasTime = false
        var inQuote = false
        var inBracket = false
        var skipNext = false
        for scalar in formatCode.lowercased().unicodeScalars {
            if skipNext {
                skipNext = false
            } else if inQuote {
                inQuote = scalar != "\""
            } else if inBracket {
                inBracket = scalar != "]"
            } else {
                switch scalar {
                case "\"": inQuote = true
                case "[": inBracket = true
                case "\\", "_", "*": skipNext = true
                case "y", "d": hasDate = true
                case "h", "s": hasTime = true
                default: break
                }
                if scalar == ";" { break }
            }
        }
        switch (hasDate, hasTime) {
        case (true, true): self = .dateTime
        case (true, false): self = .date
        case (false, true): self = .time
        case (false, false): self = .number
        }
    }
}
