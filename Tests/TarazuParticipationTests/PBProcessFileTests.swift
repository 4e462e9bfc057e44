import Foundation
import Testing
@testable import TarazuParticipation
import TarazuCore

/// Process files: the committed Tabriz sample, round trips, and refusals with their JSON path.
@Suite struct PBProcessFileTests {
    static let sample = TestData.testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples/pb/tabriz-1404.json")

    @Test func theTabrizSampleIsValidAndRoundTrips() throws {
        let definition = try PBProcessFile.parse(Data(contentsOf: Self.sample))
        let process = definition.process
        #expect(process.id == "tabriz-1404" && process.year == 1404)
        #expect(process.regionBudgets.count == 10 && process.proposals.count >= 30)
        #expect(process.phase(.voting).start == PBCalendarDay.jalali(1404, 7, 1))
        for code in 1...10 { #expect(!process.ballotProjects(for: .region(String(code))).isEmpty) }
        #expect(process.proposals.contains { if case .infeasible = $0.status { true } else { false } })
        #expect(definition.settings.allowChanges && definition.settings.rule == .mesAdd1)
        #expect(definition.settings.shortName == Bilingual(fa: "تبریز ۱۴۰۴", en: "Tabriz 1404"))
        let again = try PBProcessFile.parse(Data(PBProcessFile.json(definition).utf8))
        #expect(again == definition)
    }

    @Test func problemsNameTheirPath() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.sample)) as? [String: Any])
        func refusal(_ change: (inout [String: Any]) -> Void) -> PBProcessFileError? {
            var copy = object
            change(&copy)
            do {
                _ = try PBProcessFile.parse(try JSONSerialization.data(withJSONObject: copy))
                return nil
            } catch let error as PBProcessFileError {
                return error
            } catch {
                return nil
            }
        }
        #expect(refusal { $0["id"] = "Tabriz 1404" }?.path == "id")
        #expect(refusal { $0["title"] = nil }?.description.contains("title") == true)
        var proposals = try #require(object["proposals"] as? [[String: Any]])
        proposals[3]["cost"] = "12x"
        #expect(refusal { $0["proposals"] = proposals }?.path == "proposals[3].cost")
        proposals[3]["cost"] = -5
        #expect(refusal { $0["proposals"] = proposals }?.message.en.contains("positive") == true)
        proposals[3]["cost"] = "۱۲۰۰"
        proposals[3]["district"] = "42"
        #expect(refusal { $0["proposals"] = proposals }?.path == "proposals[3].district")
        var phases = try #require(object["phases"] as? [String: Any])
        phases["voting"] = ["start": "1404-07-01", "end": "1404-13-40"]
        #expect(refusal { $0["phases"] = phases }?.path == "phases.voting.end")
        phases["voting"] = ["start": "1404-07-01", "end": "1404-08-20"]
        #expect(refusal { $0["phases"] = phases }?.message.en.contains("overlap") == true)
        #expect(refusal { $0["rules"] = ["kind": "borda"] }?.path == "rules.kind")
        object["settings"] = ["short_name": ["fa": "بودجه‌ریزی مشارکتی شهرداری تبریز ۱۴۰۴", "en": "Tabriz 1404"]]
        let long = refusal { _ in }
        #expect(long?.path == "settings.short_name.fa" && long?.message.en.contains("1 to 24 characters") == true, "\(String(describing: long))")
        object["settings"] = ["short_name": ["fa": "تبریز", "en": " "]]
        #expect(refusal { _ in }?.path == "settings.short_name.en")
        object["settings"] = ["rule": "phragmen"]
        #expect(refusal { _ in }?.path == "settings.rule")
    }
}
