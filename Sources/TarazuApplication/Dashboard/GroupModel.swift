import Foundation
import TarazuAnalysis
import TarazuCore

/// The municipal group in the filtered year: each entity's own spending, rates (from the indicators) and
/// transfers, and the budget with and without duplicated figures year by year.
public enum GroupModel {
    public static func view(book: BudgetBook, year: Int, indicators: [Indicator], base: String) throws -> DashboardView {
        let byId = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func rate(_ id: String, _ code: String) -> DashboardTable.Cell {
            .ratio(byId[id]?.breakdown[code].flatMap(FigureText.number))
        }
        var rows: [DashboardTable.Row] = []
        var bars: [DashboardView.Bar] = []
        for figures in try GroupFigures.rows(book: book, year: year) {
            let entity = figures.entity
            rows.append(DashboardTable.Row(cells: [
                .text(entity.code), .names(fa: entity.nameFa, en: entity.nameEn ?? entity.nameFa),
                .names(fa: entity.kind.nameFa, en: entity.kind.nameEn),
                .rials(figures.spending.approved.rials), .rials(figures.spending.realizedIfReported?.rials),
                rate("execution.rate.by_entity", entity.code), rate("expenditure.capital_share.by_entity", entity.code),
                rate("revenue.fees_share.by_entity", entity.code),
                .rials(figures.transfersOut.rials), .rials(figures.transfersIn.rials),
            ]))
            bars.append(SpendingColumns.bar(entity.nameFa, entity.nameEn ?? entity.nameFa, figures.spending))
        }
        let entities = DashboardTable(
            id: "entities", caption: Bilingual(fa: "دستگاه‌های مجموعهٔ شهرداری", en: "Entities of the municipal group"),
            columns: [DashboardTable.code("entity"), DashboardTable.names("name", "دستگاه", "Entity"),
                      DashboardTable.names("kind", "نوع", "Kind"),
                      DashboardTable.rials("approved", "مصوب", "Approved"), DashboardTable.rials("realized", "عملکرد", "Realized"),
                      DashboardTable.ratio("execution_rate", "نرخ تحقق", "Execution rate"),
                      DashboardTable.ratio("capital_share", "سهم تملک دارایی‌های سرمایه‌ای", "Capital share"),
                      DashboardTable.ratio("fees_share", "سهم عوارض از منابع وصول‌شده", "Fees share of sources"),
                      DashboardTable.rials("transfers_out", "انتقال به دستگاه‌های دیگر", "Transfers to other entities"),
                      DashboardTable.rials("transfers_in", "دریافتی از دستگاه‌های دیگر", "Received from other entities")],
            rows: rows)
        var yearly: [DashboardTable.Row] = []
        for row in try YearlyOverview.rows(book) {
            let with = row.approvedWithDuplicatedFigures ?? row.totals.approved
            yearly.append(DashboardTable.Row(cells: [.year(row.year), .rials(row.totals.approved.rials), .rials(with.rials),
                                                     .rials((try? with.subtracting(row.totals.approved))?.rials),
                                                     .ratio(byId["group.outside_share"]?.breakdown[String(row.year)].flatMap(FigureText.number))]))
        }
        let totals = DashboardTable(
            id: "duplicated_figures", caption: Bilingual(fa: "اعتبار مصوب با و بدون احتساب ارقام تکراری", en: "Approved budget with and without duplicated figures"),
            columns: [DashboardTable.year(), DashboardTable.rials("without", "بدون احتساب ارقام تکراری", "Without duplicated figures"),
                      DashboardTable.rials("with", "با احتساب ارقام تکراری", "With duplicated figures"),
                      DashboardTable.rials("transfers", "انتقال میان دستگاه‌ها", "Transfers between entities"),
                      DashboardTable.ratio("outside_share", "سهم سازمان‌ها و شرکت‌های تابعه", "Organizations' and companies' share")],
            rows: yearly)
        return DashboardView(
            title: Bilingual(fa: "دستگاه‌ها", en: "Entities"),
            crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base), DashboardView.Crumb(fa: "دستگاه‌ها", en: "Entities", path: nil)],
            notes: [Bilingual(fa: "اعتبار، عملکرد، نرخ تحقق و سهم تملک دارایی‌های سرمایه‌ای هر دستگاه بر ردیف‌های هزینهٔ خود آن است، بدون انتقال به دستگاه‌های دیگر؛ سهم عوارض بر منابع وصول‌شدهٔ خود آن، بدون دریافتی از دستگاه‌های دیگر. سهم سازمان‌ها و شرکت‌های تابعه تا سال تحلیل آمده است.",
                              en: "An entity's approved and realized amounts, execution and capital share are on its own spending lines, without transfers to other entities; its fees share on its own sources, without receipts from other entities. The organizations' and companies' share is given up to the analysis year.")],
            bars: SpendingColumns.bars("مصوب و عملکرد به تفکیک دستگاه", "Approved and realized by entity", bars),
            tables: [entities, totals])
    }
}
