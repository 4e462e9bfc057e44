import Foundation
import TarazuAnalysis
import TarazuCore

/// Spending by economic class (current, capital, financial) in the filtered year.
public enum EconomicBreakdown {
    public static func view(book: BudgetBook, filters: DashboardFilters, base: String) throws -> DashboardView {
        let lines = filters.lines(of: book)
        let totals = try LineTotals.grouping(lines, by: \.economicClass)
        let total = try LineTotals.of(lines)
        let contingency = try LineTotals.of(lines.filter(\.isContingency))
        var rows: [DashboardTable.Row] = []
        var bars: [DashboardView.Bar] = []
        // The glossary's names: «اعتبارات هزینه‌ای», not the bare adjective.
        let names = (fa: BreakdownText(book: book, language: .fa), en: BreakdownText(book: book, language: .en))
        for kind in EconomicClass.allCases {
            guard let sums = totals[kind] else { continue }
            let fa = names.fa.label(kind.rawValue), en = names.en.label(kind.rawValue)
            rows.append(DashboardTable.Row(cells: [.text(kind.code), .names(fa: fa, en: en)] + SpendingColumns.cells(sums)
                                           + [.ratio(LineTotals.share(sums.approved, of: total.approved))]))
            bars.append(SpendingColumns.bar(fa, en, sums))
        }
        let table = DashboardTable(
            id: "economic", caption: Bilingual(fa: "اعتبارات به تفکیک طبقهٔ اقتصادی", en: "Spending by economic class"),
            columns: [DashboardTable.code("economic_class"), DashboardTable.names("name", "طبقه", "Class")]
                + SpendingColumns.columns + [SpendingColumns.share],
            rows: rows)
        let share = LineTotals.share(contingency.approved, of: total.approved) ?? 0
        return DashboardView(title: Bilingual(fa: "طبقهٔ اقتصادی", en: "Economic classification"),
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: "طبقهٔ اقتصادی", en: "Economic classification", path: nil)],
                             notes: [Bilingual(fa: "اعتبارات هزینه‌ای: حقوق و اداره؛ تملک دارایی‌های سرمایه‌ای: پروژه‌های عمرانی؛ تملک دارایی‌های مالی: بازپرداخت وام و سرمایه‌گذاری. اعتبارات پیش‌بینی‌نشده: \(Numerals(language: .fa).percent(share)) از کل اعتبار مصوب.",
                                               en: "Current: salaries and running costs; capital: civil works; financial: loan repayment and investment. Contingency reserve: \(Numerals(language: .en).percent(share)) of approved.")],
                             bars: SpendingColumns.bars("مصوب و عملکرد به تفکیک طبقهٔ اقتصادی", "Approved and realized by economic class", bars),
                             tables: [table])
    }
}
