import Foundation
import TarazuCore
import TarazuParticipation
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The participatory budgeting pages and SMS texts as a Persian reader gets them, in process: every page
/// a citizen or an official sees in Persian (the list, a process, each step of voting on the web and at a
/// kiosk, each ballot kind, the receipt, every refusal, the results, the error pages) and every SMS the
/// server sends (the code, and the reply to a vote, a malformed message, an unknown project, a closed or
/// not yet open process, a repeated or replaced vote, a request for help...). No Latin word outside the
/// glossary's allowlist (docs/glossary.md) and no Latin digit in what is read; an SMS fits one segment.
@Suite struct PersianPBTests {
    /// Words the glossary replaces on these pages (docs/glossary.md), as patterns of whole words, with the term to use.
    static let replacedTerms: [(pattern: String, term: String)] = [
        (#"(?<!\p{L})رای(?!\p{L})"#, "رأی"), ("قاعده", "روش شمارش"), ("کد رأی", "کد تأیید"),
        (#"(?<!\p{L})برگه(?!ٔ (?:رأی|کاغذی)|\u{200C}های (?:رأی|کاغذی))"#, "برگهٔ رأی"), ("فرایند", "رأی‌گیری"),
    ]

    /// What a Persian reader would stumble on in `text`: Latin words outside the allowlist, Latin digits,
    /// and words the glossary replaces.
    static func findings(_ text: String) -> [String] {
        let words = PersianProse.foreignWords(text).sorted().map { PersianPagesTests.context($0, in: text) }
        let digits = text.firstRange(of: /[0-9]+/).map { PersianPagesTests.context(String(text[$0]), in: text) }
        let terms = replacedTerms.compactMap { pattern, term in
            text.range(of: pattern, options: .regularExpression).map { "«\(text[$0])» where the glossary says «\(term)»: " + PersianPagesTests.context(String(text[$0]), in: text) }
        }
        return words + (digits.map { ["Latin digits " + $0] } ?? []) + terms
    }

    /// Records a failure for `what` (a page's path or an SMS path) when its visible text has findings.
    static func check(_ what: String, html: String) {
        let found = findings(PersianPagesTests.visibleText(html))
        #expect(found.isEmpty, "\(what): \(found)")
    }

    /// Records a failure when a Persian SMS has findings or is longer than one Unicode (UCS-2) segment: 70 code units.
    static func check(sms what: String, _ text: String) {
        let found = findings(text)
        #expect(found.isEmpty, "SMS \(what): \(found)")
        #expect(text.utf16.count <= 70, "SMS \(what) takes more than one segment (\(text.utf16.count) characters): «\(text)»")
    }

    static let day: TimeInterval = 86_400

    /// A process of Tabriz-like size: citywide 400 billion rials and region 1, 60 billion; voting from
    /// `votingStart` to `votingEnd` (the other phases around it), with the given rules.
    static func definition(_ slug: String, rules: BallotRules = .approval(minProjects: 1, maxProjects: 2),
                           votingStart: Date, votingEnd: Date, allowChanges: Bool = false) throws -> PBProcessDefinition {
        let process = try PBProcess(
            id: slug, year: 1405, title: Bilingual(fa: "بودجه‌ریزی مشارکتی تبریز ۱۴۰۵", en: "Tabriz participatory budget 1405"),
            phases: PBHarness.phases(votingStart: votingStart, votingEnd: votingEnd),
            citywideBudget: 400_000_000_000, regionBudgets: ["1": 60_000_000_000, "2": 60_000_000_000], rules: rules,
            proposals: [
                PBProposal(id: "1", district: .citywide, title: "مسیر دوچرخه‌سواری خیابان امام",
                           description: "ساخت ۸ کیلومتر خط ویژهٔ دوچرخه.", cost: 180_000_000_000, status: .feasible),
                PBProposal(id: "2", district: .citywide, title: "ایستگاه‌های اتوبوس مناسب‌سازی‌شده", cost: 120_000_000_000, status: .feasible),
                PBProposal(id: "3", district: .citywide, title: "کاشت درخت در کمربند سبز", cost: 150_000_000_000, status: .feasible),
                PBProposal(id: "4", district: .citywide, title: "پل عابر پیاده", cost: 500_000_000_000,
                           status: .infeasible(reason: Bilingual(fa: "هزینه بیش از بودجه است.", en: "Costs more than the budget."))),
                PBProposal(id: "11", district: .region("1"), title: "روشنایی کوچه‌ها", cost: 30_000_000_000, status: .feasible),
                PBProposal(id: "12", district: .region("1"), title: "آسفالت معابر", cost: 25_500_000_000, status: .feasible),
            ])
        let settings = PBProcessSettings(allowChanges: allowChanges, rule: .mes, populations: ["1": 160_000, "2": 190_000])
        return PBProcessDefinition(process: process, settings: settings)
    }

    /// Open (a week left), open with changes allowed, open with points, ranks and a cost limit, ended two
    /// days ago, and opening in five days.
    static func processes(_ now: Date) throws -> [PBProcessDefinition] {
        let start = now - day, end = now + 6 * day
        return [try definition("open", votingStart: start, votingEnd: end),
                try definition("change", votingStart: start, votingEnd: end, allowChanges: true),
                try definition("points", rules: .cumulative(totalPoints: 10, maxPerProject: 5), votingStart: start, votingEnd: end),
                try definition("ranked", rules: .ranking(maxRanks: 3), votingStart: start, votingEnd: end),
                try definition("capped", rules: .costLimitedApproval(maxProjects: 3), votingStart: start, votingEnd: end),
                try definition("ended", votingStart: now - 10 * day, votingEnd: now - 2 * day),
                try definition("upcoming", votingStart: now + 5 * day, votingEnd: now + 12 * day),
                try definition("finished", votingStart: now - 200 * day, votingEnd: now - 150 * day)]
    }

    /// A mobile number per use, so that the per-number code limit never interferes.
    static func phone(_ n: Int) -> String { "0912\(String(format: "%07d", 3_000_000 + n))" }

    @Test func everyPersianPBPageReadsAsPersian() async throws {
        try await PBHarness.with(Self.processes) { h in
            let hasher = try await h.repositories.settings.pbVoterHasher(environmentKey: "")
            let now = h.clock.now
            // Ballots by every channel, so that participation and results are shown.
            for (index, channel) in [BallotChannel.web, .sms, .paper, .kiosk].enumerated() {
                let ballot = CitizenBallot(voterKey: "v\(index)", district: index == 2 ? .region("1") : .citywide,
                                           choices: .approvals(index == 2 ? ["11"] : ["1", "3"]))
                try await h.pb.castPBBallot(process: "open", ballot, channel: channel, at: now)
                try await h.pb.castPBBallot(process: "ended", ballot, channel: channel, at: now - 5 * Self.day)
            }
            var pages: [(String, String)] = []
            func get(_ path: String, _ status: HTTPResponseStatus = .ok) async throws {
                let response = try await h.get(path)
                #expect(response.status == status, "\(path): \(response.status)")
                pages.append(("GET " + path, response.text))
            }
            func post(_ path: String, _ fields: [(String, String)], _ status: HTTPResponseStatus, csrf: Bool = true) async throws {
                let response = try await h.post(path, fields, csrf: csrf)
                #expect(response.status == status, "\(path) \(fields): \(response.status)")
                pages.append(("POST " + path + " " + fields.map { "\($0.0)=\($0.1)" }.joined(separator: "&"), response.text))
            }
            // The list and the process pages, open, ended and upcoming.
            for path in ["/pb", "/pb/open", "/pb/points", "/pb/ranked", "/pb/capped", "/pb/ended", "/pb/upcoming", "/pb/finished"] {
                try await get(path)
            }
            // Number, then code: every refusal on the way.
            try await get("/pb/open/vote")
            for bad in ["", "۰۲۱ ۱۲۳۴ ۵۶۷۸", "0912abc4567", "0912345678"] {
                try await post("/pb/open/vote/phone", [("phone", bad)], .unprocessableEntity)
            }
            try await post("/pb/open/vote/phone", [("phone", Self.phone(1))], .seeOther)
            try await post("/pb/open/vote/phone", [("phone", Self.phone(1))], .tooManyRequests)
            try await get("/pb/open/vote/code")
            try await post("/pb/open/vote/code", [("code", "000000")], .unprocessableEntity)
            h.clock.advance(301)
            try await post("/pb/open/vote/code", [("code", try h.lastCode(to: try PhoneNumber.normalize(Self.phone(1))))], .gone)
            try await get("/pb/open/vote?restart=1")
            try await post("/pb/open/vote/phone", [("phone", Self.phone(1))], .seeOther)
            for _ in 0..<4 { _ = try await h.post("/pb/open/vote/code", [("code", "999999")]) }
            try await post("/pb/open/vote/code", [("code", "999999")], .tooManyRequests)
            // The ballot: which one, each of them, a refused and an accepted ballot, the receipt.
            h.clock.advance(61)
            try await h.verify(Self.phone(2), slug: "open")
            try await get("/pb/open/vote/ballot")
            try await get("/pb/open/vote/ballot?district=0")
            try await get("/pb/open/vote/ballot?district=1")
            try await post("/pb/open/vote/ballot", [("district", "0"), ("p_1", "1"), ("p_2", "1"), ("p_3", "1")], .unprocessableEntity)
            try await post("/pb/open/vote/ballot", [("district", "0"), ("p_11", "1")], .unprocessableEntity)
            try await post("/pb/open/vote/ballot", [("district", "0"), ("p_1", "1"), ("p_3", "1")], .ok)
            // Someone who already voted by SMS.
            let voted = CitizenBallot(voterKey: hasher.voterKey(phone: try PhoneNumber.normalize(Self.phone(3))), district: .citywide,
                                      choices: .approvals(["2"]))
            try await h.pb.castPBBallot(process: "open", voted, channel: .sms, at: h.clock.now)
            _ = try await h.get("/pb/open/vote")
            _ = try await h.post("/pb/open/vote/phone", [("phone", Self.phone(3))])
            let votedCode = try h.lastCode(to: try PhoneNumber.normalize(Self.phone(3)))
            try await post("/pb/open/vote/code", [("code", votedCode)], .conflict)
            // A kiosk, and a second ballot replacing the first.
            try await h.verify(Self.phone(4), slug: "change", query: "?kiosk=1")
            try await get("/pb/change/vote/ballot?kiosk=1&district=1")
            try await post("/pb/change/vote/ballot?kiosk=1", [("district", "1"), ("p_11", "1")], .ok)
            h.clock.advance(61)
            try await h.verify(Self.phone(4), slug: "change")
            try await post("/pb/change/vote/ballot", [("district", "0"), ("p_2", "1")], .ok)
            // Points, ranks and a cost limit.
            try await h.verify(Self.phone(5), slug: "points")
            try await get("/pb/points/vote/ballot?district=0")
            try await post("/pb/points/vote/ballot", [("district", "0"), ("p_1", "سه")], .unprocessableEntity)
            try await post("/pb/points/vote/ballot", [("district", "0"), ("p_1", "5"), ("p_2", "5"), ("p_3", "5")], .unprocessableEntity)
            try await post("/pb/points/vote/ballot", [("district", "0"), ("p_1", "6")], .unprocessableEntity)
            try await h.verify(Self.phone(6), slug: "ranked")
            try await get("/pb/ranked/vote/ballot?district=0")
            try await post("/pb/ranked/vote/ballot", [("district", "0"), ("p_1", "1"), ("p_2", "3")], .unprocessableEntity)
            try await h.verify(Self.phone(7), slug: "capped")
            try await get("/pb/capped/vote/ballot?district=0")
            try await post("/pb/capped/vote/ballot", [("district", "0"), ("p_1", "1"), ("p_2", "1"), ("p_3", "1")], .unprocessableEntity)
            // Closed, not yet open, results, and the error pages.
            try await get("/pb/ended/vote")
            try await post("/pb/ended/vote/phone", [("phone", Self.phone(8))], .conflict)
            try await get("/pb/upcoming/vote")
            for rule in ["", "?rule=greedy", "?rule=mes", "?rule=mes-add1"] { try await get("/pb/ended/results" + rule) }
            try await get("/pb/finished/results")
            try await get("/pb/ended/results?rule=borda", .badRequest)
            try await get("/pb/open/results", .forbidden)
            try await get("/pb/upcoming/results", .forbidden)
            try await get("/pb/nothing", .notFound)
            try await post("/pb/open/vote/phone", [("phone", Self.phone(9)), ("csrf_token", "wrong")], .forbidden, csrf: false)

            for (what, html) in pages { Self.check(what, html: html) }
            // What the reader is told, on the pages where it matters: deadlines, sums with their units, counts.
            let said: [(String, String)] = [
                ("GET /pb", "(رأی‌گیری، تا "), ("GET /pb/open", "(۶ روز مانده). تاکنون ۴ رأی ثبت شده است."),
                ("GET /pb/open", "۱ رأی با پیامک"), ("GET /pb/ended", "بود و ۴ رأی ثبت شد."), ("GET /pb/upcoming", "خواهد بود."),
                ("GET /pb/open/vote/ballot?district=1", "۲۵٫۵ میلیارد ریال"), ("GET /pb/ended/vote", "رأی‌گیری به پایان رسیده است؛ تا "),
                ("GET /pb/upcoming/vote", "رأی‌گیری هنوز باز نشده است؛ از "), ("GET /pb/open/vote/code", "این کد ۵ دقیقه اعتبار دارد"),
                ("GET /pb/ended/results", "هر یک ۶۰ میلیارد ریال (جمع ۱۸۰ میلیارد ریال)"),
                ("GET /pb/ended/results?rule=greedy", "بودجهٔ باقی‌مانده پیش از آن: ۲۲۰ میلیارد ریال"),
                ("GET /pb/open/results", "نتایج پس از پایان رأی‌گیری، از "), ("GET /pb/open/results", "نتایج هنوز منتشر نشده است"),
                ("GET /pb/open", "مرحلهٔ کنونی: رأی‌گیری، تا "), ("GET /pb/ended", "مرحلهٔ کنونی: شمارش. رأی‌گیری از"),
                ("GET /pb", "(پایان‌یافته)"), ("GET /pb/finished", "مرحلهٔ کنونی: پایان‌یافته. رأی‌گیری از"),
                ("GET /pb/finished", "بود و هیچ رأیی ثبت نشد."),
                // 4 ballots among 350,000 residents: 0.011 per 1,000, not «۰٫۰».
                ("GET /pb/open", "یعنی کمتر از ۰٫۱ رأی در هر هزار نفر"),
                ("GET /pb/open", "پل عابر پیاده"), ("GET /pb/open", "هزینه بیش از بودجه است."),
                ("GET /pb/open/vote/ballot?district=0", "یک یا دو طرح را"),
                ("GET /pb/open/vote/ballot?district=0", "برگهٔ رأی دیگری را انتخاب کنید"),
                ("GET /pb/ended/vote", "دربارهٔ این رأی‌گیری"),
                ("POST /pb/open/vote/ballot district=0&p_1=1&p_3=1", "بازگشت به صفحهٔ رأی‌گیری"),
                ("POST /pb/open/vote/code code=" + votedCode, "شمارهٔ رسید رأی شما"),
                ("POST /pb/open/vote/code code=" + votedCode, "شما پیش‌تر با پیامک رأی داده‌اید"),
            ]
            let unsaid: [(String, String)] = [
                ("GET /pb/open", "/pb/open/results"), ("GET /pb/finished", "بین مراحل"), ("GET /pb/finished/results", "چگونه پرداخت شد"),
                ("GET /pb/open/results", "اجازه ندارید"), ("GET /pb/open", "۰٫۰ رأی"), ("POST /pb/open/vote/code code=" + votedCode, "name=\"p_1\""),
            ]
            for (what, text) in unsaid {
                let page = try #require(pages.first { $0.0 == what }, "\(what) was not requested").1
                #expect(!page.contains(text), "\(what) says «\(text)»")
            }
            #expect(pages.first { $0.0 == "GET /pb/ended" }?.1.contains("/pb/ended/results") == true)
            for (what, text) in said {
                let page = pages.first { $0.0 == what }.map { PersianPagesTests.visibleText($0.1) } ?? ""
                #expect(page.contains(text), "\(what) does not say «\(text)»")
            }
            // The codes sent: one per request for a code above, each in Persian.
            let log = try String(contentsOfFile: h.smsLog, encoding: .utf8)
            let codes = try log.split(separator: "\n").map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])["text"] ?? ""
            }
            #expect(codes.count == 9, "\(codes)")
            for code in codes {
                Self.check(sms: "code", code)
                #expect(code.hasPrefix("کد تأیید رأی بودجه‌ریزی مشارکتی: ") && code.firstMatch(of: /[۰-۹]{6}/) != nil && !code.contains("ترازو"), "\(code)")
            }
        }
    }

    /// `text` sent by `from` to the SMS webhook, for `process` (else the one open process): the reply.
    static func sms(_ h: PBHarness, _ from: String, _ text: String, process: String?) async throws -> String {
        let response = try await h.sms(from, text, process: process)
        #expect(response.status == .ok, "\(text): \(response.status)")
        return response.text.trimmingCharacters(in: .newlines)
    }

    @Test func everySMSReplyIsShortPersian() async throws {
        try await PBHarness.with(Self.processes) { h in
            let cases: [(what: String, phone: Int, text: String, process: String, expected: String)] = [
                ("valid vote", 1, "رای ۱ ۳", "open", "ثبت شد"),
                ("repeated vote", 1, "رأی ۲", "open", "پیش‌تر"),
                ("first vote where changes are allowed", 2, "رای ۱", "change", "ثبت شد"),
                ("replaced vote", 2, "رای ۱۱ ۱۲", "change", "جای رأی پیشین"),
                ("malformed message", 3, "سلام", "open", "نمونهٔ رأی: «رأی ۱ ۲»؛ برای راهنما «راهنما» را بفرستید"),
                ("help on points", 3, "راهنما", "points", "مثل «رأی ۱:۵ ۲:۵» بفرستید؛ جمعاً ۱۰ امتیاز، هر طرح حداکثر ۵ امتیاز"),
                ("numbers on a points ballot", 3, "رای ۱ ۲", "points", "به هر طرح امتیاز بدهید، مثل «رأی ۱:۵ ۲:۵»"),
                ("unknown process", 3, "رای ۱", "nothing", "این رأی‌گیری شناخته نیست"),
                ("help", 3, "راهنما", "open", "رأی"),
                ("question mark", 3, "؟", "open", "رأی"),
                ("no project number", 3, "رای", "open", "شمارهٔ"),
                ("not a project number", 3, "رای ۱ الف", "open", "الف"),
                ("numbers and points mixed", 3, "رای ۱:۲ ۳", "open", "امتیاز"),
                ("unknown project", 3, "رای ۹۹", "open", "۹۹"),
                ("infeasible project", 3, "رای ۴", "open", "۴"),
                ("project of another ballot", 3, "رای ۱ ۱۱", "open", "۱۱"),
                ("too many projects", 3, "رای ۱ ۲ ۳", "open", "حداکثر دو طرح را انتخاب کنید؛ سه طرح انتخاب شد."),
                ("repeated project", 3, "رای ۱ ۱", "open", "۱"),
                ("points on an approval ballot", 3, "رای ۱:۳", "open", "شمارهٔ طرح‌ها را بی امتیاز بفرستید، مثل «رأی ۱ ۲»"),
                ("points over the total", 3, "رای ۱:۵ ۲:۵ ۳:۵", "points", "۱۰"),
                ("points over the limit per project", 3, "رای ۱:۶", "points", "۵"),
                ("ranks", 4, "رای ۳ ۱", "ranked", "ثبت شد"),
                ("cost over the budget", 3, "رای ۱ ۲ ۳", "capped", "میلیارد ریال"),
                ("closed process", 3, "رای ۱", "ended", "پایان"),
                ("process not open yet", 3, "رای ۱", "upcoming", "آغاز"),
            ]
            for item in cases {
                let reply = try await Self.sms(h, Self.phone(item.phone), item.text, process: item.process)
                Self.check(sms: "\(item.what) («\(item.text)»)", reply)
                #expect(!reply.contains("۱۲ ۱۵") && !reply.contains("ترازو"), "SMS \(item.what): «\(reply)»")
                if ["malformed message", "help", "question mark"].contains(item.what) { #expect(!reply.contains("ثبت نشد"), "«\(reply)»") }
                #expect(reply.contains(item.expected), "SMS \(item.what) («\(item.text)»): «\(reply)» lacks «\(item.expected)»")
            }
            // The reply is also sent back through the gateway.
            let log = try String(contentsOfFile: h.smsLog, encoding: .utf8)
            #expect(log.split(separator: "\n").count == cases.count)
            // A message in English gets its reply in English.
            let english = try await Self.sms(h, Self.phone(5), "vote 1 3", process: "open")
            #expect(english.hasPrefix("Vote recorded") && english.unicodeScalars.allSatisfy(\.isASCII) && english.count <= 160, "\(english)")
        }
        // A sender the webhook refuses: the gateway gets Persian, English only when it asks for it, and the 400 stays.
        try await PBHarness.with(Self.processes) { h in
            for (language, expected) in [(nil as String?, "فقط شمارهٔ تلفن همراه ایران"), ("en", "Only Iranian")] {
                var headers: HTTPHeaders = ["Content-Type": "application/json", PBSMSRoutes.tokenHeader: PBHarness.token]
                if let language { headers.add(name: .acceptLanguage, value: language) }
                let body = try JSONSerialization.data(withJSONObject: ["from": "+14155550100", "text": "رای ۱", "process": "open"])
                let response = try await h.app.testing().sendRequest(.POST, "/pb/sms/inbound", headers: headers, body: ByteBuffer(data: body))
                #expect(response.status == .badRequest)
                if language == nil { #expect(Self.findings(response.text).isEmpty, "\(response.text)") }
                #expect(response.text.contains(expected), "\(response.text)")
            }
        }
        // Two processes open: the first project number tells which; the reply names it; a number of both is refused.
        try await PBHarness.with({ now in
            let tabriz = try Self.definition("open", votingStart: now - Self.day, votingEnd: now + 6 * Self.day)
            let urmia = try PBProcess(id: "urmia", year: 1405, title: Bilingual(fa: "بودجه‌ریزی مشارکتی ارومیه ۱۴۰۵", en: "Urmia participatory budget 1405"),
                                          phases: PBPhaseKind.allCases.map { tabriz.process.phase($0) }, citywideBudget: 100_000_000_000,
                                          regionBudgets: [:], rules: .approval(minProjects: 1, maxProjects: 2), proposals: [
                                              PBProposal(id: "1", district: .citywide, title: "پارک", cost: 50_000_000_000, status: .feasible),
                                              PBProposal(id: "101", district: .citywide, title: "کتابخانه", cost: 40_000_000_000, status: .feasible),
                                          ])
            var named = tabriz.settings
            named.shortName = Bilingual(fa: "ارومیه", en: "Urmia")
            return [tabriz, PBProcessDefinition(process: urmia, settings: named)]
        }) { h in
            let tabriz = try await Self.sms(h, Self.phone(1), "رای ۱۱", process: nil)
            #expect(tabriz == "رأی شما در «تبریز ۱۴۰۵» (برگهٔ منطقه ۱) ثبت شد: طرح ۱۱. سپاس!", "\(tabriz)")
            let urmia = try await Self.sms(h, Self.phone(2), "رای ۱۰۱", process: nil)
            #expect(urmia.contains("در «ارومیه» (برگهٔ سطح شهر) ثبت شد"), "the process's short name: \(urmia)")
            let both = try await Self.sms(h, Self.phone(3), "رای ۱", process: nil)
            #expect(both.contains("ثبت نشد") && both.contains("«تبریز ۱۴۰۵» یا «ارومیه»"), "\(both)")
            let unknown = try await Self.sms(h, Self.phone(3), "رای ۱", process: "nothing")
            #expect(unknown.contains("شناخته نیست") && unknown.contains("«تبریز ۱۴۰۵» و «ارومیه»"), "\(unknown)")
            // Help names both instead of following one of them.
            let help = try await Self.sms(h, Self.phone(4), "راهنما", process: nil)
            #expect(help == "چند رأی‌گیری باز است؛ «رأی» و شمارهٔ طرح‌ها را بفرستید.", "\(help)")
            for reply in [tabriz, urmia, both, unknown, help] { Self.check(sms: "two open", reply) }
            let (inTabriz, inUrmia) = (try await h.pb.pbBallots(process: "open"), try await h.pb.pbBallots(process: "urmia"))
            #expect(inTabriz.count == 1 && inUrmia.count == 1)
        }
        // The code SMS names the municipality when it fits.
        #expect(PBVoteRoutes.codeMessage("071130", policy: .standard, city: "تبریز", .fa) == "کد تأیید رأی شهرداری تبریز: ۰۷۱۱۳۰ (۵ دقیقه اعتبار دارد؛ به کسی ندهید)")
        #expect(PBVoteRoutes.codeMessage("071130", policy: .standard, city: "کرمانشاه بزرگ", .fa).hasPrefix("کد تأیید رأی بودجه‌ریزی مشارکتی: ۰۷۱۱۳۰"))
        // Without a process named and none open.
        try await PBHarness.with({ try Self.processes($0).filter { ["ended", "upcoming"].contains($0.process.id) } }) { h in
            let reply = try await Self.sms(h, Self.phone(1), "رای ۱", process: nil)
            Self.check(sms: "no open process", reply)
            #expect(reply.contains("باز نیست"), "\(reply)")
        }
    }

    /// Every message the participation layer gives a voter (the web shows them, SMS replies carry them).
    @Test func everyVoterMessageOfTheParticipationLayerIsPersian() {
        let problems: [BallotProblem] = [
            .wrongKind, .unknownDistrict("7"), .unknownProject("99"), .notOnBallot("4"), .otherRegion(project: "11", district: .region("1")),
            .otherRegion(project: "1", district: .citywide), .duplicate("1"), .tooFew(count: 0, minimum: 1), .tooMany(count: 3, maximum: 2),
            .overCostLimit(total: 450_000_000_000, limit: 400_000_000_000), .pointsOverTotal(total: 15, limit: 10),
            .pointsOverPerProject(project: "1", points: 6, limit: 5), .pointsNotPositive(project: "1", points: -1), .ranksNotConsecutive([1, 3]),
        ]
        let errors: [BallotBoxError] = [.noVoterKey, .notOpenYet, .closed, .alreadyVoted(channel: .web), .invalid([])]
        let phones: [PhoneNumberError] = [.empty, .invalidCharacter, .notMobile, .wrongLength]
        var messages = problems.map { ("\($0)", $0.message.fa) } + errors.map { ("\($0)", $0.message.fa) }
            + phones.map { ("\($0)", $0.message.fa) }
        for text in ["", "سلام", "رای", "رای ۱ الف", "رای ۱:۲ ۳", "رای ۱:"] {
            do {
                _ = try SMSBallotParser.parse(text)
                Issue.record("«\(text)» was read as a ballot")
            } catch {
                messages.append(("SMS «\(text)»", error.message.fa))
            }
        }
        for (what, text) in messages {
            let found = Self.findings(text)
            #expect(found.isEmpty, "\(what): \(found)")
        }
    }
}
