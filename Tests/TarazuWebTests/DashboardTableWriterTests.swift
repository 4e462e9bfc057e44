import Foundation
import TarazuApplication
import TarazuCore
import Testing
@testable import TarazuWeb

/// The dashboard's tables as CSV and JSON downloads.
@Suite struct DashboardTableWriterTests {
    @Test func csvAndJSONWriteTheTable() {
        let table = DashboardTable(id: "t", caption: Bilingual(fa: "ج", en: "T"),
                                   columns: [DashboardTable.names("name", "نام", "Name"), DashboardTable.rials("approved", "م", "A"),
                                             DashboardTable.ratio("rate", "ن", "R")],
                                   rows: [DashboardTable.Row(cells: [.names(fa: "الف, ب", en: "A \"b\""), .rials(12), .ratio(Decimal(string: "0.123456"))])])
        #expect(DashboardTableWriter.csv(table) == "name_fa,name_en,approved,rate\n\"الف, ب\",\"A \"\"b\"\"\",12,0.1235\n")
        #expect(DashboardTableWriter.json(table).contains("\"approved\": 12, \"rate\": 0.1235"))
    }
}

/// Query strings are built structurally: a value cannot add a parameter or leave its attribute.
@Suite struct QueryStringTests {
    @Test func valuesArePercentEncoded() {
        #expect(PortalPages.link("/admin/audit", .en, extra: [("page", "2&lang=fa\"><b>")]).description
                == "/admin/audit?lang=en&page=2%26lang%3Dfa%22%3E%3Cb%3E")
        #expect(PortalPages.link("/books/x", .fa).description == "/books/x")
        #expect(PortalPages.link("/books/x", .fa, year: 1403).description == "/books/x?year=1403")
    }
}
