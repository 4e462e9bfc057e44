import Foundation
import TarazuAnalysis
import TarazuCore

/// One indicator of the year with its formula, breakdown and evidence (the source rows it sums).
public enum IndicatorEvidenceModel {
    public static func view(_ indicator: Indicator, year: Int, base: String) -> DashboardView {
        func value(_ language: TextLanguage) -> String {
            FigureText(language: language).scalar(indicator.value, unit: indicator.unit) ?? language.pick("در جدول جزئیات", "in the breakdown table")
        }
        let breakdown = DashboardTable(
            id: "breakdown", caption: Bilingual(fa: "جزئیات شاخص", en: "The indicator's breakdown"),
            columns: [DashboardTable.text("key", "کلید", "Key"), DashboardTable.text("value", "مقدار", "Value")],
            rows: [DashboardTable.Row(cells: [.text("value"), .text(IndicatorText.plain(indicator.value) ?? "")])]
                + indicator.breakdown.keys.sorted().map { key in
                    DashboardTable.Row(cells: [.text(key), .text(IndicatorText.plain(indicator.breakdown[key]!) ?? "")])
                })
        let evidence = DashboardTable(
            id: "evidence", caption: Bilingual(fa: "شواهد: ردیف‌های منبع و جمع آن‌ها", en: "Evidence: the source rows and their sums"),
            columns: [DashboardTable.text("table", "جدول", "Table"), DashboardTable.text("key", "کلید", "Key"),
                      DashboardTable.count("row_count", "تعداد ردیف", "Rows"), DashboardTable.text("rows", "ردیف‌ها", "Row ids"),
                      DashboardTable.text("sums", "جمع‌ها", "Sums")],
            rows: indicator.evidence.map { item in
                DashboardTable.Row(cells: [.text(item.table), .text(item.key), .count(Int64(item.rowCount)),
                                           .text(item.rows.joined(separator: " ")),
                                           .text(item.sums.keys.sorted().map { "\($0)=\(IndicatorText.plain(item.sums[$0]!) ?? "-")" }.joined(separator: "; "))])
            })
        return DashboardView(title: Bilingual(fa: indicator.nameFa, en: indicator.nameEn),
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: indicator.id, en: indicator.id, path: nil)],
                             notes: [Bilingual(fa: "مقدار: \(value(.fa))",
                                               en: "Value: \(value(.en))"),
                                     Bilingual(fa: "مبنای محاسبه: \(indicator.computedOn?.label.fa ?? "—")",
                                               en: "Computed on: \(indicator.computedOn?.label.en ?? "—")"),
                                     Bilingual(fa: "واحد: \(FigureText(language: .fa).unitName(indicator.unit))؛ کل کتاب، بدون پالایهٔ منطقه و امور.",
                                               en: "Unit: \(FigureText(language: .en).unitName(indicator.unit)); whole book, no region or function filter."),
                                     Bilingual(fa: "فرمول: \(indicator.formula.fa)",
                                               en: "Formula: \(indicator.formula.en)")],
                             tables: [breakdown, evidence])
    }
}
