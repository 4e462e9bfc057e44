import Foundation
import TarazuAnalysis
import TarazuCore

/// The municipal group: the budget with and without duplicated figures and each entity's figures, in a book
/// with entities; and the transfers whose two sides disagree, for the data-quality section.
extension ReportContext {
    /// The group's section, or nil for a book without entities.
    var groupSection: Section? {
        let book = input.book
        guard !book.entities.isEmpty,
              let rows = try? GroupFigures.rows(book: book, year: input.year),
              let totals = try? GroupFigures.approvedTotals(book: book, year: input.year) else { return nil }
        let duplicated = (try? totals.with.subtracting(totals.without)) ?? .zero
        let share = LineTotals.share(duplicated, of: totals.without).map(numerals.percent) ?? "-"
        var blocks: [Block] = [.paragraph([.text(text.duplicatedFiguresDefinition)]), .paragraph([.text(text.groupIntro(year: year, without: numerals.billionRials(totals.without.rials),
                                                                  with: numerals.billionRials(totals.with.rials),
                                                                  duplicated: numerals.billionRials(duplicated.rials), share: share))])]
        let execution = indicators["execution.rate.by_entity"]?.breakdown ?? [:]
        let capital = indicators["expenditure.capital_share.by_entity"]?.breakdown ?? [:]
        let fees = indicators["revenue.fees_share.by_entity"]?.breakdown ?? [:]
        func ratio(_ value: IndicatorValue?) -> String {
            guard let value, let number = FigureText.number(value) else { return "-" }
            return numerals.percent(number)
        }
        func againstRevised(_ totals: LineTotals) -> Decimal? {
            totals.realizedIfReported.flatMap { LineTotals.share($0, of: totals.revised) }
        }
        let table: [[Rich]] = rows.map { row in
            let code = row.entity.code
            return [[.text(row.entity.name(language))], [.text(pick(Bilingual(fa: row.entity.kind.nameFa, en: row.entity.kind.nameEn)))],
                    [.text(numerals.billions(row.spending.approved.rials))], [.text(ratio(execution[code]))],
                    [.text(againstRevised(row.spending).map(numerals.percent) ?? "-")],
                    [.text(ratio(capital[code]))], [.text(ratio(fees[code]))],
                    [.text(numerals.billions(row.transfersOut.rials))], [.text(numerals.billions(row.transfersIn.rials))]]
        }
        blocks.append(.table(header: text.groupHeader.map { [.text($0)] }, rows: table))
        blocks.append(.paragraph([.span("muted", [.text(text.groupNote)])]))
        // Execution above the approved amount: covered by a revision, or beyond it (to be checked).
        let above = rows.filter { ($0.spending.realizedIfReported ?? .zero) > $0.spending.approved }
        let covered = above.filter { ($0.spending.realizedIfReported ?? .zero) <= $0.spending.revised }.map { $0.entity.name(language) }
        let beyond = above.filter { ($0.spending.realizedIfReported ?? .zero) > $0.spending.revised }
        if !covered.isEmpty || !beyond.isEmpty {
            blocks.append(.paragraph([.text(text.aboveApproved(covered: covered, beyond: beyond.map {
                ($0.entity.name(language), againstRevised($0.spending).map(numerals.percent) ?? "-")
            }))]))
        }
        return Section(id: "group", title: [.text(text.groupTitle)], blocks: blocks)
    }

    /// The transfers of the year whose two sides disagree, with both sides' rows.
    var transferMismatchBlocks: [Block] {
        guard !input.book.entities.isEmpty, let found = try? TransferReconciliation.mismatches(in: input.book) else { return [] }
        let blocks: [Block] = [.subheading([.text(text.transferMismatchHeading)])]
        guard !found.isEmpty else { return blocks + [.paragraph([.text(text.noTransferMismatch)])] }
        return blocks + [.list(found.map { [.text($0.text(language, entities: input.book.entities))] })]
    }
}

extension ReportText {
    var groupTitle: String { pick("مجموعهٔ شهرداری: دستگاه‌ها و ارقام تکراری", "The municipal group: entities and duplicated figures") }

    /// What duplicated figures are, said before the report first uses the term.
    var duplicatedFiguresDefinition: String {
        pick("شهرداری یک مجموعه است: ستاد مرکزی، شهرداری‌های مناطق و سازمان‌ها و شرکت‌های تابعه هر یک بودجهٔ جداگانه دارند. پولی که یکی از آن‌ها به دیگری می‌دهد دو بار در بودجه می‌آید: "
                + "یک بار در مصارف پرداخت‌کننده و یک بار در منابع دریافت‌کننده. به این مبالغ «ارقام تکراری» می‌گویند. جز جایی که صریحاً گفته شود، ارقام این گزارش بدون احتساب ارقام تکراری است، یعنی هر ریال یک بار شمرده شده است.",
             "The municipality is a group: the central administration, the regions' municipalities, and the organizations and companies each have a budget of their own. Money one of them passes to another appears twice in the budget: "
                + "once in the payer's spending and once in the receiver's sources. These amounts are called duplicated figures. Unless said otherwise, every figure of this report is without duplicated figures: each rial is counted once.")
    }

