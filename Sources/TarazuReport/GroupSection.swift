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
        var blocks: [Block] = [.paragraph([.text(text.groupIntro(year: year, without: numerals.billionRials(totals.without.rials),
                                                                  with: numerals.billionRials(totals.with.rials),
                                                                  duplicated: numerals.billionRials(duplicated.rials)))])]
        let execution = indicators["execution.rate.by_entity"]?.breakdown ?? [:]
        let capital = indicators["expenditure.capital_share.by_entity"]?.breakdown ?? [:]
        let fees = indicators["revenue.fees_share.by_entity"]?.breakdown ?? [:]
        func ratio(_ value: IndicatorValue?) -> String {
            guard let value, let number = FigureText.number(value) else { return "-" }
            return numerals.percent(number)
        }
        let table: [[Rich]] = rows.map { row in
            let code = row.entity.code
            return [[.text(row.entity.name(language))], [.text(pick(Bilingual(fa: row.entity.kind.nameFa, en: row.entity.kind.nameEn)))],
                    [.text(numerals.billions(row.spending.approved.rials))], [.text(ratio(execution[code]))],
                    [.text(ratio(capital[code]))], [.text(ratio(fees[code]))],
                    [.text(numerals.billions(row.transfersOut.rials))], [.text(numerals.billions(row.transfersIn.rials))]]
        }
        blocks.append(.table(header: text.groupHeader.map { [.text($0)] }, rows: table))
        blocks.append(.paragraph([.span("muted", [.text(text.groupNote)])]))
        return Section(id: "group", title: [.text(text.groupTitle)], blocks: blocks)
    }

    /// The transfers of the year whose two sides disagree, with both sides' rows.
    var transferMismatchBlocks: [Block] {
        guard !input.book.entities.isEmpty,
              let found = try? TransferReconciliation.mismatches(in: input.book, year: input.year) else { return [] }
        let blocks: [Block] = [.subheading([.text(text.transferMismatchHeading)])]
        guard !found.isEmpty else { return blocks + [.paragraph([.text(text.noTransferMismatch)])] }
        return blocks + [.list(found.map { [.text($0.text(language, entities: input.book.entities))] })]
    }
}

extension ReportText {
    var groupTitle: String { pick("مجموعهٔ شهرداری: دستگاه‌ها و ارقام تکراری", "The municipal group: entities and duplicated figures") }

    func groupIntro(year: String, without: String, with: String, duplicated: String) -> String {
        pick("بودجهٔ شهرداری را ستاد مرکزی، شهرداری‌های مناطق، سازمان‌ها و شرکت‌های تابعه هر یک جداگانه منتشر می‌کنند و پولی که یک دستگاه به دستگاه دیگر می‌دهد در بودجهٔ هر دو می‌آید. "
                + "همهٔ ارقام این گزارش بدون احتساب ارقام تکراری است: اعتبار مصوب سال \(year) بدون احتساب ارقام تکراری \(without) و با احتساب آن‌ها \(with) است؛ "
                + "\(duplicated) انتقال میان دستگاه‌هاست که یک بار در مصارف دستگاه پرداخت‌کننده و بار دیگر در منابع دستگاه دریافت‌کننده آمده است.",
             "Tarazu's figures count each rial once: the central administration, the regions' municipalities, the organizations and the companies each publish a budget, and money one entity passes to another appears in both. "
                + "Every figure of this report is without duplicated figures: the approved budget of \(year) is \(without) without duplicated figures and \(with) with them; "
                + "\(duplicated) are transfers between entities, counted once in the payer's spending and again in the receiver's sources.")
    }

    var groupHeader: [String] {
        [pick("دستگاه", "Entity"), pick("نوع", "Kind"), pick("اعتبار مصوب (میلیارد ریال)", "Approved (billion rials)"),
         pick("نرخ تحقق", "Execution"), pick("سهم تملک دارایی‌های سرمایه‌ای", "Capital share"),
         pick("سهم عوارض از منابع وصول‌شده", "Fees share of sources"),
         pick("انتقال به دستگاه‌های دیگر (میلیارد ریال)", "Transfers to other entities (billion rials)"),
         pick("دریافتی از دستگاه‌های دیگر (میلیارد ریال)", "Received from other entities (billion rials)")]
    }

    var groupNote: String {
        pick("اعتبار مصوب، نرخ تحقق و سهم تملک دارایی‌های سرمایه‌ای هر دستگاه بر ردیف‌های هزینهٔ خود آن است، بدون انتقال به دستگاه‌های دیگر؛ سهم عوارض بر منابع وصول‌شدهٔ خود آن، بدون دریافتی از دستگاه‌های دیگر. "
                + "هزینه‌های هر دستگاه به منطقه‌ای نسبت داده می‌شود که در آن خرج می‌شود، هر دستگاهی که آن را خرج کند.",
             "An entity's approved budget, execution and capital share are on its own spending lines, without transfers to other entities; its fees share on its own sources, without receipts from other entities. "
                + "Spending is assigned to the region where it is spent, whichever entity spends it.")
    }

    var transferMismatchHeading: String { pick("انتقال‌های ناهمخوان میان دستگاه‌ها", "Transfers whose two sides disagree") }
    var noTransferMismatch: String {
        pick("دو سوی همهٔ انتقال‌های میان دستگاه‌ها در این سال برابر است.", "Both sides of every transfer between entities agree this year.")
    }
}
