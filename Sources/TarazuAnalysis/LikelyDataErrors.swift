import Foundation
import TarazuCore

/// A row of a budget book whose figure is probably a data error: it passed the import (or came by a
/// route that does not check it) but cannot be true of a real budget. The report lists these rows in
/// its data-quality section, and the risk model leaves their projects out instead of reading the
/// error as risk.
public struct LikelyDataError: Hashable, Codable, Sendable {
    /// What is implausible.
    public enum Check: String, Hashable, Codable, CaseIterable, Sendable {
        /// A project whose lines realized more than ``LikelyDataErrors/spentLimit`` of its current cost
        /// estimate (its planned cost when it has no estimate), up to the analysis year.
        case spentAboveEstimate = "spent_above_estimate"
        /// A project whose physical progress is below 0 % or above 100 %.
        case progressOutOfRange = "progress_out_of_range"
        /// A project planned to end before it starts.
        case endBeforeStart = "end_before_start"
        /// A budget or revenue line with a realized amount but neither an approved nor a revised one.
        case realizedWithoutApproved = "realized_without_approved"
        /// A budget or revenue line that realized more than ``LikelyDataErrors/realizedLimit`` of the
        /// larger of its approved and revised amounts.
        case realizedFarAboveApproved = "realized_far_above_approved"
        /// A negative amount (approved, revised, realized, planned cost, cost estimate, authorized amount).
        case negativeAmount = "negative_amount"
    }

    /// The check the row fails.
    public var check: Check
    /// The book's table the row is in: `projects`, `budget_lines`, `revenues` or `authorizations`.
    public var table: String
    /// The row: a project id, a line id, or `YEAR/REGION/KIND` for an authorization.
    public var row: String
    /// The row's budget year (nil for a project).
    public var year: Int?
    /// The project the row is about (the project itself, or the project of a budget line); nil otherwise.
    public var projectId: String?
    /// The figure judged: a ratio for the spending and realization checks, percent points for progress,
    /// the planned end year, or rials for an amount.
    public var value: IndicatorValue
    /// The unit of `value` (`ratio`, `percent`, `year`, `rials`).
    public var unit: String
    /// The limit the figure passed (nil when any value is impossible, e.g. a negative amount).
    public var limit: IndicatorValue?
    /// The amounts and facts the figure comes from, e.g. `spent` and `estimate` in whole rials.
    public var figures: [String: IndicatorValue]
    /// The reason with its figure, in Persian (Persian digits, a unit on every number).
    public var textFa: String
    /// The reason with its figure, in English.
    public var textEn: String

    /// The reason in `language`.
    public func text(_ language: TextLanguage) -> String { language == .fa ? textFa : textEn }
}

/// Finds the likely data errors of a book (``LikelyDataError``). Pure: the same book and year give
/// the same rows, in the order of the tables (projects, budget lines, revenues, authorizations) and of
/// their rows in the book.
public enum LikelyDataErrors {
    /// Spending above this share of a project's cost (current estimate, else planned) is a likely error: 150 %.
    public static let spentLimit = Decimal(string: "1.5")!
    /// Realized above this multiple of the larger of approved and revised is a likely error: 200 %.
    public static let realizedLimit = Decimal(2)

    /// The likely data errors of `book`. Project spending is summed over the project's budget lines up to
    /// `year` (every year when nil), as the risk model sees it; the other checks read every row.
    public static func find(book: BudgetBook, year: Int? = nil) throws(Money.Overflow) -> [LikelyDataError] {
        var found: [LikelyDataError] = []
        var spent: [String: Money] = [:]
        for line in book.budgetLines {
            guard let id = line.projectId, !id.isEmpty, let realized = line.realized else { continue }
            if let year, line.year > year { continue }
            spent[id] = try (spent[id] ?? .zero).adding(realized)
        }
        for project in book.projects { found += try projectErrors(project, spent: spent[project.projectId], year: year) }
        for line in book.budgetLines {
            found += lineErrors(table: "budget_lines", row: line.lineId, year: line.year, projectId: line.projectId,
                                approved: line.approved, revised: line.revised, realized: line.realized)
        }
        for line in book.revenues {
            found += lineErrors(table: "revenues", row: line.lineId, year: line.year, projectId: nil,
                                approved: line.approved, revised: line.revised, realized: line.realized)
        }
        for authorization in book.authorizations where authorization.authorizedAmount < .zero {
            let row = "\(authorization.year)/\(authorization.regionCode)/\(authorization.kind)"
            found.append(negative(table: "authorizations", row: row, year: authorization.year, projectId: nil,
                                  field: "authorized_amount", amount: authorization.authorizedAmount))
        }
        return found
    }

