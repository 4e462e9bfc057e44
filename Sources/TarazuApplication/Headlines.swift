import Foundation
import TarazuAnalysis
import TarazuCore

/// One figure a reader sees first: an indicator's value under the indicator's own name, its basis,
/// and what it means in one plain sentence.
public struct HeadlineFigure: Hashable, Sendable {
    /// The indicator the figure is.
    public var id: String
    /// The indicator's name: the one label of this value on every surface.
    public var name: Bilingual
    public var value: IndicatorValue
    /// The indicator's unit (`ratio`, `score`, `index`).
    public var unit: String
    /// What the value is computed on, in words.
    public var computedOn: Bilingual?
    /// How to read the value, in one sentence.
    public var meaning: Bilingual
    /// The same share without borrowing, for a share of all sources that the findings quote without it:
    /// «بدون استقراض: ۴۳٫۶٪», so the card and the report's sentence show both figures.
    public var withoutBorrowing: Bilingual?
}

/// The headline figures of the portal's book page and the dashboard's overview: the same indicators,
/// names and bases on both.
public enum Headlines {
    /// The headline indicators in the order shown, with what each means.
    public static let indicators: [(id: String, meaning: Bilingual)] = [
        ("execution.rate.total", Bilingual(fa: "سهم عملکرد از بودجهٔ مصوب.", en: "Realized spending as a share of the approved budget.")),
        ("expenditure.capital_share", Bilingual(fa: "سهم تملک دارایی‌های سرمایه‌ای (عمرانی) از بودجهٔ مصوب.", en: "Capital projects as a share of the approved budget.")),
        ("revenue.fees_share", Bilingual(fa: "سهم عوارض از کل منابع وصول‌شده (درآمدها و استقراض).", en: "Fees and charges as a share of all sources collected (revenue and borrowing).")),
        ("pefa.pi1", Bilingual(fa: "نزدیکی عملکرد کل هزینه‌ها به اعتبار مصوب؛ A بهترین و D ضعیف‌ترین.", en: "How close total spending came to the approved budget; A best, D weakest.")),
        ("pefa.pi2", Bilingual(fa: "نزدیکی ترکیب هزینه به ترکیب مصوب؛ A بهترین و D ضعیف‌ترین.", en: "How close the mix of spending came to the approved mix; A best, D weakest.")),
        ("pefa.pi3", Bilingual(fa: "نزدیکی درآمد وصول‌شده به درآمد مصوب؛ A بهترین و D ضعیف‌ترین.", en: "How close collected revenue came to the forecast; A best, D weakest.")),
        ("equity.gini.capital_without_outliers", Bilingual(fa: "صفر یعنی سرانهٔ عمرانی همهٔ مناطق برابر است و یک یعنی همه به یک منطقه رسیده است.",
                                                           en: "0: every region gets the same capital budget per person; 1: one region gets it all.")),
        ("equity.max_min_ratio.capital_without_outliers", Bilingual(fa: "بیشترین سرانهٔ عمرانی یک منطقه چند برابر کمترین آن است.",
                                                                    en: "How many times the highest capital budget per person of a region is the lowest.")),
    ]

    /// The headline figures of `assessment` (a figure the engine did not compute shows as unavailable).
    public static func figures(_ assessment: BookAssessment) -> [HeadlineFigure] {
        indicators.map { item in
            let indicator = assessment.indicator(item.id)
            let without = indicator.flatMap { indicator in
                FigureText(language: .fa).withoutBorrowing(of: indicator).map {
                    Bilingual(fa: $0, en: FigureText(language: .en).withoutBorrowing(of: indicator) ?? $0)
                }
            }
            return HeadlineFigure(id: item.id, name: Bilingual(fa: indicator?.nameFa ?? item.id, en: indicator?.nameEn ?? item.id),
                                  value: indicator?.value ?? .unavailable, unit: indicator?.unit ?? "",
                                  computedOn: indicator?.computedOn?.label, meaning: item.meaning, withoutBorrowing: without)
        }
    }
}
