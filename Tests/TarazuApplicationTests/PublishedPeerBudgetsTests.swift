import Foundation
import TarazuApplication
import TarazuCore
import Testing

/// The shipped dataset of peer cities' published budgets (Tabriz's council, Bahman 1402).
@Suite struct PublishedPeerBudgetsTests {
    @Test func theShippedDatasetHasTheReportedBudgetsAndItsSource() throws {
        let dataset = try #require(PublishedPeerBudgets.shipped)
        #expect(dataset.source.url == "https://nasrnews.ir/detail/108054")
        func budget(_ city: String, _ year: Int) -> Int64? {
            dataset.budgets.first { $0.cityEn == city && $0.year == year }?.amount.rials
        }
        let billion: Int64 = 1_000_000_000
        #expect(budget("Urmia", 1402) == 35_000 * billion && budget("Urmia", 1403) == 45_000 * billion)
        #expect(budget("Ardabil", 1402) == 32_000 * billion)
        #expect(budget("Hamedan", 1403) == 40_000 * billion && budget("Qazvin", 1403) == 41_000 * billion)
        // A city's peers leave it out, named in either language.
        #expect(!dataset.peers(of: "تبریز").contains { $0.cityEn == "Tabriz" })
        #expect(!dataset.peers(of: "Tabriz").contains { $0.cityEn == "Tabriz" })
        #expect(dataset.peers(of: "تبریز").count == dataset.budgets.count - 1)
    }

    @Test func aDatasetWithAnAmountOutOfRangeIsRefused() {
        let json = #"{"about": "", "source": {"title_fa": "", "title_en": "", "url": ""}, "budgets": [{"city_fa": "x", "city_en": "x", "province_fa": "x", "province_en": "x", "year": 1403, "billion_rials": 9223372036854775807, "stage": "next_year"}]}"#
        #expect(throws: DecodingError.self) { try PublishedPeerBudgets(json: Data(json.utf8)) }
    }
}
