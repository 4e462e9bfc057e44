import Foundation
import TarazuCore

/// How pages and SMS replies write the times of a process's phases, in Tehran time: a day as its Jalali
/// date in Persian (۱۴۰۵/۰۹/۱۴) or its ISO date in English (2026-12-05), with the time of day unless it is
/// midnight. A phase runs up to, not including, its end, so an end at midnight is written as the end of
/// the day before: what a voter reads is the last day on which the phase is open.
public struct PBTimeText: Sendable {
    /// The language written.
    public let language: TextLanguage

    /// Times in `language`.
    public init(language: TextLanguage) {
        self.language = language
    }

    private var isPersian: Bool { language == .fa }

    private static let tehran: TimeZone = TimeZone(identifier: "Asia/Tehran") ?? TimeZone(secondsFromGMT: 12_600) ?? .gmt

    private func parts(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: isPersian ? .persian : .gregorian)
        calendar.timeZone = Self.tehran
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private func day(_ parts: DateComponents) -> String {
        let text = String(format: "%04d/%02d/%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return isPersian ? PersianText.persianDigits(text) : text.replacingOccurrences(of: "/", with: "-")
    }

    private static func isMidnight(_ parts: DateComponents) -> Bool {
        parts.hour == 0 && parts.minute == 0 && parts.second == 0
    }

    /// The moment `date`: "۱۴۰۵/۰۹/۱۴", or "۱۴۰۵/۰۹/۱۴ ساعت ۰۸:۳۰" when it is not midnight
    /// ("2026-12-05", "2026-12-05 08:30").
    public func moment(_ date: Date) -> String {
        let parts = parts(date)
        guard !Self.isMidnight(parts) else { return day(parts) }
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return isPersian ? day(parts) + " ساعت " + PersianText.persianDigits(time) : day(parts) + " " + time
    }

    /// The end of a phase that stops at `end`, to follow «تا» / "until": "پایان ۱۴۰۵/۰۹/۱۴" when it stops at
    /// midnight (the day before it is the last one), else the moment ("۱۴۰۵/۰۹/۱۵ ساعت ۰۸:۳۰").
    public func until(_ end: Date) -> String {
        let parts = parts(end)
        guard Self.isMidnight(parts) else { return moment(end) }
        let lastDay = self.parts(end.addingTimeInterval(-1))
        return isPersian ? "پایان " + day(lastDay) : "the end of " + day(lastDay)
    }

    /// The time left from `now` to `end`, to precede «مانده» / "left": whole days from one day up, whole
    /// hours (rounded up) below, "less than an hour" below an hour.
    public func left(from now: Date, to end: Date) -> String {
        let seconds = max(0, end.timeIntervalSince(now))
        let numerals = Numerals(language: language)
        if seconds >= 86_400 {
            let days = Int64(seconds / 86_400)
            return numerals.integer(days) + (isPersian ? " روز" : days == 1 ? " day" : " days")
        }
        if seconds >= 3_600 {
            let hours = Int64((seconds / 3_600).rounded(.up))
            return numerals.integer(hours) + (isPersian ? " ساعت" : hours == 1 ? " hour" : " hours")
        }
        return isPersian ? "کمتر از یک ساعت" : "less than an hour"
    }
}

extension PBTimeText {
    /// A span of `seconds`: in seconds under two minutes, in minutes (rounded up) under two hours, else in
    /// hours (rounded up): "۴۵ ثانیه", "۵ دقیقه", "۳ ساعت" / "45 seconds", "5 minutes", "3 hours".
    public func duration(_ seconds: TimeInterval) -> String { span(seconds, later: false) }

    /// The moment `seconds` from now, to precede a verb: «۴۵ ثانیهٔ دیگر», «۵ دقیقهٔ دیگر» / "in 45 seconds".
    public func later(_ seconds: TimeInterval) -> String { span(seconds, later: true) }

    private func span(_ seconds: TimeInterval, later: Bool) -> String {
        let seconds = max(0, seconds)
        let (value, unit): (Int64, Int) = seconds < 120 ? (Int64(seconds.rounded(.up)), 0)
            : seconds < 7_200 ? (Int64((seconds / 60).rounded(.up)), 1) : (Int64((seconds / 3_600).rounded(.up)), 2)
        let number = Numerals(language: language).integer(value)
        if isPersian {
            // The ezafe of «ثانیه» and «دقیقه» before «دیگر» is written «ـهٔ».
            let word = later ? ["ثانیهٔ دیگر", "دقیقهٔ دیگر", "ساعت دیگر"][unit] : ["ثانیه", "دقیقه", "ساعت"][unit]
            return number + " " + word
        }
        let word = (value == 1 ? ["second", "minute", "hour"] : ["seconds", "minutes", "hours"])[unit]
        return (later ? "in " : "") + number + " " + word
    }
}
