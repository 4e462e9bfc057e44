import Foundation
import TarazuAnalysis
import TarazuCore

/// The overview of one year: headline cards (book-wide indicators), the filtered totals, and the
/// rubric's five criteria with their checks.
enum OverviewModel {
    struct Card: Hashable, Sendable {
        var indicator: String
        var labelFa: String
        var labelEn: String
        var value: IndicatorValue
        var unit: String
        var noteFa: String
        var noteEn: String
    }

    static let headlineIDs: [(id: String, fa: String, en: String, noteFa: String, noteEn: String)] = [
        ("execution.rate.total", "اجرای بودجه", "Budget execution", "سهم هزینهٔ واقعی از بودجهٔ مصوب.", "Realized spending as a share of the approved budget."),
        ("revenue.fees_share", "سهم عوارض از درآمد", "Fees in revenue", "سهم عوارض از درآمد وصول‌شده.", "Fees and charges as a share of revenue collected."),
        ("expenditure.capital_share", "سهم عمرانی", "Capital share", "سهم طرح‌های عمرانی از بودجهٔ مصوب.", "Capital projects as a share of the approved budget."),
        ("pefa.pi1", "PEFA PI-1", "PEFA PI-1", "نزدیکی هزینهٔ کل به بودجهٔ مصوب؛ A بهترین، D ضعیف‌ترین.", "How close total spending came to the approved budget; A best, D weakest."),
        ("pefa.pi2", "PEFA PI-2", "PEFA PI-2", "نزدیکی ترکیب هزینه به ترکیب مصوب.", "How close the mix of spending came to the approved mix."),
        ("pefa.pi3", "PEFA PI-3", "PEFA PI-3", "نزدیکی درآمد وصول‌شده به پیش‌بینی.", "How close collected revenue came to the forecast."),
        ("equity.gini", "ضریب جینی مناطق", "Gini across regions", "صفر یعنی سرانهٔ برابر همهٔ مناطق؛ یک یعنی همه در یک منطقه.", "0: every region gets the same per person; 1: one region gets it all."),
        ("equity.max_min_ratio", "نسبت بیشینه به کمینهٔ سرانه", "Max/min per-person ratio", "سرانهٔ پربودجه‌ترین منطقه چند برابر کم‌بودجه‌ترین است.", "How many times the best-funded region's budget per person is the least-funded one's."),
    ]

    static func cards(_ analysis: BookAnalysis) -> [Card] {
        headlineIDs.map { item in
            let indicator = analysis.indicator(item.id)
            return Card(indicator: item.id, labelFa: item.fa, labelEn: item.en, value: indicator?.value ?? .unavailable,
                        unit: indicator?.unit ?? "", noteFa: item.noteFa, noteEn: item.noteEn)
        }
    }

    static func view(analysis: BookAnalysis, filters: DashboardFilters, base: String) throws -> DashboardView {
        let book = analysis.book
        let totals = try SpendingTotals.total(filters.lines(of: book))
        let totalsTable = DashboardTable(
            id: "totals", captionFa: "جمع ردیف‌های بودجه با پالایه‌های کنونی", captionEn: "Budget lines in total, with the current filters",
            columns: [DashboardTable.year()] + SpendingColumns.columns + [DashboardTable.count("lines", "ردیف‌ها", "Lines")],
            rows: [DashboardTable.Row(cells: [.year(filters.year)] + SpendingColumns.cells(totals) + [.count(Int64(totals.lineCount))])])
        let headlines = DashboardTable(
            id: "headlines", captionFa: "شاخص‌های اصلی (کل کتاب، بدون پالایهٔ منطقه و امور)", captionEn: "Headline indicators (whole book, no region or function filter)",
            columns: [DashboardTable.text("indicator", "شاخص", "Indicator"), DashboardTable.names("name", "نام", "Name"),
                      DashboardTable.text("value", "مقدار", "Value"), DashboardTable.text("unit", "واحد", "Unit")],
            rows: cards(analysis).map { card in
                DashboardTable.Row(cells: [.text(card.indicator), .names(fa: card.labelFa, en: card.labelEn),
                                           .text(IndicatorText.plain(card.value) ?? ""), .text(card.unit)],
                                   link: base + "/indicators/" + HTML.segment(card.indicator))
            })
        let assessment = analysis.assessment
        var checkRows: [DashboardTable.Row] = []
        for criterion in assessment.criteria {
            for check in criterion.checks {
                let status = check.status.map { assessment.statusLabels[$0] ?? Bilingual(fa: $0.rawValue, en: $0.rawValue) }
                let figures = check.figures.keys.sorted().map { "\($0)=\(IndicatorText.plain(check.figures[$0]!.value) ?? "-")" }.joined(separator: "; ")
                checkRows.append(DashboardTable.Row(
                    cells: [.text(check.indicator), .names(fa: criterion.name.fa, en: criterion.name.en),
                            .names(fa: check.name.fa, en: check.name.en),
                            .names(fa: status?.fa ?? "ارزیابی نشده", en: status?.en ?? "not assessed"), .text(figures),
                            .names(fa: check.finding.map { FindingText.fill($0.fa, figures: check.figures, year: analysis.year, language: .fa) } ?? "",
                                   en: check.finding.map { FindingText.fill($0.en, figures: check.figures, year: analysis.year, language: .en) } ?? "")],
                    link: base + "/indicators/" + HTML.segment(check.indicator)))
            }
        }
        let checks = DashboardTable(
            id: "checks", captionFa: "جدول وضعیت: آزمون‌های هر معیار و ارقام آن‌ها", captionEn: "Status table: each criterion's checks and their figures",
            columns: [DashboardTable.text("indicator", "شاخص (شاهد)", "Indicator (evidence)"), DashboardTable.names("criterion", "معیار", "Criterion"),
                      DashboardTable.names("check", "آزمون", "Check"), DashboardTable.names("status", "وضعیت", "Status"),
                      DashboardTable.text("figures", "ارقام", "Figures"), DashboardTable.names("finding", "یافته", "Finding")],
            rows: checkRows)
        var view = DashboardView(titleFa: "نمای کلی", titleEn: "Overview",
                                 crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: nil)],
                                 notesFa: ["شاخص‌های اصلی و جدول وضعیت برای کل کتاب در سال انتخاب‌شده حساب می‌شوند؛ پالایهٔ منطقه و امور فقط بر جمع ردیف‌ها و صفحه‌های جزئیات اثر دارد."],
                                 notesEn: ["The headline indicators and the status table are book-wide for the chosen year; the region and function filters apply to the totals and the detail pages."],
                                 tables: [totalsTable, headlines, checks])
        view.cards = cards(analysis)
        view.criteria = assessment.criteria.map { criterion in
            let status = criterion.status.map { assessment.statusLabels[$0] ?? Bilingual(fa: $0.rawValue, en: $0.rawValue) }
            return DashboardView.Criterion(nameFa: criterion.name.fa, nameEn: criterion.name.en, status: criterion.status?.rawValue ?? "none",
                                           statusFa: status?.fa ?? "ارزیابی نشده", statusEn: status?.en ?? "not assessed",
                                           verdictFa: criterion.verdict?.fa ?? "", verdictEn: criterion.verdict?.en ?? "")
        }
        return view
    }
}
