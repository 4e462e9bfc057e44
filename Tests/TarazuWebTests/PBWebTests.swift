import Foundation
import TarazuParticipation
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// The participatory budgeting pages, the voting steps and the SMS webhook, in process.
@Suite struct PBWebTests {
    static let phone = "۰۹۱۲ ۳۴۵ ۶۷۸۹"
    static let normalized = "+989123456789"

    @Test func publicPagesListAndEscapeProposals() async throws {
        try await PBHarness.with({ [try PBHarness.definition(now: $0)] }) { h in
            let list = try await h.get("/pb")
            #expect(list.status == .ok && list.text.contains("/pb/test-pb") && list.text.contains("dir=\"rtl\""))
            let page = try await h.get("/pb/test-pb")
            #expect(page.status == .ok)
            #expect(page.text.contains("&lt;script&gt;") && !page.text.contains("<script>"))
            #expect(page.text.contains("۶۰ ریال") && page.text.contains("/pb/test-pb/vote"))
            let english = try await h.get("/pb/test-pb?lang=en")
            #expect(english.text.contains("Region 1") && english.text.contains("lang=\"en\""))
            #expect(try await h.get("/pb/nothing").status == .notFound)
            #expect(try await h.get("/pb/test-pb/results").status == .forbidden)
        }
    }

    @Test func webVoteWithCodeGetsAReceiptAndCountsOnce() async throws {
        try await PBHarness.with({ [try PBHarness.definition(now: $0)] }) { h in
            try await h.verify(Self.phone)
            let chooser = try await h.get("/pb/test-pb/vote/ballot")
            #expect(chooser.status == .ok && chooser.text.contains("district=1"))
            let form = try await h.get("/pb/test-pb/vote/ballot?district=0")
            #expect(form.text.contains("name=\"p_2\"") && form.text.contains("یک یا دو طرح"))
            let tooMany = try await h.post("/pb/test-pb/vote/ballot", [("district", "0"), ("p_1", "1"), ("p_2", "1"), ("p_3", "1")])
            #expect(tooMany.status == .unprocessableEntity && tooMany.text.contains("حداکثر دو طرح"))
            let cast = try await h.post("/pb/test-pb/vote/ballot", [("district", "0"), ("p_2", "1"), ("p_3", "1")])
            #expect(cast.status == .ok && cast.text.contains("pb-receipt"))
            #expect(h.cookies[PBFlow.cookie] == nil)
            let ballots = try await h.pb.pbBallots(process: "test-pb")
            #expect(ballots.count == 1 && ballots[0].channel == .web && ballots[0].ballot.choices == .approvals(["2", "3"]))
            #expect(!ballots[0].voterHash.contains("9123456789"))
            // The same person again: refused (changes are not allowed in this process).
            // The same person again: told right after the code, with the receipt, before any ballot.
            h.clock.advance(61)
            _ = try await h.get("/pb/test-pb/vote")
            _ = try await h.post("/pb/test-pb/vote/phone", [("phone", Self.phone)])
            let again = try await h.post("/pb/test-pb/vote/code", [("code", try h.lastCode(to: try PhoneNumber.normalize(Self.phone)))])
            #expect(again.status == .conflict && again.text.contains("پیش‌تر در وبگاه رأی داده‌اید") && again.text.contains(ballots[0].receipt))
            #expect(!again.text.contains("name=\"p_1\""))
            #expect(h.cookies[PBFlow.cookie] == nil)
            #expect(try await h.get("/pb/test-pb/vote/ballot").status == .seeOther)
            #expect(try await h.pb.pbBallots(process: "test-pb").count == 1)
        }
    }

    @Test func secondBallotReplacesWhenChangesAreAllowed() async throws {
        try await PBHarness.with({ [try PBHarness.definition(now: $0, allowChanges: true)] }) { h in
            try await h.verify(Self.phone, query: "?kiosk=1")
            let first = try await h.post("/pb/test-pb/vote/ballot?kiosk=1", [("district", "0"), ("p_1", "1")])
            #expect(first.status == .ok && first.text.contains("class=\"kiosk\"") && first.text.contains("http-equiv=\"refresh\""))
            h.clock.advance(120)
            try await h.verify(Self.phone)
            let second = try await h.post("/pb/test-pb/vote/ballot", [("district", "1"), ("p_11", "1")])
            #expect(second.status == .ok && second.text.contains("جایگزین شد"))
            let ballots = try await h.pb.pbBallots(process: "test-pb")
            #expect(ballots.count == 1 && ballots[0].channel == .web && ballots[0].ballot.district == .region("1"))
        }
    }

