import Foundation
import TarazuCore

/// The municipal group's indicators, in a book with entities (none otherwise): each entity's execution,
/// capital share and fees share on its own lines (transfers left out), the share of the budget spent outside
/// the municipality itself (organizations and companies) year by year, the duplicated figures, and the
/// transfers whose two sides disagree.
enum GroupIndicators {
    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let book = context.book
        guard !book.entities.isEmpty else { return [] }
        let entityOf: (BudgetLine) -> String = { $0.entityCode ?? "" }
        let total = try LineTotals.of(context.lines)
        let byEntity = try LineTotals.grouping(context.lines, by: entityOf)
        let capital = try LineTotals.grouping(context.lines.filter { $0.economicClass == .capital }, by: entityOf)
        let sources = try LineTotals.grouping(context.revenues) { $0.entityCode ?? "" }
        let fees = try LineTotals.grouping(context.revenues.filter { $0.revenueClass.isFee }) { $0.entityCode ?? "" }
        let allSources = try LineTotals.of(context.revenues), allFees = try LineTotals.of(context.revenues.filter { $0.revenueClass.isFee })
        let perEntity = Bilingual(fa: "؛ جداگانه برای هر دستگاه، بر ردیف‌های خود آن دستگاه بدون انتقال‌ها به دستگاه‌های دیگر", en: ", per entity, on its own lines without transfers to other entities")
        var result = [
            Indicator(
                id: "execution.rate.by_entity", nameFa: "نرخ تحقق به تفکیک دستگاه", nameEn: "Execution rate by entity",
                formula: ExecutionIndicators.formula + perEntity, unit: "ratio", value: context.executionRatio(total),
                breakdown: byEntity.mapValues { context.executionRatio($0) },
                evidence: byEntity.keys.sorted().map { context.evidence(byEntity[$0] ?? LineTotals(), key: $0) }),
            Indicator(
                id: "expenditure.capital_share.by_entity", nameFa: "سهم اعتبارات تملک دارایی‌های سرمایه‌ای به تفکیک دستگاه",
                nameEn: "Share of capital spending by entity",
                formula: Bilingual(fa: "اعتبار مصوب ردیف‌های تملک دارایی‌های سرمایه‌ای ÷ اعتبار مصوب همهٔ ردیف‌های هزینه", en: "approved capital / approved of every spending line") + perEntity,
                unit: "ratio", value: context.ratio(try LineTotals.of(context.lines.filter { $0.economicClass == .capital }).approved, total.approved),
                breakdown: Dictionary(uniqueKeysWithValues: byEntity.map { ($0.key, context.ratio(capital[$0.key]?.approved ?? .zero, $0.value.approved)) }),
                evidence: byEntity.keys.sorted().map { context.evidence(capital[$0] ?? LineTotals(), key: $0) }),
            Indicator(
                id: "revenue.fees_share.by_entity", nameFa: "سهم عوارض از منابع وصول‌شده به تفکیک دستگاه",
                nameEn: "Fees share of realized sources by entity",
                formula: Bilingual(fa: "عملکرد عوارض ÷ عملکرد همهٔ منابع دستگاه (درآمدها و استقراض)، بدون دریافتی از دستگاه‌های دیگر", en: "realized fees / realized sources of the entity (revenue and borrowing), without receipts from other entities"),
                unit: "ratio", value: context.ratio(allFees.realized, allSources.realized),
                breakdown: Dictionary(uniqueKeysWithValues: sources.map { ($0.key, context.ratio(fees[$0.key]?.realized ?? .zero, $0.value.realized)) }),
                evidence: sources.keys.sorted().map { context.evidence(fees[$0] ?? LineTotals(), table: "revenues", key: $0) }),
        ]
        result.append(try outsideShare(context))
        result.append(try duplicatedFigures(context))
        result.append(try mismatches(context))
        return result
    }

    /// group.outside_share: organizations' and companies' share of the approved budget, every year up to the
    /// analysis year (the breakdown), so a growing share shows.
    private static func outsideShare(_ context: AnalysisContext) throws -> Indicator {
        let outside = Set(context.book.entities.filter(\.kind.isOutsideMunicipality).map(\.code))
        var breakdown: [String: IndicatorValue] = [:]
        var value = IndicatorValue.unavailable
        var evidence: [Evidence] = []
        let years = context.linesByYear.keys.filter { $0 <= context.year }.sorted()
        for year in years {
            let lines = context.linesByYear[year] ?? []
            let all = try LineTotals.of(lines)
            let theirs = try LineTotals.of(lines.filter { $0.entityCode.map(outside.contains) ?? false })
            let share = context.ratio(theirs.approved, all.approved)
            breakdown[String(year)] = share
            if year == context.year {
                value = share
                evidence = [context.evidence(theirs, key: "outside"), context.evidence(all)]
            }
        }
        if let first = years.first, first < context.year {
            breakdown["first_year"] = .count(first)
            breakdown["first_share"] = breakdown[String(first)] ?? .unavailable
            if case .decimal(let now) = value, case .decimal(let then)? = breakdown[String(first)] {
                breakdown["share_change"] = .decimal(now - then)
            }
            let shares = years.compactMap { year in FigureText.number(breakdown[String(year)] ?? .unavailable) }
            if let lowest = shares.min(), let highest = shares.max() {
                breakdown["lowest_share"] = .decimal(lowest)
                breakdown["highest_share"] = .decimal(highest)
            }
        }
        return Indicator(
            id: "group.outside_share", nameFa: "سهم سازمان‌ها و شرکت‌های تابعه از اعتبار مصوب",
            nameEn: "Organizations' and companies' share of the approved budget",
            formula: Bilingual(fa: "اعتبار مصوب ردیف‌های سازمان‌ها و شرکت‌های تابعه ÷ اعتبار مصوب همهٔ ردیف‌های هزینه، بدون انتقال میان دستگاه‌ها؛ برای هر سال تا سال تحلیل",
                               en: "approved of the lines of organizations and companies / approved of every spending line, transfers between entities left out; for every year up to the analysis year"),
            unit: "ratio", value: value, breakdown: breakdown, evidence: evidence)
    }

    /// group.duplicated_figures: the transfers between entities in the approved budget of the year: what the budget
    /// with duplicated figures counts twice.
    private static func duplicatedFigures(_ context: AnalysisContext) throws -> Indicator {
        let payments = context.book.transferPayments.filter { $0.year == context.year }
        let transfers = try LineTotals.of(payments)
        let without = try LineTotals.of(context.lines)
        let with = try without.approved.adding(transfers.approved)
        return Indicator(
            id: "group.duplicated_figures", nameFa: "ارقام تکراری (انتقال میان دستگاه‌های شهرداری)",
            nameEn: "Duplicated figures (transfers between the municipality's entities)",
            formula: Bilingual(fa: "اعتبار مصوب ردیف‌های هزینه‌ای که پول را به دستگاه دیگری از مجموعهٔ شهرداری می‌دهند؛ بودجه با احتساب ارقام تکراری = بدون احتساب + این رقم",
                               en: "approved of the spending lines that pass money to another entity of the group; the budget with duplicated figures = without + this amount"),
            unit: "rials", value: .rials(transfers.approved.rials),
            breakdown: ["with_duplicated_figures": .rials(with.rials), "without_duplicated_figures": .rials(without.approved.rials),
                        "share": context.ratio(transfers.approved, without.approved)],
            evidence: [context.evidence(transfers, key: "transfers")])
    }

    /// data_quality.transfer_mismatches: transfers of the year whose paying and receiving sides disagree.
    private static func mismatches(_ context: AnalysisContext) throws -> Indicator {
        let found = try TransferReconciliation.mismatches(in: context.book)
        var breakdown: [String: IndicatorValue] = [:]
        for mismatch in found {
            let suffix = mismatch.amounts == .approved ? "" : "_realized"
            breakdown["\(mismatch.payer)>\(mismatch.receiver)>\(mismatch.year)"] = .record([
                "paid" + suffix: .rials(mismatch.paid.rials), "received" + suffix: .rials(mismatch.received.rials)])
        }
        return Indicator(
            id: "data_quality.transfer_mismatches", nameFa: "انتقال‌های ناهمخوان میان دستگاه‌ها", nameEn: "Transfers whose two sides disagree",
            formula: Bilingual(fa: "شمار جفت دستگاه‌ها و سال‌هایی که جمع پرداختی یکی به دیگری در مصارف با جمع دریافتی دیگری از او در منابع برابر نیست (رقم مصوب، و عملکرد اگر هر دو سو داشته باشند)، در همهٔ سال‌های کتاب",
                               en: "pairs of entities and years whose payments in the payer's spending differ from the receipts in the receiver's sources (approved, and realized when both sides report it), in every year of the book"),
            unit: "entries", value: .count(found.count), breakdown: breakdown,
            evidence: found.map { Evidence(table: "budget_lines", key: "\($0.payer)>\($0.receiver)>\($0.year)", rows: $0.paymentLines + $0.receiptLines,
                                           sums: ["paid": .rials($0.paid.rials), "received": .rials($0.received.rials)]) })
    }
}
