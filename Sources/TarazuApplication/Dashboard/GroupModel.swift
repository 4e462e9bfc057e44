import Foundation
import TarazuAnalysis
import TarazuCore

/// The municipal group in the filtered year: each entity's own spending, rates (from the indicators) and
/// transfers, and the budget with and without duplicated figures year by year.
public enum GroupModel {
    /// The view for `filters`: with a region or function filter, each entity's lines and transfer payments in that
    /// region or function (receipts and fees, which have no function, are then not shown).
    public static func view(book: BudgetBook, filters: DashboardFilters, indicators: [Indicator], base: String) throws -> DashboardView {
        let byId = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let filtered = filters.region != nil || filters.function != nil
        let include: (BudgetLine) -> Bool = { filters.matches($0) }
        var rows: [DashboardTable.Row] = []
        var bars: [DashboardView.Bar] = []
        let capitalByEntity = try LineTotals.grouping(book.budgetLines.filter { $0.economicClass == .capital && include($0) }) { $0.entityCode ?? "" }
        for figures in try GroupFigures.rows(book: book, year: filters.year, include: include) {
            let entity = figures.entity
            let capital = capitalByEntity[entity.code] ?? LineTotals()
            let fees = filtered ? nil : byId["revenue.fees_share.by_entity"]?.breakdown[entity.code].flatMap(FigureText.number)
            rows.append(DashboardTable.Row(cells: [
                .text(entity.code), .names(fa: entity.nameFa, en: entity.nameEn ?? entity.nameFa),
                .names(fa: entity.kind.nameFa, en: entity.kind.nameEn),
                .rials(figures.spending.approved.rials), .rials(figures.spending.realizedIfReported?.rials),
                .ratio(figures.spending.executionRate),
                .ratio(figures.spending.realizedIfReported.flatMap { LineTotals.share($0, of: figures.spending.revised) }),
                .ratio(LineTotals.share(capital.approved, of: figures.spending.approved)),
                .ratio(fees), .rials(figures.transfersOut.rials), .rials(filtered ? nil : figures.transfersIn.rials),
            ]))
            bars.append(SpendingColumns.bar(entity.nameFa, entity.nameEn ?? entity.nameFa, figures.spending))
        }
        let entities = DashboardTable(
            id: "entities", caption: Bilingual(fa: "دستگاه‌های مجموعهٔ شهرداری", en: "Entities of the municipal group"),
            columns: [DashboardTable.code("entity"), DashboardTable.names("name", "دستگاه", "Entity"),
                      DashboardTable.names("kind", "نوع", "Kind"),
                      DashboardTable.rials("approved", "مصوب", "Approved"), DashboardTable.rials("realized", "عملکرد", "Realized"),
                      DashboardTable.ratio("execution_rate", "نرخ تحقق", "Execution rate"),
                      DashboardTable.ratio("realized_against_revised", "عملکرد نسبت به اصلاحیه", "Realized against revised"),
                      DashboardTable.ratio("capital_share", "سهم تملک دارایی‌های سرمایه‌ای", "Capital share"),
                      DashboardTable.ratio("fees_share", "سهم عوارض از منابع وصول‌شده (شامل استقراض)", "Fees share of sources (borrowing included)"),
                      DashboardTable.rials("transfers_out", "انتقال به دستگاه‌های دیگر", "Transfers to other entities"),
                      DashboardTable.rials("transfers_in", "دریافتی از دستگاه‌های دیگر", "Received from other entities")],
            rows: rows)
        var yearly: [DashboardTable.Row] = []
        let outside = Set(book.entities.filter(\.kind.isOutsideMunicipality).map(\.code))
        let lines = try LineTotals.grouping(filters.lines(of: book, allYears: true), by: \.year)
        let theirs = try LineTotals.grouping(filters.lines(of: book, allYears: true).filter { $0.entityCode.map(outside.contains) ?? false }, by: \.year)
        let transfers = try LineTotals.grouping(book.transferPayments.filter { filters.matches($0, allYears: true) }, by: \.year)
        for year in book.years {
            let without = lines[year]?.approved ?? .zero
            let moved = transfers[year]?.approved ?? .zero
            yearly.append(DashboardTable.Row(cells: [.year(year), .rials(without.rials), .rials((try? without.adding(moved))?.rials), .rials(moved.rials),
                                                     .ratio(LineTotals.share(theirs[year]?.approved ?? .zero, of: without))]))
        }
        let totals = DashboardTable(
            id: "duplicated_figures", caption: Bilingual(fa: "اعتبار مصوب با و بدون احتساب ارقام تکراری", en: "Approved budget with and without duplicated figures"),
            columns: [DashboardTable.year(), DashboardTable.rials("without", "بدون احتساب ارقام تکراری", "Without duplicated figures"),
                      DashboardTable.rials("with", "با احتساب ارقام تکراری", "With duplicated figures"),
                      DashboardTable.rials("transfers", "انتقال میان دستگاه‌ها", "Transfers between entities"),
                      DashboardTable.ratio("outside_share", "سهم سازمان‌ها و شرکت‌های تابعه", "Organizations' and companies' share")],
            rows: yearly)
        var tables = [entities, totals]
        let mismatches = try TransferReconciliation.mismatches(in: book)
        if !mismatches.isEmpty {
            let names = Dictionary(book.entities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            func cell(_ code: String) -> DashboardTable.Cell {
                .names(fa: names[code]?.nameFa ?? code, en: names[code].map { $0.nameEn ?? $0.nameFa } ?? code)
            }
            tables.append(DashboardTable(
                id: "transfer_mismatches", caption: Bilingual(fa: "انتقال‌های ناهمخوان میان دستگاه‌ها", en: "Transfers whose two sides disagree"),
                columns: [DashboardTable.year(), DashboardTable.names("payer", "پرداخت‌کننده", "Payer"), DashboardTable.names("receiver", "دریافت‌کننده", "Receiver"),
                          DashboardTable.rials("paid", "در مصارف پرداخت‌کننده", "In the payer's spending"),
                          DashboardTable.rials("received", "در منابع دریافت‌کننده", "In the receiver's sources")],
                rows: mismatches.map { mismatch in
                    DashboardTable.Row(cells: [.year(mismatch.year), cell(mismatch.payer), cell(mismatch.receiver),
                                               .rials(mismatch.paymentLines.isEmpty ? nil : mismatch.paid.rials),
                                               .rials(mismatch.receiptLines.isEmpty ? nil : mismatch.received.rials)])
                }))
        }
        return DashboardView(
            title: Bilingual(fa: "دستگاه‌ها", en: "Entities"),
            crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base), DashboardView.Crumb(fa: "دستگاه‌ها", en: "Entities", path: nil)],
            notes: [Bilingual(fa: "ارقام هر دستگاه فقط ردیف‌های خود آن دستگاه است: اعتبار، عملکرد، نرخ تحقق و سهم تملک دارایی‌های سرمایه‌ای بر ردیف‌های هزینهٔ آن، بدون انتقال به دستگاه‌های دیگر؛ سهم عوارض بر منابع وصول‌شدهٔ آن (شامل استقراض)، بدون دریافتی از دستگاه‌های دیگر. نرخ تحقق بیش از ۱۰۰٪ یعنی عملکرد از اعتبار مصوب اولیه بیشتر است؛ ستون «عملکرد نسبت به اصلاحیه» نشان می‌دهد که اصلاحیهٔ بودجه آن را پوشانده است یا نه."
                                  + (filtered ? " با فیلتر منطقه یا مأموریت، ارقام هر دستگاه فقط ردیف‌ها و انتقال‌های پرداختی همان منطقه یا مأموریت است؛ سهم عوارض و دریافتی از دستگاه‌های دیگر نشان داده نمی‌شود." : ""),
                              en: "An entity's figures are its own lines only: approved and realized amounts, execution and capital share on its spending lines, without transfers to other entities; the fees share on its own sources (borrowing included), without receipts from other entities. Execution above 100 % means spending above the original approved amount; the column \"realized against revised\" shows whether a revision of the budget covered it."
                                  + (filtered ? " With a region or function filter, each entity's figures are its lines and transfer payments in that region or function; fees and receipts from other entities are not shown." : ""))],
            bars: SpendingColumns.bars("مصوب و عملکرد به تفکیک دستگاه", "Approved and realized by entity", bars),
            tables: tables)
    }
}
