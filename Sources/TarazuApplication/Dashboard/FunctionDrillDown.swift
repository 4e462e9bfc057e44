import Foundation
import TarazuAnalysis
import TarazuCore
import TarazuHTML

/// The drill-down function -> program -> project/line, as pure models of a book and filters.
public enum FunctionDrillDown {
    public static let noProgram = "-"

    public static func functionName(_ code: String, in book: BudgetBook) -> (fa: String, en: String) {
        guard let function = book.functions.first(where: { $0.code == code }) else { return (code, code) }
        return (function.nameFa, function.nameEn)
    }

    public static func programKey(_ line: BudgetLine) -> String {
        guard let program = line.program, !program.isEmpty else { return noProgram }
        return program
    }

    public static func programName(_ key: String) -> (fa: String, en: String) {
        key == noProgram ? ("(بدون برنامه)", "(no program)") : (key, key)
    }

    public static func crumbs(_ base: String, book: BudgetBook, function: String? = nil, program: String? = nil) -> [DashboardView.Crumb] {
        var crumbs = [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base),
                      DashboardView.Crumb(fa: "مأموریت‌ها", en: "Functions", path: function == nil ? nil : base + "/functions")]
        if let function {
            let name = functionName(function, in: book)
            crumbs.append(DashboardView.Crumb(fa: name.fa, en: name.en,
                                              path: program == nil ? nil : base + "/functions/" + PercentEncoding.pathSegment(function)))
        }
        if let program {
            let name = programName(program)
            crumbs.append(DashboardView.Crumb(fa: name.fa, en: name.en, path: nil))
        }
        return crumbs
    }

    /// All functions in the filtered year: sums, execution, share of the total and change of approved
    /// against the previous year (same region and function filters).
    public static func functions(book: BudgetBook, filters: DashboardFilters, base: String) throws -> DashboardView {
        let lines = filters.lines(of: book)
        let totals = try LineTotals.grouping(lines, by: \.function)
        let total = try LineTotals.of(lines)
        var previous = filters
        previous.year = filters.year - 1
        let before = try LineTotals.grouping(book.years.contains(previous.year) ? previous.lines(of: book) : [], by: \.function)
        let codes = totals.keys.sorted { (totals[$0]!.approved, $1) > (totals[$1]!.approved, $0) }
        var rows: [DashboardTable.Row] = []
        var bars: [DashboardView.Bar] = []
        for code in codes {
            let sums = totals[code]!
            let name = functionName(code, in: book)
            let change: Decimal? = before[code].flatMap { old in
                old.approved.rials == 0 ? nil : (sums.approved.decimal - old.approved.decimal) / old.approved.decimal
            }
            rows.append(DashboardTable.Row(cells: [.text(code), .names(fa: name.fa, en: name.en)] + SpendingColumns.cells(sums)
                                           + [.ratio(LineTotals.share(sums.approved, of: total.approved)), .change(change)],
                                           link: base + "/functions/" + PercentEncoding.pathSegment(code)))
            bars.append(SpendingColumns.bar(name.fa, name.en, sums))
        }
        let table = DashboardTable(
            id: "functions", caption: Bilingual(fa: "اعتبارات به تفکیک مأموریت", en: "Spending by function"),
            columns: [DashboardTable.code("function"), DashboardTable.names("name", "مأموریت", "Function")]
                + SpendingColumns.columns
                + [SpendingColumns.share, DashboardTable.ratio("change_vs_previous_year", "تغییر اسمی مصوب نسبت به سال پیش", "Change in approved vs previous year")],
            rows: rows)
        return DashboardView(title: Bilingual(fa: "مأموریت‌ها", en: "Functions"), crumbs: crumbs(base, book: book),
                             bars: SpendingColumns.bars("مصوب و عملکرد به تفکیک مأموریت", "Approved and realized by function", bars),
                             tables: [table])
    }

    /// The programs of `function` in the filtered year.
    public static func programs(book: BudgetBook, filters: DashboardFilters, function: String, base: String) throws -> DashboardView {
        var scoped = filters
        scoped.function = function
        let lines = scoped.lines(of: book)
        let totals = try LineTotals.grouping(lines, by: programKey)
        let total = try LineTotals.of(lines)
        let keys = totals.keys.sorted { (totals[$0]!.approved, $1) > (totals[$1]!.approved, $0) }
        let functionPath = base + "/functions/" + PercentEncoding.pathSegment(function)
        var rows: [DashboardTable.Row] = []
        var bars: [DashboardView.Bar] = []
        for key in keys {
            let sums = totals[key]!
            let name = programName(key)
            rows.append(DashboardTable.Row(cells: [.names(fa: name.fa, en: name.en)] + SpendingColumns.cells(sums)
                                           + [.ratio(LineTotals.share(sums.approved, of: total.approved)), .count(Int64(sums.rowCount))],
                                           link: functionPath + "/programs/" + PercentEncoding.pathSegment(key)))
            bars.append(SpendingColumns.bar(name.fa, name.en, sums))
        }
        let name = functionName(function, in: book)
        let table = DashboardTable(
            id: "programs", caption: Bilingual(fa: "برنامه‌های \(name.fa)", en: "Programs of \(name.en)"),
            columns: [DashboardTable.names("program", "برنامه", "Program")] + SpendingColumns.columns
                + [DashboardTable.ratio("share", "سهم از مأموریت", "Share of the function"), DashboardTable.count("lines", "ردیف‌ها", "Lines")],
            rows: rows)
        return DashboardView(title: Bilingual(fa: name.fa, en: name.en), crumbs: crumbs(base, book: book, function: function),
                             bars: SpendingColumns.bars("مصوب و عملکرد به تفکیک برنامه", "Approved and realized by program", bars),
                             tables: [table])
    }

    /// The budget lines (and their projects) of one program of `function` in the filtered year.
    public static func program(book: BudgetBook, filters: DashboardFilters, function: String, program: String, base: String) throws -> DashboardView {
        var scoped = filters
        scoped.function = function
        let lines = scoped.lines(of: book).filter { programKey($0) == program }
            .sorted { $0.lineId < $1.lineId }
        let regionNames = (fa: BreakdownText(book: book, language: .fa), en: BreakdownText(book: book, language: .en))
        var rows: [DashboardTable.Row] = []
        for line in lines {
            var sums = LineTotals()
            try sums.add(line)
            let project = line.projectId.flatMap { id in book.projects.first { $0.projectId == id } }
            rows.append(DashboardTable.Row(
                cells: [.text(line.lineId), .text(line.projectId ?? ""),
                        .names(fa: project?.nameFa ?? "", en: project?.nameEn ?? project?.nameFa ?? ""),
                        .text(line.department),
                        DashboardTable.regionCode(line.regionCode),
                        .names(fa: regionNames.fa.label(line.regionCode), en: regionNames.en.label(line.regionCode)),
                        .names(fa: line.economicClass.nameFa, en: line.economicClass.nameEn)] + SpendingColumns.cells(sums),
                link: line.projectId.map { base + "/projects/" + PercentEncoding.pathSegment($0) }))
        }
        let name = programName(program)
        let table = DashboardTable(
            id: "lines", caption: Bilingual(fa: "ردیف‌های بودجهٔ \(name.fa)، سال \(PersianText.persianDigits(String(filters.year)))",
                                               en: "Budget lines of \(name.en), \(filters.year)"),
            columns: [DashboardTable.identifier("line_id", "ردیف", "Line"), DashboardTable.identifier("project_id", "کد پروژه", "Project"),
                      DashboardTable.names("project", "پروژه", "Project name"), DashboardTable.text("department", "دستگاه", "Department"),
                      DashboardTable.identifier("region", "کد منطقه", "Region code"), DashboardTable.names("region_name", "منطقه", "Region"),
                      DashboardTable.names("economic_class", "طبقهٔ اقتصادی", "Economic class")] + SpendingColumns.columns,
            rows: rows)
        return DashboardView(title: Bilingual(fa: name.fa, en: name.en), crumbs: crumbs(base, book: book, function: function, program: program),
                             tables: [table])
    }
}
