import Foundation
import TarazuCore

/// participation.*, transparency.* and data_quality.integration: facts that budget data cannot show,
/// read from the book's governance.yaml and marked `declared`. A fact that is not declared gives an
/// `unavailable` value, so the rubric leaves its check out rather than guessing; so does a fact declared
/// about a later year than the one analyzed (`as_of`).
public enum DeclaredIndicators {
    private struct Spec {
        var id: String
        var fact: String
        var nameFa: String
        var nameEn: String
        var unit: String
    }

    private static let specs = [
        Spec(id: "participation.citizen_budgeting", fact: "citizen_participation_in_budgeting",
             nameFa: "مشارکت شهروندان در انتخاب اولویت‌های بودجه", nameEn: "Citizen participation in choosing budget priorities", unit: "flag"),
        Spec(id: "participation.pb_share", fact: "participatory_budget_share",
             nameFa: "سهم بودجهٔ عمرانی تعیین‌شده با رأی شهروندان", nameEn: "Share of the capital budget decided by citizens' votes", unit: "ratio"),
        Spec(id: "transparency.official_reporting", fact: "regular_official_reporting",
             nameFa: "گزارش‌دهی منظم و رسمی بودجه", nameEn: "Regular official budget reporting", unit: "flag"),
        Spec(id: "transparency.policy_analysis", fact: "budget_report_has_policy_analysis",
             nameFa: "تحلیل سیاستی در گزارش بودجه", nameEn: "Policy analysis in the budget report", unit: "flag"),
        Spec(id: "transparency.council_dashboards", fact: "council_dashboards",
             nameFa: "داشبورد تحلیلی شورا", nameEn: "Analytical dashboards for the council", unit: "flag"),
        Spec(id: "transparency.contracts_published", fact: "contracts_published",
             nameFa: "انتشار قراردادها", nameEn: "Contracts published", unit: "flag"),
        Spec(id: "data_quality.integration", fact: "connected_source_systems",
             nameFa: "اتصال سامانه‌های منبع", nameEn: "Connected source systems", unit: "systems"),
    ]

    /// The Jalali year the declared facts among `indicators` describe (governance.yaml's `as_of:`), if given.
    public static func asOf(_ indicators: [Indicator]) -> Int? {
        for indicator in indicators where indicator.basis == .declared {
            if case .count(let year)? = indicator.evidence.first?.sums["as_of"] { return year }
        }
        return nil
    }

    /// What opens a declared statement on every surface, so the sentence itself says it is declared and,
    /// with `asOf`, which year's state it describes: «اظهارشده دربارهٔ وضعیت سال ۱۴۰۳، نه سنجیده از داده‌ها».
    public static func opening(asOf year: Int?) -> Bilingual {
        guard let year else { return Bilingual(fa: "اظهارشده، نه سنجیده از داده‌ها", en: "Declared, not measured from the data") }
        return Bilingual(fa: "اظهارشده دربارهٔ وضعیت سال \(PersianText.persianDigits(String(year)))، نه سنجیده از داده‌ها",
                         en: "Declared about \(year), not measured from the data")
    }

    /// Under recommendations of which some answer facts declared about an earlier year than `readIn`, the
    /// year they are read in: the facts may be out of date, and where to update them; nil otherwise.
    public static func recommendationsNote(_ assessment: Assessment, asOf year: Int?, readIn: Int?) -> Bilingual? {
        guard let year, let readIn, year < readIn else { return nil }
        let answersDeclared = assessment.recommendations.contains { recommendation in
            let checks = assessment.criteria.first { $0.id == recommendation.criterion }?.checks ?? []
            return checks.contains { $0.id == recommendation.check && $0.basis == .declared }
        }
        guard answersDeclared else { return nil }
        return Bilingual(fa: "پیشنهادهایی که به واقعیت‌های اظهارشده پاسخ می‌دهند بر وضعیت سال \(PersianText.persianDigits(String(year))) تکیه دارند؛ آنچه از آن پس انجام شده است (برای نمونه راه‌اندازی داشبورد تحلیلی شورا یا بودجه‌ریزی مشارکتی) باید در پروندهٔ حکمرانی کتاب به‌روز شود تا این پیشنهادها هم به‌روز شوند.",
                  en: "The recommendations answering declared facts rest on the state of \(year); what has been done since (a council dashboard or participatory budgeting, for instance) should be updated in the book's governance file so that these recommendations are too.")
    }

    static func all(_ context: AnalysisContext) -> [Indicator] {
        // Facts that describe a later year say nothing of an earlier one: an analysis of a year before
        // `as_of` has them undeclared.
        let applies = context.facts.asOf.map { context.year >= $0 } ?? true
        return specs.map { spec in
            let fact = applies ? context.facts.facts[spec.fact] : nil
            var value = fact?.value ?? .unavailable
            if FigureText.countingUnits.contains(spec.unit), case .decimal(let number)? = fact?.value {
                value = Arithmetic.round(number, 0) == number ? .count(NSDecimalNumber(decimal: number).intValue) : .decimal(number)
            }
            var sums: [String: IndicatorValue] = ["value": value]
            if let note = fact?.note {
                sums["note"] = .text(note.en)
                if note.fa != note.en { sums["note_fa"] = .text(note.fa) }
            }
            if let source = context.facts.source { sums["source"] = .text(source) }
            if let year = context.facts.asOf { sums["as_of"] = .count(year) }
            let meaning = GovernanceFacts.known[spec.fact]
            return Indicator(
                id: spec.id, nameFa: spec.nameFa, nameEn: spec.nameEn,
                formula: Bilingual(fa: "اظهارشده در پروندهٔ حکمرانی کتاب، نه سنجیده از داده‌ها: \(meaning?.fa ?? spec.nameFa)",
                                   en: "declared in governance.yaml as `\(spec.fact)` (\(meaning?.en ?? ""))"),
                unit: spec.unit, value: value,
                // The fact is named by its key (a Persian name on every page); it has no row id of its own.
                evidence: [Evidence(table: "governance.yaml", key: spec.fact, rows: [], rowCount: fact == nil ? 0 : 1, sums: sums)],
                basis: .declared)
        }
    }
}
