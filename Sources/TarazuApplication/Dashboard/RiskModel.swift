import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuHTML
import TarazuRisk

/// The riskiest projects (score, main reason, P50/P80 cost) and the anomalies of the year's lines.
public enum RiskModel {
    public static let topCount = 20

    public static func view(risks: [ProjectRisk], leftOut: [ProjectLeftOut] = [], anomalies: [Anomaly], filters: DashboardFilters,
                            book: BudgetBook, base: String) -> DashboardView {
        let projects = Dictionary(book.projects.map { ($0.projectId, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = risks.filter { risk in
            guard let project = projects[risk.projectId] else { return filters.region == nil && filters.function == nil }
            return (filters.region.map { $0 == project.regionCode } ?? true) && (filters.function.map { $0 == project.function } ?? true)
        }.sorted { ($0.score, $1.projectId) > ($1.score, $0.projectId) }.prefix(topCount)
        let table = DashboardTable(
            id: "risky_projects", caption: Bilingual(fa: "پروژه‌های پرریسک", en: "Risky projects"),
            columns: [DashboardTable.identifier("project_id", "کد", "Id"), DashboardTable.names("name", "پروژه", "Project"),
                      DashboardTable.count("score", "امتیاز ریسک", "Risk score"), DashboardTable.names("main_factor", "عامل اصلی", "Main factor"),
                      DashboardTable.names("main_reason", "دلیل اصلی", "Main reason"),
                      DashboardTable.rials("cost_p50", "هزینهٔ نهایی محتمل (میانه)", "Final cost P50"),
                      DashboardTable.rials("cost_p80", "سقف هزینهٔ نهایی با اطمینان ۸۰٪", "Final cost P80")],
            rows: kept.map { risk in
                let main = risk.reasons.first { $0.factor == risk.mainFactor }
                return DashboardTable.Row(cells: [.text(risk.projectId), .names(fa: risk.nameFa, en: risk.nameEn ?? risk.nameFa),
                                                  .count(Int64(risk.score)), .names(fa: risk.mainFactor?.name.fa ?? "", en: risk.mainFactor?.name.en ?? ""),
                                                  .names(fa: main?.textFa ?? "", en: main?.textEn ?? ""),
                                                  .rials(risk.estimate?.p50.rials), .rials(risk.estimate?.p80.rials)],
                                          link: base + "/projects/" + PercentEncoding.pathSegment(risk.projectId))
            })
        let anomalyTable = DashboardTable(
            id: "anomalies", caption: Bilingual(fa: "ارقام نامتعارف ردیف‌های سال \(PersianText.persianDigits(String(filters.year)))",
                                               en: "Anomalies in the lines of \(filters.year)"),
            columns: [DashboardTable.code("key"), DashboardTable.names("kind", "نوع", "Kind"),
                      DashboardTable.identifier("line_ids", "ردیف‌ها", "Lines"), DashboardTable.names("explanation", "توضیح", "Explanation")],
            rows: anomalies.map { item in
                DashboardTable.Row(cells: [.text(item.key), .names(fa: item.kind == .executionRate ? "نرخ تحقق ردیف" : "تغییر سالانه اعتبار مصوب",
                                                                 en: item.kind == .executionRate ? "Execution rate of a line" : "Year-on-year change of the approved amount"),
                                           .ids(item.lineIds, count: item.lineIds.count),
                                           .names(fa: item.textFa, en: item.textEn)])
            })
        return DashboardView(title: Bilingual(fa: "ریسک پروژه‌ها", en: "Project risks"),
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: "ریسک پروژه‌ها", en: "Project risks", path: nil)],
                             notes: [Bilingual(fa: "امتیاز ریسک از ۰ تا ۱۰۰ است (بالاتر یعنی پرریسک‌تر)؛ حداکثر \(PersianText.persianDigits(String(topCount))) پروژه نشان داده می‌شود.",
                                               en: "The risk score runs from 0 to 100 (higher is riskier); at most \(topCount) projects are shown.")]
                                 + (leftOut.isEmpty ? [] : [leftOutNote(leftOut.count)]),
                             tables: [table] + (leftOut.isEmpty ? [] : [leftOutTable(leftOut, base: base)]) + [anomalyTable])
    }

    /// Why some projects have no score: their data are likely errors, which the model would read as risk.
    static func leftOutNote(_ count: Int) -> Bilingual {
        Bilingual(fa: "\(PersianText.persianDigits(String(count))) پروژه به دلیل خطای احتمالی در داده‌ها امتیاز ریسک نگرفته است (جدول «پروژه‌های کنارگذاشته»)؛ داده‌های آن‌ها باید بازبینی شود.",
                  en: "\(count) project\(count == 1 ? "" : "s") left out of the risk scores as likely data errors (table \"Projects left out\"); their data should be checked.")
    }

    static func leftOutTable(_ leftOut: [ProjectLeftOut], base: String) -> DashboardTable {
        DashboardTable(
            id: "left_out", caption: Bilingual(fa: "پروژه‌های کنارگذاشته: خطای احتمالی داده", en: "Projects left out: likely data errors"),
            columns: [DashboardTable.identifier("project_id", "کد", "Id"), DashboardTable.names("name", "پروژه", "Project"),
                      DashboardTable.names("reason", "دلیل", "Reason")],
            rows: leftOut.map { project in
                DashboardTable.Row(cells: [.text(project.projectId), .names(fa: project.nameFa, en: project.nameEn ?? project.nameFa),
                                           .names(fa: project.errors.map { $0.text(.fa) }.joined(separator: " "),
                                                  en: project.errors.map { $0.text(.en) }.joined(separator: " "))],
                                   link: base + "/projects/" + PercentEncoding.pathSegment(project.projectId))
            })
    }
}
