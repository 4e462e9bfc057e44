import Foundation
import TarazuCore
import TarazuReport

/// The portal's "per resident, by region" section: each region's spending in the year divided by its
/// population, as a choropleth when the book ships a regions map, always with its table.
enum PortalRegions {
    struct Row {
        var region: Region
        var approved: Int64
        var realized: Int64?
        /// Realized per resident when the year has realized figures, else approved per resident.
        var perResident: Int64?
    }

    /// The regions with a population, in the book's order; nil when the year has no regional lines.
    static func rows(book: BudgetBook, year: Int) throws -> [Row]? {
        let totals = try SpendingTotals.grouped(book.budgetLines.filter { $0.year == year }, by: \.regionCode)
        let anyRealized = totals.values.contains { $0.realizedLineCount > 0 }
        let rows = book.regions.compactMap { region -> Row? in
            guard region.population > 0, let sums = totals[region.code] else { return nil }
            let spent = anyRealized ? sums.realized.rials : sums.approved.rials
            return Row(region: region, approved: sums.approved.rials, realized: anyRealized ? sums.realized.rials : nil,
                       perResident: spent / region.population)
        }
        return rows.isEmpty ? nil : rows
    }

    static func section(book: BudgetBook, year: Int, language: WebLanguage) -> String {
        guard let rows = try? rows(book: book, year: year) else { return "" }
        let realized = rows.contains { $0.realized != nil }
        let measure = realized ? language.pick("هزینه‌شده", "spent") : language.pick("مصوب", "approved")
        func name(_ region: Region) -> String { language == .fa ? region.nameFa : region.nameEn ?? region.nameFa }
        func millions(_ rials: Int64) -> String { WebFormat.integer(rials / 1_000_000, language) }
        var html = "<section aria-labelledby=\"regions-title\">\n<h2 id=\"regions-title\">\(language.pick("سهم هر منطقه: سرانهٔ هر ساکن", "Each region's share: per resident"))</h2>\n"
        html += "<p>\(language.pick("اعتبار \(measure) هر منطقه در سال \(WebFormat.year(year, language)) تقسیم بر جمعیت آن، به میلیون ریال برای هر نفر. هزینه‌های ستاد مرکزی و کل شهر در این ارقام نیست.", "Each region's \(measure) budget in \(WebFormat.year(year, language)) divided by its population, in million rials per person. City-wide and central spending is not included."))</p>\n"
        if let map = book.regionMap {
            let entries = rows.map { row in
                ChoroplethMap.Entry(code: row.region.code, name: name(row.region), value: row.perResident.map { Decimal($0) },
                                    valueText: row.perResident.map { millions($0) + language.pick(" میلیون ریال", " million rials") } ?? "—")
            }
            let title = language.pick("سرانهٔ \(measure) به تفکیک منطقه", "\(realized ? "Spent" : "Approved") per resident by region")
            let svg = ChoroplethMap.svg(map: map, entries: entries, title: title, noValueText: language.pick("بدون داده", "no data"),
                                        formatBound: { millions(NSDecimalNumber(decimal: $0).int64Value) },
                                        digits: { WebFormat.digits($0, language) })
            html += "<figure class=\"map\">\(svg)<figcaption>\(htmlEscape(title)) (\(language.pick("میلیون ریال برای هر نفر", "million rials per person")))</figcaption></figure>\n"
        }
        html += "<div class=\"scroll\"><table><caption>\(language.pick("سرانه به تفکیک منطقه", "Per resident by region"))</caption><thead><tr>"
        html += "<th scope=\"col\">\(language.pick("منطقه", "Region"))</th><th scope=\"col\">\(language.pick("جمعیت", "Population"))</th>"
        html += "<th scope=\"col\">\(language.pick("مصوب", "Approved"))</th><th scope=\"col\">\(language.pick("هزینه‌شده", "Spent"))</th>"
        html += "<th scope=\"col\">\(language.pick("سرانه (میلیون ریال)", "Per resident (million rials)"))</th></tr></thead><tbody>"
        for row in rows {
            html += "<tr><th scope=\"row\">\(htmlEscape(name(row.region)))</th><td>\(WebFormat.integer(row.region.population, language))</td>"
            html += "<td>\(WebFormat.billions(row.approved, language))</td><td>\(row.realized.map { WebFormat.billions($0, language) } ?? "—")</td>"
            html += "<td>\(row.perResident.map(millions) ?? "—")</td></tr>"
        }
        html += "</tbody></table></div>\n</section>\n"
        return html
    }
}
