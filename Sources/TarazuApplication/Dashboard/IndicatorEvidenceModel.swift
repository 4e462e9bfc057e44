import Foundation
import TarazuAnalysis
import TarazuCore

/// One indicator of the year with its formula, breakdown and evidence (the source rows it sums).
public enum IndicatorEvidenceModel {
    public static func view(_ indicator: Indicator, book: BudgetBook, year: Int, base: String) -> DashboardView {
        func value(_ language: TextLanguage) -> String {
            FigureText(language: language).value(of: indicator) ?? language.pick("در جدول جزئیات", "in the breakdown table")
        }
        let fa = BreakdownText(book: book, language: .fa)
        let en = BreakdownText(book: book, language: .en)
        func figure(_ part: IndicatorValue, key: String) -> DashboardTable.Cell {
            .names(fa: fa.value(part, key: key, indicatorUnit: indicator.unit), en: en.value(part, key: key, indicatorUnit: indicator.unit))
        }
        let breakdown = DashboardTable(
            id: "breakdown", caption: Bilingual(fa: "جزئیات شاخص", en: "The indicator's breakdown"),
            columns: [DashboardTable.names("part", "جزء", "Part"), DashboardTable.names("figure", "رقم", "Figure")],
            rows: [DashboardTable.Row(cells: [.names(fa: fa.label("value"), en: en.label("value")),
                                              .names(fa: value(.fa), en: value(.en))])]
                + indicator.breakdown.keys.sorted(by: Region.codeOrder).map { key in
                    DashboardTable.Row(cells: [.names(fa: fa.label(key), en: en.label(key)),
                                               figure(indicator.breakdown[key] ?? .unavailable, key: key)])
                })
        // A declared fact's evidence holds its value, in the indicator's unit; other sums are amounts.
        let sumsUnit = indicator.basis == .declared ? indicator.unit : "rials"
        let evidence = DashboardTable(
            id: "evidence", caption: Bilingual(fa: "شواهد: ردیف‌های منبع و جمع آن‌ها", en: "Evidence: the source rows and their sums"),
            columns: [DashboardTable.names("table", "جدول", "Table"), DashboardTable.names("part", "جزء", "Part"),
                      DashboardTable.count("row_count", "تعداد ردیف", "Rows"), DashboardTable.identifier("rows", "شناسهٔ ردیف‌ها", "Row ids"),
                      DashboardTable.names("sums", "جمع‌ها", "Sums")],
            rows: indicator.evidence.map { item in
                DashboardTable.Row(cells: [.names(fa: fa.table(item.table), en: en.table(item.table)),
                                           .names(fa: fa.evidenceKey(item.key), en: en.evidenceKey(item.key)),
                                           .count(Int64(item.rowCount)),
                                           .ids(item.rows, count: item.rowCount),
                                           .names(fa: fa.record(item.sums, indicatorUnit: sumsUnit), en: en.record(item.sums, indicatorUnit: sumsUnit))])
            })
        var view = DashboardView(title: Bilingual(fa: indicator.nameFa, en: indicator.nameEn),
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: indicator.nameFa, en: indicator.nameEn, path: nil)],
                             notes: [Bilingual(fa: "مقدار: \(value(.fa))",
                                               en: "Value: \(value(.en))"),
                                     Bilingual(fa: "مبنای محاسبه: \(indicator.computedOn?.label.fa ?? "—")",
                                               en: "Computed on: \(indicator.computedOn?.label.en ?? "—")"),
                                     Bilingual(fa: "واحد: \(FigureText(language: .fa).unitName(indicator.unit))؛ همهٔ مناطق و مأموریت‌ها، بدون فیلتر.",
                                               en: "Unit: \(FigureText(language: .en).unitName(indicator.unit)); whole book, no region or function filter."),
                                     Bilingual(fa: "فرمول: \(indicator.formula.fa)",
                                               en: "Formula: \(indicator.formula.en)")],
                             tables: [breakdown, evidence])
        // A declared fact is a yes or no, a count or a share: no amount to round.
        view.showsAmounts = indicator.basis != .declared
        return view
    }
}
