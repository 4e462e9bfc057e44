import Foundation
import TarazuCore

/// A criterion's verdict as every status table prints it (report, portal, dashboard, terminal): the
/// rubric's wording of its status, then in one parenthesis what the verdict rests on, so that it claims
/// no more than its checks show:
/// - the checks below the adequate status, by name, for a criterion at partial or worse (unless they
///   are all declared facts);
/// - whether it rests on declared facts, and the year they describe (governance.yaml's `as_of`), so a
///   declaration of an earlier year is not read as today's state;
/// - declared facts left out because they describe a later year than the one analyzed.
public enum StatusVerdict {
    /// The verdict of `criterion` in a year-`analysisYear` analysis whose declared facts describe `asOf`;
    /// nil for a criterion without a verdict, unless its facts describe a later year (then it says so).
    public static func text(of criterion: CriterionResult, asOf: Int?, analysisYear: Int) -> Bilingual? {
        let later = asOf.flatMap { $0 > analysisYear ? $0 : nil }
        if criterion.status == nil, let later, !criterion.checks.isEmpty, criterion.checks.allSatisfy({ $0.basis == .declared }) {
            return Bilingual(fa: "واقعیت‌های اظهارشدهٔ این معیار دربارهٔ وضعیت سال \(persian(later)) است، نه سال \(persian(analysisYear))",
                             en: "this criterion's declared facts describe \(later), not \(analysisYear)")
        }
        guard let verdict = criterion.verdict else { return nil }
        var notes: [Bilingual] = []
        let assessed = criterion.checks.filter { $0.status != nil }
        if let status = criterion.status, status > .adequate {
            // Which checks: the verdict's wording may name more than fell short. A criterion of declared
            // facts only says so below instead.
            let short = criterion.checks.filter { ($0.status ?? .strong) > .adequate }
            if short.contains(where: { $0.basis != .declared }) {
                notes.append(Bilingual(fa: "زیر حد مطلوب: " + short.map { "«\($0.name.fa)»" }.joined(separator: "، "),
                                       en: "below adequate: " + short.map { "\"\($0.name.en)\"" }.joined(separator: ", ")))
            }
        }
        let declared = assessed.filter { $0.basis == .declared }
        if !declared.isEmpty {
            let yearFa = asOf.map { " دربارهٔ وضعیت سال \(persian($0))" } ?? ""
            let yearEn = asOf.map { " about \($0)" } ?? ""
            notes.append(declared.count == assessed.count
                ? Bilingual(fa: "اظهارشده\(yearFa)", en: "declared\(yearEn)")
                : Bilingual(fa: "بخشی بر پایهٔ واقعیت‌های اظهارشده\(yearFa)", en: "partly on facts declared\(yearEn)"))
        }
        if let later, criterion.checks.contains(where: { $0.basis == .declared && $0.status == nil }) {
            notes.append(Bilingual(fa: "واقعیت‌های اظهارشده دربارهٔ سال \(persian(later)) برای \(persian(analysisYear)) به کار نرفته است",
                                   en: "the facts declared about \(later) are not used for \(analysisYear)"))
        }
        guard !notes.isEmpty else { return verdict }
        return Bilingual(fa: verdict.fa + " (" + notes.map(\.fa).joined(separator: "؛ ") + ")",
                         en: verdict.en + " (" + notes.map(\.en).joined(separator: "; ") + ")")
    }

    private static func persian(_ year: Int) -> String { PersianText.persianDigits(String(year)) }
}
