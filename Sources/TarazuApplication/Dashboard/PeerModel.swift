import Foundation
import TarazuAnalysis
import TarazuCore

/// Other cities' published budgets beside this book's approved budget of the same year: the comparison a
/// store without peer books can make (``PublishedPeerBudgets``).
public enum PeerModel {
    public static func view(book: BudgetBook, peers dataset: PublishedPeerBudgets, base: String) throws -> DashboardView {
        let ownTotals = try LineTotals.grouping(book.budgetLines, by: \.year)
        let city = book.metadata.cityFa ?? book.metadata.cityEn
        var rows: [DashboardTable.Row] = []
        for budget in dataset.peers(of: city) {
            let own = ownTotals[budget.year]?.approved
            let stage = budget.stage == .currentYear
                ? (fa: "بودجهٔ سال جاری در زمان گزارش", en: "the budget of the year it was reported in")
                : (fa: "بودجهٔ پیش‌بینی‌شده برای سال بعد", en: "the budget planned for the next year")
            rows.append(DashboardTable.Row(cells: [
                .names(fa: budget.cityFa, en: budget.cityEn), .names(fa: budget.provinceFa, en: budget.provinceEn), .year(budget.year),
                .rials(budget.amount.rials), .names(fa: stage.fa, en: stage.en), .rials(own?.rials),
                .ratio(own.flatMap { LineTotals.share($0, of: budget.amount) }), .text(dataset.source.url),
            ]))
        }
        let ownName = Bilingual(fa: book.metadata.cityFa ?? book.metadata.title(.fa), en: book.metadata.cityEn ?? book.metadata.title)
        let table = DashboardTable(
            id: "peers", caption: Bilingual(fa: "بودجهٔ شهرهای هم‌تراز، به گزارش منتشرشده", en: "Peer cities' budgets, as published"),
            columns: [DashboardTable.names("city", "شهر", "City"), DashboardTable.names("province", "استان", "Province"), DashboardTable.year(),
                      DashboardTable.rials("published_budget", "بودجهٔ گزارش‌شده", "Budget as reported"),
                      DashboardTable.names("stage", "کدام بودجه", "Which budget"),
                      DashboardTable.rials("own_approved", "اعتبار مصوب \(ownName.fa) در همان سال", "\(ownName.en)'s approved budget that year"),
                      DashboardTable.ratio("ratio", "نسبت به بودجهٔ گزارش‌شده", "Against the budget as reported"),
                      DashboardTable.code("source_url")],
            rows: rows)
        let grouped = book.hasTransfers
        return DashboardView(
            title: Bilingual(fa: "شهرهای هم‌تراز", en: "Peer cities"),
            crumbs: [DashboardView.Crumb(fa: "نمای کلی", en: "Overview", path: base), DashboardView.Crumb(fa: "شهرهای هم‌تراز", en: "Peer cities", path: nil)],
            notes: [Bilingual(fa: "منبع: \(dataset.source.titleFa)؛ نشانی آن در پرونده‌های CSV و JSON این جدول آمده است. این ارقام را عضو شورا در جلسهٔ علنی گزارش کرده است؛ روشن نیست رقم پیشنهادی است یا مصوب، و با احتساب ارقام تکراری است یا بدون آن. "
                                  + "اعتبار مصوب این کتاب" + (grouped ? " بدون احتساب ارقام تکراری است" : " از ردیف‌های بودجهٔ آن است") + ". برای مقایسهٔ دقیق، کتاب بودجهٔ این شهرها باید وارد ترازو شود.",
                              en: "Source: \(dataset.source.titleEn), \(dataset.source.url). A council member reported these figures in a public session; whether each is the proposed or the approved budget, and whether it counts duplicated figures, was not said. "
                                  + "This book's approved budget is " + (grouped ? "without duplicated figures" : "the sum of its budget lines") + ". For an exact comparison, import these cities' budget books.")],
            tables: [table])
    }
}