    func groupIntro(year: String, without: String, with: String, duplicated: String, share: String) -> String {
        pick("اعتبار مصوب سال \(year) بدون احتساب ارقام تکراری \(without) و با احتساب آن‌ها \(with) است؛ \(duplicated) انتقال میان دستگاه‌هاست، برابر \(share) از بودجهٔ بدون احتساب ارقام تکراری.",
             "The approved budget of \(year) is \(without) without duplicated figures and \(with) with them; \(duplicated) of it are transfers between entities (\(share) of the budget without duplicated figures).")
    }

    var groupHeader: [String] {
        [pick("دستگاه", "Entity"), pick("نوع", "Kind"), pick("اعتبار مصوب (میلیارد ریال)", "Approved (billion rials)"),
         pick("نرخ تحقق", "Execution"), pick("عملکرد نسبت به اصلاحیه", "Realized against revised"),
         pick("سهم تملک دارایی‌های سرمایه‌ای", "Capital share"),
         pick("سهم عوارض از منابع وصول‌شده (شامل استقراض)", "Fees share of sources (borrowing included)"),
         pick("انتقال به دستگاه‌های دیگر (میلیارد ریال)", "Transfers to other entities (billion rials)"),
         pick("دریافتی از دستگاه‌های دیگر (میلیارد ریال)", "Received from other entities (billion rials)")]
    }

    var groupNote: String {
        pick("ارقام هر دستگاه فقط ردیف‌های خود آن دستگاه است: اعتبار مصوب، نرخ تحقق و سهم تملک دارایی‌های سرمایه‌ای بر ردیف‌های هزینهٔ آن، بدون انتقال به دستگاه‌های دیگر؛ سهم عوارض بر منابع وصول‌شدهٔ آن (شامل استقراض)، بدون دریافتی از دستگاه‌های دیگر. "
                + "سهم عوارض ۰٫۰٪ یعنی دستگاه عوارضی وصول نمی‌کند (سازمان‌ها بیشتر بهای خدمات می‌گیرند). "
                + "در جدول‌ها و شاخص‌های منطقه‌ای هر هزینه به منطقه‌ای نسبت داده می‌شود که در آن خرج شده است، هر دستگاهی که خرجش کرده باشد؛ از این رو رقم یک منطقه با رقم شهرداری همان منطقه برابر نیست.",
             "An entity's figures are its own lines only: approved budget, execution and capital share on its spending lines, without transfers to other entities; the fees share on its own sources (borrowing included), without receipts from other entities. "
                + "A fees share of 0.0 % means the entity collects no fees (organizations mostly charge for services). "
                + "In the regional tables and indicators spending is assigned to the region where it was spent, whichever entity spent it, so a region's figure differs from its municipality's.")
    }

    /// The entities whose realized spending passed their approved amount: those a revision covered, and those
    /// that spent beyond their revised amount too (with realized against revised).
    func aboveApproved(covered: [String], beyond: [(String, String)]) -> String {
        let separator = pick("، ", ", ")
        var parts: [String] = []
        if !covered.isEmpty {
            parts.append(pick("عملکرد \(covered.joined(separator: separator)) از اعتبار مصوب اولیه بیشتر است، ولی از اصلاحیهٔ بودجه بیشتر نیست.",
                              "\(covered.joined(separator: separator)) spent more than the original approved amount, but not more than the revised one."))
        }
        for (name, share) in beyond {
            parts.append(pick("عملکرد \(name) از اصلاحیهٔ بودجه هم بیشتر است (\(share) اصلاحیه) و باید بررسی شود.",
                              "\(name) spent beyond its revised amount too (\(share) of it): to be checked."))
        }
        return parts.joined(separator: " ")
    }

    var transferMismatchHeading: String { pick("انتقال‌های ناهمخوان میان دستگاه‌ها", "Transfers whose two sides disagree") }
    var noTransferMismatch: String {
        pick("در همهٔ سال‌های کتاب، رقم هر انتقال در مصارف دستگاه پرداخت‌کننده با رقم آن در منابع دستگاه دریافت‌کننده برابر است.",
             "In every year of the book, each transfer shows the same amount in the payer's spending and in the receiver's sources.")
    }
}