    @Test func wrongExpiredAndTooManyCodesAreRefused() async throws {
        try await PBHarness.with({ [try PBHarness.definition(now: $0)] }) { h in
            _ = try await h.get("/pb/test-pb/vote")
            #expect(try await h.post("/pb/test-pb/vote/phone", [("phone", "021 1234 5678")]).status == .unprocessableEntity)
            #expect(try await h.post("/pb/test-pb/vote/phone", [("phone", Self.phone)]).status == .seeOther)
            // A second code within the cooldown.
            let soon = try await h.post("/pb/test-pb/vote/phone", [("phone", Self.phone)])
            #expect(soon.status == .tooManyRequests && soon.headers.first(name: "Retry-After") != nil)
            let wrong = try await h.post("/pb/test-pb/vote/code", [("code", "000000")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("۴ بار"))
            // Expired after five minutes.
            h.clock.advance(301)
            let code = try h.lastCode(to: Self.normalized)
            let late = try await h.post("/pb/test-pb/vote/code", [("code", code)])
            #expect(late.status == .gone)
            // A fresh code, then five wrong tries lock it.
            _ = try await h.get("/pb/test-pb/vote?restart=1")
            #expect(try await h.post("/pb/test-pb/vote/phone", [("phone", Self.phone)]).status == .seeOther)
            let fresh = try h.lastCode(to: Self.normalized)
            var last = 0
            for _ in 0..<5 { last = Int(try await h.post("/pb/test-pb/vote/code", [("code", "999999")]).status.code) }
            #expect(last == 429)
            #expect(try await h.post("/pb/test-pb/vote/code", [("code", fresh)]).status == .tooManyRequests)
            // The per-number limit: a third code in the hour is refused even after the cooldown.
            h.clock.advance(61)
            _ = try await h.get("/pb/test-pb/vote?restart=1")
            #expect(try await h.post("/pb/test-pb/vote/phone", [("phone", Self.phone)]).status == .seeOther)
            h.clock.advance(61)
            #expect(try await h.post("/pb/test-pb/vote/phone", [("phone", Self.phone)]).status == .tooManyRequests)
            #expect(try await h.pb.pbBallots(process: "test-pb").isEmpty)
        }
    }

    @Test func closedVotingAndMissingCSRFAreRefused() async throws {
        try await PBHarness.with({ [try PBHarness.definition(slug: "closed", now: $0, votingOpen: false)] }) { h in
            let page = try await h.get("/pb/closed/vote")
            #expect(page.text.contains("به پایان رسیده"))
            #expect(try await h.post("/pb/closed/vote/phone", [("phone", Self.phone)]).status == .conflict)
            #expect(try await h.post("/pb/closed/vote/phone", [("phone", Self.phone)], csrf: false).status == .forbidden)
            #expect(try await h.sms(Self.phone, "رای ۱").text.contains("باز نیست"))
        }
    }

    @Test func smsWebhookNeedsTheTokenAndExplainsBadText() async throws {
        try await PBHarness.with({ [try PBHarness.definition(now: $0)] }) { h in
            #expect(try await h.sms(Self.phone, "رای ۱", token: nil).status == .unauthorized)
            #expect(try await h.sms(Self.phone, "رای ۱", token: "wrong").status == .unauthorized)
            let bad = try await h.sms(Self.phone, "سلام")
            #expect(bad.status == .ok && !bad.text.contains("رأی ثبت نشد") && bad.text.contains("«رأی ۱ ۲»")
                    && bad.text.contains("«راهنما»") && !bad.text.contains("VOTE"))
            let unknown = try await h.sms(Self.phone, "رای ۹۹")
            #expect(unknown.text.contains("طرحی با شمارهٔ ۹۹ در این رأی‌گیری نیست"))
            let ok = try await h.sms(Self.phone, "رأی ۱۱ ۱۲")
            #expect(ok.status == .ok && ok.text == "رأی شما (برگهٔ منطقه ۱) ثبت شد: طرح‌های ۱۱ و ۱۲. سپاس!\n")
            let ballots = try await h.pb.pbBallots(process: "test-pb")
            #expect(ballots.count == 1 && ballots[0].channel == .sms && ballots[0].ballot.district == .region("1"))
            #expect(try await h.get("/pb/test-pb").text.contains("۱ رأی با پیامک"))
            #expect((try String(contentsOfFile: h.smsLog, encoding: .utf8)).contains("رأی شما (برگهٔ منطقه ۱) ثبت شد"))
        }
    }