    /// The likely data errors an analysis of `year` reports and the risk scores leave out: those up to
    /// `year` and, when the book goes on later, those its latest year finds in projects, since the
    /// scores read each project's latest state (progress, cost estimate). One list for the data-quality
    /// count and section and for the projects left out of the scores, so no report treats a project two ways.
    public static func forAnalysis(book: BudgetBook, year: Int?) throws(Money.Overflow) -> [LikelyDataError] {
        var errors = try find(book: book, year: year)
        guard let year, let latest = book.years.last, latest > year else { return errors }
        let known = Set(errors.compactMap(\.projectId))
        errors += try find(book: book, year: latest).filter { error in
            error.table == "projects" && error.projectId.map { !known.contains($0) } == true
        }
        return errors
    }

    /// The projects that have a likely data error in their own row or in one of their budget lines, by id,
    /// with their errors in order.
    public static func byProject(_ errors: [LikelyDataError]) -> [String: [LikelyDataError]] {
        var result: [String: [LikelyDataError]] = [:]
        for error in errors {
            guard let id = error.projectId, !id.isEmpty else { continue }
            result[id, default: []].append(error)
        }
        return result
    }

    // MARK: Checks

    private static let fa = Numerals(language: .fa)
    private static let en = Numerals(language: .en)

    private static func projectErrors(_ project: Project, spent: Money?, year: Int?) throws(Money.Overflow) -> [LikelyDataError] {
        var found: [LikelyDataError] = []
        let id = project.projectId
        for (field, amount) in [("planned_cost", Optional(project.plannedCost)), ("current_cost_estimate", project.currentCostEstimate)] {
            if let amount, amount < .zero {
                found.append(negative(table: "projects", row: id, year: nil, projectId: id, field: field, amount: amount))
            }
        }
        if let progress = project.physicalProgress, progress < 0 || progress > 100 {
            found.append(LikelyDataError(
                check: .progressOutOfRange, table: "projects", row: id, year: nil, projectId: id,
                value: .decimal(progress), unit: "percent", limit: .decimal(100), figures: ["physical_progress": .decimal(progress)],
                textFa: "پیشرفت فیزیکی \(fa.exact(progress))٪ ثبت شده است؛ پیشرفت بیرون از ۰ تا ۱۰۰٪ ممکن نیست.",
                textEn: "Physical progress is recorded as \(en.exact(progress)) %; progress outside 0 to 100 % is impossible."))
        }
        if let start = project.startYear, let end = project.plannedEndYear, end < start {
            found.append(LikelyDataError(
                check: .endBeforeStart, table: "projects", row: id, year: nil, projectId: id,
                value: .count(end), unit: "year", limit: .count(start), figures: ["start_year": .count(start), "planned_end_year": .count(end)],
                textFa: "سال پایان برنامه‌ای (\(fa.year(end))) پیش از سال شروع (\(fa.year(start))) است.",
                textEn: "The planned end year (\(end)) is before the start year (\(start))."))
        }
        let usesEstimate = project.currentCostEstimate.map { $0 > .zero } ?? false
        let cost = usesEstimate ? project.currentCostEstimate ?? project.plannedCost : project.plannedCost
        if let spent, cost > .zero, spent.decimal > cost.decimal * spentLimit {
            let ratio = Arithmetic.round(spent.decimal / cost.decimal, 6)
            let costFa = usesEstimate ? "برآورد فعلی هزینه" : "هزینهٔ برنامه‌ای"
            let costEn = usesEstimate ? "current cost estimate" : "planned cost"
            let byFa = year.map { " تا پایان \(fa.year($0))" } ?? ""
            let byEn = year.map { " by the end of \($0)" } ?? ""
            found.append(LikelyDataError(
                check: .spentAboveEstimate, table: "projects", row: id, year: nil, projectId: id,
                value: .decimal(ratio), unit: "ratio", limit: .decimal(spentLimit),
                figures: ["spent": .rials(spent.rials), (usesEstimate ? "current_cost_estimate" : "planned_cost"): .rials(cost.rials)],
                textFa: "عملکرد ردیف‌های پروژه\(byFa) برابر \(fa.percent(ratio)) \(costFa) است (\(fa.billionRials(spent.rials)) در برابر \(fa.billionRials(cost.rials)))، "
                    + "بیش از حد باورپذیر \(fa.exactPercent(spentLimit)).",
                textEn: "The project's lines realized \(en.percent(ratio)) of its \(costEn)\(byEn) (\(en.billionRials(spent.rials)) against \(en.billionRials(cost.rials))), "
                    + "above the plausible limit of \(en.exactPercent(spentLimit))."))
        }
        return found
    }

