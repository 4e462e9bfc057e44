import Foundation
import TarazuCore
import Testing
@testable import TarazuParticipation

@Suite struct SMSBallotTests {
    @Test(arguments: [
        "رای ۱۲ ۱۵ ۳۱", "رأی 12،15،31", "VOTE 12 15 31", "vote 12,15,31", "راي ١٢ ١٥ ٣١",
        "  رای   ۱۲ ،  ۱۵،۳۱  ", "Vote 012 15 31", "رای۱۲ ۱۵ ۳۱", "\u{200F}رای ۱۲\u{200C} ۱۵ ۳۱\n",
    ])
    func approvalForms(text: String) throws {
        #expect(try SMSBallotParser.parse(text) == .approvals(["12", "15", "31"]))
    }

    @Test func pointsForm() throws {
        #expect(try SMSBallotParser.parse("رای ۱۲:۳ ۱۵:۲") == .points([PBPoints("12", 3), PBPoints("15", 2)]))
        #expect(try SMSBallotParser.parse("vote 12 : 3, 15:2") == .points([PBPoints("12", 3), PBPoints("15", 2)]))
    }

    @Test func rankingReadsOrder() throws {
        #expect(try SMSBallotParser.parse("رای ۳۱ ۱۲").asRanking() == .ranking([PBRank("31", 1), PBRank("12", 2)]))
    }

    @Test(arguments: [
        "", "سلام", "12 15", "رای", "vote", "رای ۱۲ abc", "رای ۱۲:۳ ۱۵", "رای ۱۲:", "votes 12", "رای ۱۲-۱۵",
        "رای 1234567", "رایانه ۱۲",
    ])
    func rejected(text: String) {
        do {
            let choices = try SMSBallotParser.parse(text)
            Issue.record("accepted \(text) as \(choices)")
        } catch {
            #expect(!error.message.fa.isEmpty && !error.message.en.isEmpty)
        }
    }

