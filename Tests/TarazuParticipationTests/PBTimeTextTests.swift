import Foundation
import TarazuCore
import Testing
@testable import TarazuParticipation

/// Deadlines as a voter reads them, around 2026-12-05 (۱۴۰۵/۰۹/۱۴), Tehran time.
@Suite struct PBTimeTextTests {
    let fa = PBTimeText(language: .fa), en = PBTimeText(language: .en)
    /// 1405/09/14 08:00 in Tehran (UTC+3:30).
    let morning = Date(timeIntervalSince1970: 1_796_445_000)
    /// 1405/09/15 00:00 in Tehran: the first instant after 1405/09/14.
    let midnight = Date(timeIntervalSince1970: 1_796_502_600)

    @Test func aMomentIsItsDayAndTimeUnlessMidnight() {
        #expect(fa.moment(morning) == "۱۴۰۵/۰۹/۱۴ ساعت ۰۸:۰۰")
        #expect(en.moment(morning) == "2026-12-05 08:00")
        #expect(fa.moment(midnight) == "۱۴۰۵/۰۹/۱۵")
    }

    @Test func anEndAtMidnightIsTheEndOfTheDayBefore() {
        #expect(fa.until(midnight) == "پایان ۱۴۰۵/۰۹/۱۴")
        #expect(en.until(midnight) == "the end of 2026-12-05")
        #expect(fa.until(morning) == "۱۴۰۵/۰۹/۱۴ ساعت ۰۸:۰۰")
    }

    @Test func timeLeft() {
        #expect(fa.left(from: morning, to: morning + 6.5 * 86_400) == "۶ روز")
        #expect(en.left(from: morning, to: morning + 86_400) == "1 day")
        #expect(fa.left(from: morning, to: midnight) == "۱۶ ساعت")
        #expect(fa.left(from: morning, to: morning + 600) == "کمتر از یک ساعت")
        #expect(fa.left(from: midnight, to: morning) == "کمتر از یک ساعت")
    }

    @Test func spans() {
        #expect(fa.duration(300) == "۵ دقیقه")
        #expect(fa.duration(45) == "۴۵ ثانیه")
        #expect(en.duration(3 * 3_600) == "3 hours")
        #expect(fa.later(60) == "۶۰ ثانیهٔ دیگر")
        #expect(fa.later(3_590) == "۶۰ دقیقهٔ دیگر")
        #expect(fa.later(7_200) == "۲ ساعت دیگر")
        #expect(en.later(1) == "in 1 second")
    }
}
