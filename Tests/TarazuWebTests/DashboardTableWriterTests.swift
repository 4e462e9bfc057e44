import Foundation
import TarazuApplication
import Testing
@testable import TarazuWeb

/// The dashboard's tables as CSV and JSON downloads.
@Suite struct DashboardTableWriterTests {
    @Test func csvAndJSONWriteTheTable() {
        let table = DashboardTable(id: "t", captionFa: "ج", captionEn: "T",
                                   columns: [DashboardTable.names("name", "نام", "Name"), DashboardTable.rials("approved", "م", "A"),
                                             DashboardTable.ratio("rate", "ن", "R")],
                                   rows: [DashboardTable.Row(cells: [.names(fa: "الف, ب", en: "A \"b\""), .rials(12), .ratio(Decimal(string: "0.123456"))])])
        #expect(DashboardTableWriter.csv(table) == "name_fa,name_en,approved,rate\n\"الف, ب\",\"A \"\"b\"\"\",12,0.1235\n")
        #expect(DashboardTableWriter.json(table).contains("\"approved\": 12, \"rate\": 0.1235"))
    }
}
