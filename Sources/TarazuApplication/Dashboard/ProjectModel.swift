import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuRisk

/// One project: its facts, its budget lines over all years and its risk score with reasons.
public enum ProjectModel {
    public static func view(book: BudgetBook, project: Project, risk: ProjectRisk?, leftOut: ProjectLeftOut? = nil,
                            base: String) throws -> DashboardView {
        let function = FunctionDrillDown.functionName(project.function, in: book)
        let facts = DashboardTable(
            id: "project", caption: Bilingual(fa: "مشخصات پروژه", en: "The project"),
            columns: [DashboardTable.identifier("project_id", "کد", "Id"), DashboardTable.names("name", "نام", "Name"),
                      DashboardTable.identifier("region", "کد منطقه", "Region code"), DashboardTable.names("region_name", "منطقه", "Region"),
                      DashboardTable.code("function"), DashboardTable.names("function_name", "مأموریت", "Function"),
                      DashboardTable.rials("planned_cost", "هزینهٔ برنامه‌ای", "Planned cost"),
                      DashboardTable.rials("current_cost_estimate", "برآورد فعلی هزینه", "Current cost estimate"),
                      DashboardTable.ratio("physical_progress", "پیشرفت فیزیکی", "Physical progress"),
                      DashboardTable.count("risk_score", "امتیاز ریسک (۰ تا ۱۰۰)", "Risk score (0-100)"),
                      DashboardTable.rials("cost_p50", "هزینهٔ نهایی محتمل (میانه)", "Final cost P50"),
                      DashboardTable.rials("cost_p80", "سقف هزینهٔ نهایی با اطمینان ۸۰٪", "Final cost P80")],
            rows: [DashboardTable.Row(cells: [
                .text(project.projectId), .names(fa: project.nameFa, en: project.nameEn ?? project.nameFa),
                DashboardTable.regionCode(project.regionCode),
                .names(fa: BreakdownText(book: book, language: .fa).label(project.regionCode), en: BreakdownText(book: book, language: .en).label(project.regionCode)),
                .text(project.function), .names(fa: function.fa, en: function.en), .rials(project.plannedCost.rials),
                .rials(project.currentCostEstimate?.rials), .ratio(project.physicalProgress.map { $0 / 100 }),
                .count(risk.map { Int64($0.score) }), .rials(risk?.estimate?.p50.rials), .rials(risk?.estimate?.p80.rials)])])
        let lines = book.budgetLines.filter { $0.projectId == project.projectId }.sorted { ($0.year, $0.lineId) < ($1.year, $1.lineId) }
        var lineRows: [DashboardTable.Row] = []
        for line in lines {
            var sums = LineTotals()
            try sums.add(line)
            let lineFunction = FunctionDrillDown.functionName(line.function, in: book)
            let program = FunctionDrillDown.programName(FunctionDrillDown.programKey(line))
            lineRows.append(DashboardTable.Row(cells: [.year(line.year), .text(line.lineId), .text(line.function),
                                                       .names(fa: lineFunction.fa, en: lineFunction.en),
                                                       .names(fa: program.fa, en: program.en)] + SpendingColumns.cells(sums)))
        }
        let lineTable = DashboardTable(
            id: "lines", caption: Bilingual(fa: "ردیف‌های بودجهٔ پروژه در سال‌های کتاب", en: "The project's budget lines over the years"),
            columns: [DashboardTable.year(), DashboardTable.identifier("line_id", "ردیف", "Line"),
                      DashboardTable.code("function"), DashboardTable.names("function_name", "مأموریت", "Function"),
                      DashboardTable.names("program", "برنامه", "Program")]
                + SpendingColumns.columns,
            rows: lineRows)
        let reasons = DashboardTable(
            id: "risk_reasons", caption: Bilingual(fa: "دلایل امتیاز ریسک", en: "Reasons for the risk score"),
            columns: [DashboardTable.names("factor", "عامل", "Factor"), DashboardTable.number("contribution", "سهم در امتیاز", "Contribution"),
                      DashboardTable.names("reason", "توضیح", "Reason")],
            rows: (risk?.reasons ?? []).filter(\.hasData).map { reason in
                DashboardTable.Row(cells: [.names(fa: reason.factor.name.fa, en: reason.factor.name.en), .points(reason.contribution),
                                           .names(fa: reason.textFa, en: reason.textEn)])
            })
        return DashboardView(title: Bilingual(fa: project.nameFa, en: project.nameEn ?? project.nameFa),
                             crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                                      DashboardView.Crumb(fa: "ریسک پروژه‌ها", en: "Project risks", path: base + "/risks"),
                                      DashboardView.Crumb(fa: project.nameFa, en: project.nameEn ?? project.nameFa, path: nil)],
                             notes: [Bilingual(fa: "همهٔ سال‌های کتاب؛ فیلترها بر این صفحه اثر ندارند.",
                                               en: "All years of the book; the filters do not apply to this page.")]
                                 + (leftOut.map { project in
                                     [Bilingual(fa: "این پروژه امتیاز ریسک ندارد، چون داده‌هایش احتمالاً خطا دارد: " + project.errors.map { $0.text(.fa) }.joined(separator: " "),
                                                en: "This project has no risk score because its data are likely wrong: " + project.errors.map { $0.text(.en) }.joined(separator: " "))]
                                 } ?? []),
                             tables: [facts, lineTable, reasons])
    }
}
