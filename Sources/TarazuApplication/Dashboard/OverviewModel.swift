import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuHTML

/// The overview of one year: headline cards (book-wide indicators), the filtered totals, and the
/// rubric's five criteria with their checks.
public enum OverviewModel {
    public static func view(analysis: BookAssessment, filters: DashboardFilters, base: String) throws -> DashboardView {
        let book = analysis.book
        let totals = try LineTotals.of(filters.lines(of: book))
        let totalsTable = DashboardTable(
            id: "totals", caption: Bilingual(fa: "جمع ردیف‌های بودجه با فیلترهای کنونی", en: "Budget lines in total, with the current filters"),
            columns: [DashboardTable.year()] + SpendingColumns.columns + [DashboardTable.count("lines", "ردیف‌ها", "Lines")],
            rows: [DashboardTable.Row(cells: [.year(filters.year)] + SpendingColumns.cells(totals) + [.count(Int64(totals.rowCount))])])
        let figures = Headlines.figures(analysis)
        let headlines = DashboardTable(
            id: "headlines", caption: Bilingual(fa: "شاخص‌های اصلی (همهٔ مناطق و مأموریت‌ها، بدون فیلتر)",
                                                en: "Headline indicators (whole book, no region or function filter)"),
            columns: [DashboardTable.names("name", "شاخص", "Indicator"),
                      DashboardTable.text("value", "مقدار", "Value"), DashboardTable.names("unit", "واحد", "Unit"),
                      DashboardTable.names("computed_on", "مبنای محاسبه", "Computed on"), DashboardTable.identifier("indicator", "شناسه", "Identifier")],
            rows: figures.map { figure in
                DashboardTable.Row(cells: [.names(fa: figure.name.fa, en: figure.name.en),
                                           .figure(figure.value, unit: figure.unit), .names(fa: FigureText(language: .fa).unitName(figure.unit), en: FigureText(language: .en).unitName(figure.unit)),
                                           .names(fa: figure.computedOn?.fa ?? "", en: figure.computedOn?.en ?? ""), .text(figure.id)],
                                   link: base + "/indicators/" + PercentEncoding.pathSegment(figure.id))
            })
        let assessment = analysis.assessment
        var checkRows: [DashboardTable.Row] = []
        let asOf = DeclaredIndicators.asOf(analysis.indicators)
        let opening = DeclaredIndicators.opening(asOf: asOf)
        let declaredOpening = Bilingual(fa: opening.fa + ": ", en: opening.en + ": ")
        for criterion in assessment.criteria {
            for check in criterion.checks {
                let status = check.status.map { assessment.statusLabels[$0] ?? Bilingual(fa: $0.rawValue, en: $0.rawValue) }
                // A declared fact says so in its finding; one the book does not declare is "not declared".
                let notDeclared = check.basis == .declared && check.status == nil
                let declared = check.basis == .declared ? declaredOpening : Bilingual(fa: "", en: "")
                checkRows.append(DashboardTable.Row(
                    cells: [.names(fa: check.name.fa, en: check.name.en), .names(fa: criterion.name.fa, en: criterion.name.en),
                            .names(fa: status?.fa ?? "ارزیابی نشده", en: status?.en ?? "not assessed"),
                            .names(fa: notDeclared ? FigureText(language: .fa).notDeclared : CheckFigures.text(check.figures, language: .fa, declared: check.basis == .declared, asOf: asOf),
                                   en: notDeclared ? FigureText(language: .en).notDeclared : CheckFigures.text(check.figures, language: .en, declared: check.basis == .declared, asOf: asOf)),
                            .names(fa: check.finding.map { declared.fa + FindingText.fill($0.fa, figures: check.figures, year: analysis.year, language: .fa) } ?? "",
                                   en: check.finding.map { declared.en + FindingText.fill($0.en, figures: check.figures, year: analysis.year, language: .en) } ?? ""),
                            .text(check.indicator)],
                    link: base + "/indicators/" + PercentEncoding.pathSegment(check.indicator)))
            }
        }
        let checks = DashboardTable(
            id: "checks", caption: Bilingual(fa: "جدول وضعیت: آزمون‌های هر معیار و ارقام آن‌ها", en: "Status table: each criterion's checks and their figures"),
            columns: [DashboardTable.names("check", "آزمون (پیوند به شاهد و فرمول)", "Check (link to evidence and formula)"),
                      DashboardTable.names("criterion", "معیار", "Criterion"), DashboardTable.names("status", "وضعیت", "Status"),
                      DashboardTable.names("figures", "ارقام", "Figures"), DashboardTable.names("finding", "یافته", "Finding"),
                      DashboardTable.identifier("indicator", "شناسهٔ شاخص", "Indicator id")],
            rows: checkRows)
        var view = DashboardView(title: Bilingual(fa: "نمای کلی", en: "Overview"),
                                 crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: nil)],
                                 notes: [Bilingual(fa: "شاخص‌های اصلی و جدول وضعیت برای همهٔ مناطق و مأموریت‌ها در سال انتخاب‌شده حساب می‌شوند؛ فیلتر منطقه و مأموریت فقط بر جمع ردیف‌ها و صفحه‌های جزئیات اثر دارد.",
                                                   en: "The headline indicators and the status table are book-wide for the chosen year; the region and function filters apply to the totals and the detail pages.")],
                                 tables: [totalsTable, headlines, checks])
        view.cards = figures
        view.criteria = assessment.criteria.map { criterion in
            let status = criterion.status.map { assessment.statusLabels[$0] ?? Bilingual(fa: $0.rawValue, en: $0.rawValue) }
            return DashboardView.Criterion(name: Bilingual(fa: criterion.name.fa, en: criterion.name.en), status: criterion.status?.rawValue ?? "none",
                                           statusName: Bilingual(fa: status?.fa ?? "ارزیابی نشده", en: status?.en ?? "not assessed"),
                                           verdict: StatusVerdict.text(of: criterion, asOf: asOf, analysisYear: assessment.year) ?? Bilingual(fa: "", en: ""))
        }
        return view
    }
}