    @Test func onePersonByWebSMSAndPaperCountsOnce() async throws {
        for allowChanges in [false, true] {
            try await PBHarness.with({ [try PBHarness.definition(now: $0, allowChanges: allowChanges)] }) { h in
                try await h.verify(Self.phone)
                #expect(try await h.post("/pb/test-pb/vote/ballot", [("district", "0"), ("p_1", "1")]).status == .ok)
                let sms = try await h.sms("+98 912 345 6789", "vote 2")
                #expect(sms.text.contains(allowChanges ? "Vote recorded" : "already voted"))
                let hasher = try await h.repositories.settings.pbVoterHasher(environmentKey: "")
                let process = try #require(try await h.pb.pbProcess("test-pb")).definition.process
                let paper = try PaperBallotImport.parse("voter_id,district,choices,phone\nP-1,0,3,09123456789\nP-2,1,11,\n",
                                                        process: process, phoneKey: { hasher.voterKey(phone: $0) })
                if allowChanges {
                    _ = try await h.pb.castPBBallots(process: "test-pb", paper, channel: .paper, at: h.clock.now)
                } else {
                    await #expect(throws: PBBatchRefusal.self) {
                        _ = try await h.pb.castPBBallots(process: "test-pb", paper, channel: .paper, at: h.clock.now)
                    }
                }
                let ballots = try await h.pb.pbBallots(process: "test-pb")
                let mine = ballots.filter { $0.voterHash == hasher.voterKey(phone: Self.normalized) }
                #expect(mine.count == 1)
                #expect(mine.first?.channel == (allowChanges ? .paper : .web))
                #expect(ballots.count == (allowChanges ? 2 : 1))
            }
        }
    }

    @Test func resultsShowFundedProjectsAndPayments() async throws {
        try await PBHarness.with({ [try PBHarness.definition(now: $0)] }) { h in
            for (index, choice) in [["1"], ["1", "3"], ["2", "3"]].enumerated() {
                let ballot = CitizenBallot(voterKey: "k\(index)", district: .citywide, choices: .approvals(choice))
                try await h.pb.castPBBallot(process: "test-pb", ballot, channel: .paper, at: h.clock.now)
            }
            #expect(try await h.get("/pb/test-pb/results").status == .forbidden)
            h.clock.advance(2 * 86_400)
            let results = try await h.get("/pb/test-pb/results")
            #expect(results.status == .ok)
            #expect(results.text.contains("چگونه پرداخت شد") && results.text.contains("هوادار"))
            #expect(results.text.contains("&lt;script&gt;") && !results.text.contains("<script>"))
            let greedy = try await h.get("/pb/test-pb/results?rule=greedy&lang=en")
            #expect(greedy.text.contains("Greedy") && greedy.text.contains("budget left before"))
        }
    }

    @Test func keptResultsFollowNewBallots() async throws {
        // The results page keeps its tally (review M4) only while the ballots stay the same.
        try await PBHarness.with({ [try PBHarness.definition(now: $0)] }) { h in
            let analyst = try await AuthHarness.signedIn(h.repositories.accounts, "ana", role: .analyst)
            func ballots() async throws -> String? {
                let page = try await WebHarness.get(h.app, "/pb/test-pb/results?lang=en", headers: analyst.headers)
                #expect(page.status == .ok)
                return page.text.firstMatch(of: /(\d+) ballots? · Rule/).map { String($0.1) }
            }
            #expect(try await ballots() == "0")
            for index in 0..<3 {
                let ballot = CitizenBallot(voterKey: "k\(index)", district: .citywide, choices: .approvals(["1"]))
                try await h.pb.castPBBallot(process: "test-pb", ballot, channel: .paper, at: h.clock.now)
                #expect(try await ballots() == String(index + 1))
            }
        }
    }
}
