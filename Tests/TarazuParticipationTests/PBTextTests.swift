import Foundation
import TarazuCore
import Testing
@testable import TarazuParticipation

/// Every text a citizen sees is normalized as budget books are: Persian letters, no bidi controls.
@Suite struct PBTextTests {
    static let bidiControls: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                         0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF]

    static func hasBidiControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { bidiControls.contains($0.value) }
    }

    @Test func normalizedAsBudgetBooks() {
        #expect(PBText.normalized("\u{202E}پارك ملي\u{202C}") == "پارک ملی")
        #expect(PBText.normalized("\u{200F}مصلى ٣\u{00A0}نفره\u{2066}") == "مصلی ۳ نفره")
        // ZWNJ stays: Persian words need it.
        #expect(PBText.normalized("کتاب\u{200C}خانه") == "کتاب\u{200C}خانه")
        #expect(PBText.normalizedIdentifier("\u{200E}١٢\u{202E}") == "12")
        #expect(PBText.normalized("plain text ") == "plain text")
    }

    @Test func processFileTextsAreNormalized() throws {
        let url = PBProcessFileTests.sample
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var proposals = try #require(object["proposals"] as? [[String: Any]])
        proposals[0]["title"] = "\u{202E}پارك محله"
        proposals[0]["description"] = "نيمكت \u{202E}cba\u{202C} و \u{2067}درخت\u{2069}"
        proposals[1]["status"] = "infeasible"
        proposals[1]["reason"] = ["fa": "زمين \u{202E}ندارد", "en": "\u{200F}no land"]
        object["proposals"] = proposals
        object["title"] = ["fa": "\u{200F}بودجه مشاركتي", "en": "Participatory \u{202E}budget"]
        let definition = try PBProcessFile.parse(try JSONSerialization.data(withJSONObject: object))
        let process = definition.process
        #expect(process.proposals[0].title == "پارک محله")
        #expect(process.proposals[0].description == "نیمکت cba و درخت")
        #expect(process.proposals[1].status == .infeasible(reason: Bilingual(fa: "زمین ندارد", en: "no land")))
        #expect(process.title == Bilingual(fa: "بودجه مشارکتی", en: "Participatory budget"))
        let texts = process.proposals.flatMap { [$0.title, $0.description] } + [process.title.fa, process.title.en]
        #expect(!texts.contains(where: Self.hasBidiControl))
        // A title of nothing but controls is empty.
        proposals[0]["title"] = "\u{202E}\u{200F}"
        object["proposals"] = proposals
        #expect(throws: PBProcessFileError.self) { try PBProcessFile.parse(try JSONSerialization.data(withJSONObject: object)) }
    }

    @Test func editsAreNormalizedToo() throws {
        var proposal = PBProposal(id: "۱۲", district: .citywide, title: "كتابخانه", description: "\u{202E}abc", cost: 100)
        #expect(proposal.id == "12" && proposal.title == "کتابخانه" && proposal.description == "abc")
        proposal.description = "\u{202D}مي\u{202C}"
        proposal.title = "\u{2068}عنوان\u{2069}"
        proposal.status = .infeasible(reason: Bilingual(fa: "\u{202E}گران", en: "too \u{202E}costly"))
        #expect(proposal.description == "می" && proposal.title == "عنوان")
        #expect(proposal.status == .infeasible(reason: Bilingual(fa: "گران", en: "too costly")))
    }

    @Test func smsWithBidiMarks() throws {
        // Phones put an Arabic letter mark (U+061C) or RLM around digits in right-to-left text.
        #expect(try SMSBallotParser.parse("رای ۱۲\u{061C} ۱۵\u{200F}") == .approvals(["12", "15"]))
        #expect(try SMSBallotParser.parse("\u{202B}vote 12,\u{2067}15\u{2069}") == .approvals(["12", "15"]))
        #expect(try PhoneNumber.normalize("\u{200E}۰۹۱۲ ۳۴۵ ۶۷۸۹\u{200E}") == "+989123456789")
    }

    @Test func paperSerialsWithBidiMarksAreTheSameSerial() throws {
        // A serial with an invisible mark must not pass as a new paper ballot.
        let csv = "voter_id,district,choices\nP-1,1,12\n\u{200F}P-1\u{202C},1,15\n"
        do {
            _ = try PaperBallotImport.parse(csv, process: PBFixture.process())
            Issue.record("a repeated serial hidden behind a bidi mark was accepted")
        } catch {
            #expect(error.issues.map { "\($0.line):\($0.column)" } == ["3:voter_id"])
        }
        let header = "\u{200F}voter_id\u{200E},district,\u{202B}choices\u{202C}\n\u{200E}P-2,\u{200F}۱,۱۲\u{061C} ۱۵\n"
        #expect(try PaperBallotImport.parse(header, process: PBFixture.process())
            == [CitizenBallot(voterKey: "paper:P-2", district: .region("1"), choices: .approvals(["12", "15"]))])
    }
}
