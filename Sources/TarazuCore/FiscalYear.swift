import Foundation

/// The calendar a book's years are written in.
public enum BookCalendar: String, Codable, Sendable {
    case jalali
    case gregorian
}

/// A fiscal year. In the Jalali calendar it runs from 1 Farvardin (1403 = 2024-03-20 to 2025-03-20).
public struct FiscalYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: Int
    public var calendar: BookCalendar

    public init(_ value: Int, calendar: BookCalendar = .jalali) {
        self.value = value
        self.calendar = calendar
    }

    /// The plausible range of years, used to catch typos such as 14033 or 403.
    public var isPlausible: Bool {
        switch calendar {
        case .jalali: (1300...1500).contains(value)
        case .gregorian: (1900...2100).contains(value)
        }
    }

    /// The first day of the fiscal year, at noon UTC (the distant past or future for a year the
    /// calendar cannot place).
    public var start: Date {
        var components = DateComponents()
        components.year = value
        components.month = 1
        components.day = 1
        components.hour = 12
        return Self.calendar(for: calendar).date(from: components) ?? (value < 0 ? .distantPast : .distantFuture)
    }

    /// The fiscal year that contains `date`.
    public static func containing(_ date: Date, calendar: BookCalendar = .jalali) -> FiscalYear {
        FiscalYear(Self.calendar(for: calendar).component(.year, from: date), calendar: calendar)
    }

    static func calendar(for kind: BookCalendar) -> Calendar {
        var cal = Calendar(identifier: kind == .jalali ? .persian : .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600)!
        return cal
    }

    public static func < (lhs: FiscalYear, rhs: FiscalYear) -> Bool { lhs.value < rhs.value }

    public var description: String { String(value) }
}