    private static func lineErrors(table: String, row: String, year: Int, projectId: String?,
                                   approved: Money, revised: Money?, realized: Money?) -> [LikelyDataError] {
        var found: [LikelyDataError] = []
        let project = projectId.flatMap { $0.isEmpty ? nil : $0 }
        for (field, amount) in [("approved", Optional(approved)), ("revised", revised), ("realized", realized)] {
            if let amount, amount < .zero {
                found.append(negative(table: table, row: row, year: year, projectId: project, field: field, amount: amount))
            }
        }
        guard let realized, realized > .zero else { return found }
        let authority = max(approved, revised ?? .zero)
        if authority <= .zero {
            found.append(LikelyDataError(
                check: .realizedWithoutApproved, table: table, row: row, year: year, projectId: project,
                value: .rials(realized.rials), unit: "rials", limit: nil,
                figures: ["approved": .rials(approved.rials), "revised": revised.map { .rials($0.rials) } ?? .unavailable, "realized": .rials(realized.rials)],
                textFa: "عملکرد \(fa.billionRials(realized.rials)) بدون رقم مصوب یا اصلاحیه ثبت شده است.",
                textEn: "A realized amount of \(en.billionRials(realized.rials)) is recorded without an approved or revised amount."))
        } else if realized.decimal > authority.decimal * realizedLimit {
            let ratio = Arithmetic.round(realized.decimal / authority.decimal, 6)
            let whichFa = revised.map { $0 > approved } == true ? "اصلاحیه" : "رقم مصوب"
            let whichEn = revised.map { $0 > approved } == true ? "revised amount" : "approved amount"
            found.append(LikelyDataError(
                check: .realizedFarAboveApproved, table: table, row: row, year: year, projectId: project,
                value: .decimal(ratio), unit: "ratio", limit: .decimal(realizedLimit),
                figures: ["approved": .rials(approved.rials), "revised": revised.map { .rials($0.rials) } ?? .unavailable, "realized": .rials(realized.rials)],
                textFa: "عملکرد \(fa.billionRials(realized.rials)) برابر \(fa.percent(ratio)) \(whichFa) (\(fa.billionRials(authority.rials))) است، "
                    + "بیش از حد باورپذیر \(fa.exactPercent(realizedLimit)) رقم مصوب یا اصلاحیه، هر کدام که بیشتر است.",
                textEn: "Realized \(en.billionRials(realized.rials)), \(en.percent(ratio)) of the \(whichEn) (\(en.billionRials(authority.rials))), "
                    + "above the plausible limit of \(en.exactPercent(realizedLimit)) of the larger of the approved and revised amounts."))
        }
        return found
    }

    /// The Persian and English names of the amount fields the negative check reads.
    private static let fieldNames: [String: (String, String)] = [
        "approved": ("رقم مصوب", "approved amount"), "revised": ("اصلاحیه", "revised amount"), "realized": ("عملکرد", "realized amount"),
        "planned_cost": ("هزینهٔ برنامه‌ای", "planned cost"), "current_cost_estimate": ("برآورد فعلی هزینه", "current cost estimate"),
        "authorized_amount": ("مبلغ مجوز شورا", "authorized amount"),
    ]

    private static func negative(table: String, row: String, year: Int?, projectId: String?, field: String, amount: Money) -> LikelyDataError {
        let name = fieldNames[field] ?? (field, field)
        return LikelyDataError(
            check: .negativeAmount, table: table, row: row, year: year, projectId: projectId,
            value: .rials(amount.rials), unit: "rials", limit: nil, figures: [field: .rials(amount.rials)],
            textFa: "\(name.0) منفی است (\u{2066}\(fa.billions(amount.rials))\u{2069} میلیارد ریال)؛ مبلغ منفی در این ستون معنا ندارد.",
            textEn: "The \(name.1) is negative (\(en.billionRials(amount.rials))); a negative amount has no meaning in this column.")
    }
}

/// A project left out of the risk scores because its own row or one of its budget lines is a likely
/// data error, with those errors.
public struct ProjectLeftOut: Hashable, Codable, Sendable {
    public var projectId: String
    public var nameFa: String
    public var nameEn: String?
    /// The project's likely data errors, in the order ``LikelyDataErrors/find(book:year:)`` gives them.
    public var errors: [LikelyDataError]

    /// The projects of `book` that have an error in `errors`, by project id.
    public static func of(book: BudgetBook, errors: [LikelyDataError]) -> [ProjectLeftOut] {
        let byProject = LikelyDataErrors.byProject(errors)
        return book.projects.compactMap { project in
            byProject[project.projectId].map {
                ProjectLeftOut(projectId: project.projectId, nameFa: project.nameFa, nameEn: project.nameEn, errors: $0)
            }
        }.sorted { $0.projectId < $1.projectId }
    }
}