    @Test func replies() {
        let t0 = Date(timeIntervalSince1970: 1_764_921_600) // 2025-12-05 08:00 UTC
        let pair = PBChoices.approvals(["1", "2"]), points = PBChoices.points([PBPoints("1", 5), PBPoints("2", 5)])
        let names = [Bilingual(fa: "تبریز ۱۴۰۵", en: "Tabriz 1405"), Bilingual(fa: "ارومیه ۱۴۰۵", en: "Urmia 1405")]
        let replies: [SMSReply] = [
            .accepted(["12", "15", "31"], replaced: false), .accepted(["12", "15", "31"], replaced: true),
            .accepted(["11", "12"], replaced: true, process: names[0]),
            .invalid(BallotProblem.unknownProject("99").message), .votingClosed, .notOpenYet(opens: t0), .closed(at: t0),
            .closed(at: t0, open: names),
            .alreadyVoted, .codeRequired, .help(.approval(minProjects: 1, maxProjects: 3), example: pair),
            .help(.costLimitedApproval(maxProjects: nil), example: pair),
            .help(.cumulative(totalPoints: 10, maxPerProject: 5), example: points), .help(.ranking(maxRanks: 3), example: pair),
            .notABallot(example: pair), .wrongForm(.approval(minProjects: 1, maxProjects: 2), example: pair),
            .wrongForm(.cumulative(totalPoints: 10, maxPerProject: 5), example: points),
            .unknownProcess(open: names), .unknownProcess(open: []), .ambiguous(open: names), .severalOpen(open: names),
        ]
        for reply in replies {
            #expect(reply.fa.utf16.count <= 70, "\(reply.fa)")
            #expect(reply.en.count <= 160, "\(reply.en)")
            #expect(reply.en.unicodeScalars.allSatisfy { $0.isASCII })
            #expect(!reply.fa.contains { $0.isASCII && $0.isLetter }, "\(reply.fa)")
            #expect(reply.text(.fa) == reply.fa && reply.text(.en) == reply.en)
        }
        #expect(SMSReply.accepted(["12", "15", "31"], replaced: false).fa == "رأی شما ثبت شد: طرح‌های ۱۲، ۱۵ و ۳۱. سپاس!")
        #expect(SMSReply.accepted(["1", "3"], replaced: false, process: names[0]).fa == "رأی شما در «تبریز ۱۴۰۵» ثبت شد: طرح‌های ۱ و ۳. سپاس!")
        #expect(SMSReply.accepted(["12"], replaced: false).en == "Vote recorded: project 12. Thank you!")
        #expect(SMSReply.help(.approval(minProjects: 1, maxProjects: 2), example: pair).fa
            == "«رأی» و شمارهٔ یک یا دو طرح از یک برگهٔ رأی را بفرستید، مثل «رأی ۱ ۲»")
        // A help that cannot say «از یک برگهٔ رأی» in one segment still says how to vote.
        #expect(SMSReply.help(.approval(minProjects: 1, maxProjects: 2), example: .approvals(["1101", "1102", "1103"])).fa
            == "برای رأی، «رأی» و شمارهٔ یک یا دو طرح را بفرستید، مثل «رأی ۱۱۰۱ ۱۱۰۲ ۱۱۰۳»")
        #expect(SMSReply.help(.approval(minProjects: 1, maxProjects: 3), example: pair).fa.contains("یک تا سه طرح"))
        #expect(SMSReply.help(.cumulative(totalPoints: 10, maxPerProject: 5), example: points).fa.hasSuffix("جمعاً ۱۰ امتیاز، هر طرح حداکثر ۵ امتیاز"))
        #expect(SMSReply.notABallot(example: pair).fa.contains("«رأی ۱ ۲»") && SMSReply.notABallot(example: pair).fa.contains("«راهنما»"))
        #expect(!SMSReply.notABallot(example: pair).fa.contains("رأی ثبت نشد"))
        #expect(SMSReply.wrongForm(.cumulative(totalPoints: 10, maxPerProject: 5), example: points).fa.contains("«رأی ۱:۵ ۲:۵»"))
        let short = [Bilingual(fa: "تبریز", en: "Tabriz"), Bilingual(fa: "ارومیه", en: "Urmia")]
        #expect(SMSReply.severalOpen(open: short).fa == "«رأی» و شمارهٔ طرح‌ها را بفرستید؛ رأی‌گیری‌های باز: «تبریز» و «ارومیه»")
        #expect(SMSReply.severalOpen(open: names).fa == "چند رأی‌گیری باز است؛ «رأی» و شمارهٔ طرح‌ها را بفرستید.", "too long with the names")
        #expect(SMSReply.closed(at: t0, open: [names[0]]).fa.hasSuffix("رأی‌گیری باز: «تبریز ۱۴۰۵»"), "points to the vote open now")
        #expect(SMSReply.notOpenYet(opens: t0).fa == "رأی‌گیری هنوز باز نشده است؛ از ۱۴۰۴/۰۹/۱۴ ساعت ۱۱:۳۰ آغاز می‌شود.")
    }

    /// Examples are ballots the process would accept: feasible projects of the sender's ballot, points within the rules.
    @Test func examplesAreValidBallots() throws {
        let phases = PBPhaseKind.allCases.enumerated().map { index, kind in
            PBPhase(kind, start: Date(timeIntervalSince1970: Double(index) * 1000), end: Date(timeIntervalSince1970: Double(index + 1) * 1000))
        }
        let proposals = [
            PBProposal(id: "12", district: .region("1"), title: "الف", cost: 10, status: .feasible),
            PBProposal(id: "20", district: .citywide, title: "ب", cost: 80, status: .infeasible(reason: Bilingual(fa: "گران", en: "dear"))),
            PBProposal(id: "21", district: .citywide, title: "پ", cost: 60, status: .feasible),
            PBProposal(id: "22", district: .citywide, title: "ت", cost: 50, status: .feasible),
            PBProposal(id: "23", district: .citywide, title: "ث", cost: 30, status: .feasible),
        ]
        let kinds: [BallotRules] = [.approval(minProjects: 1, maxProjects: 2), .approval(minProjects: 3, maxProjects: 3),
                                    .costLimitedApproval(maxProjects: nil), .cumulative(totalPoints: 10, maxPerProject: 4),
                                    .ranking(maxRanks: 1)]
        for rules in kinds {
            let process = try PBProcess(id: "x", year: 1405, title: Bilingual(fa: "آزمون", en: "test"), phases: phases,
                                        citywideBudget: 100, regionBudgets: ["1": 50], rules: rules, proposals: proposals)
            let district = SMSBallotParser.defaultDistrict(process, smsDistrict: nil)
            #expect(district == .citywide)
            var example = SMSBallotParser.example(process, district: district)
            if case .ranking = rules { example = example.asRanking() }
            #expect(!example.projects.isEmpty && !example.projects.contains("20") && !example.projects.contains("12"), "\(rules): \(example)")
            let problems = BallotValidator.validate(CitizenBallot(voterKey: "v", district: district, choices: example), process)
            #expect(problems.isEmpty, "\(rules): \(example) \(problems)")
        }
    }

    @Test(arguments: [("vote 12", TextLanguage.en), ("VOTE 12 15", .en), ("help", .en), ("رای ۱۲", .fa), ("رأی 12", .fa), ("سلام", .fa),
                      ("؟", .fa), ("?", .fa), ("", .fa), ("vote ۱۲ رای", .fa)])
    func replyLanguage(text: String, language: TextLanguage) {
        #expect(SMSBallotParser.language(of: text) == language)
    }

    @Test func ballotsStartWithTheKeyword() {
        for text in ["رای ۱۲", "vote 12", "رأی", "رای۱۲"] { #expect(SMSBallotParser.isBallot(text), "\(text)") }
        for text in ["سلام", "12 15", "رایانه ۱۲", "votes 12"] { #expect(!SMSBallotParser.isBallot(text), "\(text)") }
    }

    @Test func helpWords() {
        for text in ["راهنما", " Help ", "?", "؟", "HELP"] { #expect(SMSBallotParser.asksForHelp(text), "\(text)") }
        for text in ["رای ۱۲", "helpme", "راهنما ۱۲"] { #expect(!SMSBallotParser.asksForHelp(text), "\(text)") }
    }
}

@Suite struct VoterIdentityTests {
    @Test(arguments: [
        "+98 912 345 6789", "00989123456789", "09123456789", "9123456789", "۰۹۱۲-۳۴۵-۶۷۸۹", "٠٩١٢٣٤٥٦٧٨٩",
        "+98 (912) 345-67-89", "989123456789", "+98 0912 345 6789",
    ])
    func mobiles(text: String) throws {
        #expect(try PhoneNumber.normalize(text) == "+989123456789")
    }

    @Test func refusals() {
        func error(_ text: String) -> PhoneNumberError? {
            do { _ = try PhoneNumber.normalize(text); return nil } catch { return error }
        }
        #expect(error("02133445566") == .notMobile)       // Tehran landline
        #expect(error("+98 41 3333 4444") == .notMobile)   // Tabriz landline
        #expect(error("+1 202 555 0100") == .notMobile)
        #expect(error("0912345678") == .wrongLength)
        #expect(error("091234567890") == .wrongLength)
        #expect(error("   ") == .empty)
        #expect(error("0912abc4567") == .invalidCharacter)
        #expect(error("09+123456789") == .invalidCharacter)
        #expect(!PhoneNumberError.notMobile.message.fa.isEmpty)
    }


    @Test func issueIsDeterministicWithInjectedGenerator() throws {
        let t0 = PBFixture.duringVoting
        var g1 = SplitMix64(seed: 7)
        var g2 = SplitMix64(seed: 7)
        let a = try OneTimeCodeState.issue(at: t0, previous: nil, using: &g1)
        let b = try OneTimeCodeState.issue(at: t0, previous: nil, using: &g2)
        #expect(a == b)
        #expect(a.code.count == 6 && a.code.allSatisfy(\.isASCIIDigitCharacter))
    }

    @Test func resendCooldown() throws {
        let t0 = PBFixture.duringVoting
        var g = SplitMix64(seed: 1)
        let first = try OneTimeCodeState.issue(at: t0, previous: nil, using: &g)
        #expect(throws: OneTimeCodeIssueError.cooldown(secondsLeft: 20)) {
            try OneTimeCodeState.issue(at: t0.addingTimeInterval(40), previous: first, using: &g)
        }
        let second = try OneTimeCodeState.issue(at: t0.addingTimeInterval(60), previous: first, using: &g)
        #expect(second.issuedAt == t0.addingTimeInterval(60))
    }

    @Test func verifyOkOnceWithPersianDigits() {
        let t0 = PBFixture.duringVoting
        var state = OneTimeCodeState(code: "123456", issuedAt: t0)
        #expect(state.verify("۱۲۳ ۴۵۶", at: t0.addingTimeInterval(10)) == .ok)
        #expect(state.verify("123456", at: t0.addingTimeInterval(11)) == .alreadyUsed)
    }

    @Test func wrongThenLocked() {
        let t0 = PBFixture.duringVoting
        var state = OneTimeCodeState(code: "123456", issuedAt: t0)
        #expect(state.verify("000000", at: t0) == .wrong(attemptsLeft: 4))
        #expect(state.verify("12345", at: t0) == .wrong(attemptsLeft: 3))
        #expect(state.verify("1234567", at: t0) == .wrong(attemptsLeft: 2))
        #expect(state.verify("", at: t0) == .wrong(attemptsLeft: 1))
        #expect(state.verify("111111", at: t0) == .locked)
        #expect(state.verify("123456", at: t0) == .locked)
    }

    @Test func expiresAfterFiveMinutes() {
        let t0 = PBFixture.duringVoting
        var late = OneTimeCodeState(code: "123456", issuedAt: t0)
        #expect(late.verify("123456", at: t0.addingTimeInterval(300)) == .expired)
        var inTime = OneTimeCodeState(code: "123456", issuedAt: t0)
        #expect(inTime.verify("123456", at: t0.addingTimeInterval(299)) == .ok)
        #expect(OneTimeCodePolicy.standard == OneTimeCodePolicy(digits: 6, lifetime: 300, maxAttempts: 5, resendCooldown: 60))
    }
}

/// A recorded SMS vote names the ballot it was counted on when the reply has room, and a mixed ballot
/// is refused without calling either part "yours".
@Suite struct SMSBallotNamingTests {
    @Test func theReplyNamesTheBallot() {
        let region = SMSReply.accepted(["92", "94"], replaced: false, ballot: PBDistrict(code: "9"))
        #expect(region.fa == "رأی شما (برگهٔ منطقه ۹) ثبت شد: طرح‌های ۹۲ و ۹۴. سپاس!")
        #expect(region.en == "Vote recorded (ballot of region 9): projects 92 and 94. Thank you!")
        let citywide = SMSReply.accepted(["11"], replaced: true, ballot: .citywide)
        #expect(citywide.fa == "رأی تازهٔ شما (برگهٔ سطح شهر) به جای رأی پیشین ثبت شد: طرح ۱۱.")
        // A replaced vote that does not fit with the ballot in full names it in a shorter sentence.
        let moved = SMSReply.accepted(["11", "12"], replaced: true, ballot: PBDistrict(code: "1"))
        #expect(moved.fa.utf16.count <= 70 && moved.fa.contains("برگهٔ منطقه ۱"))
        // With a long process name and many projects the ballot gives way, and the reply still fits one segment.
        let long = SMSReply.accepted(["101", "102", "103", "104", "105"], replaced: true,
                                     process: Bilingual(fa: "بودجه‌ریزی مشارکتی تبریز", en: "Tabriz PB"), ballot: PBDistrict(code: "10"))
        #expect(long.fa.utf16.count <= 70, "\(long.fa)")
    }

    @Test func aMixedBallotIsRefusedPlainly() {
        let message = BallotProblem.otherRegion(project: "92", district: PBDistrict(code: "10")).message
        #expect(message.fa == "طرح ۹۲ از برگهٔ منطقه ۱۰ است؛ همه باید از یک برگه باشند.")
        #expect(("رأی ثبت نشد: " + message.fa).utf16.count <= 70)
    }
}
