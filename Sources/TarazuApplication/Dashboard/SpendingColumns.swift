import Foundation
import TarazuAnalysis
import TarazuCore

/// The columns and cells shared by the spending tables: approved, revised, realized, execution rate.
public enum SpendingColumns {
    public static let columns: [DashboardTable.Column] = [
        DashboardTable.rials("approved", "مصوب", "Approved"),
        DashboardTable.rials("revised", "اصلاحیه", "Revised"),
        DashboardTable.rials("realized", "عملکرد", "Realized"),
        DashboardTable.ratio("execution_rate", "نرخ تحقق", "Execution rate"),
    ]

    public static func cells(_ totals: LineTotals) -> [DashboardTable.Cell] {
        [.rials(totals.approved.rials), .rials(totals.revised.rials), .rials(totals.realizedIfReported?.rials), .ratio(totals.executionRate)]
    }

    public static let share = DashboardTable.ratio("share", "سهم از مصوب", "Share of approved")

    /// The bar of one row: approved and realized.
    public static func bar(_ fa: String, _ en: String, _ totals: LineTotals) -> DashboardView.Bar {
        DashboardView.Bar(fa: fa, en: en, first: totals.approved.rials, second: totals.realizedIfReported?.rials)
    }

    public static func bars(_ titleFa: String, _ titleEn: String, _ bars: [DashboardView.Bar]) -> DashboardView.Bars {
        DashboardView.Bars(title: Bilingual(fa: titleFa, en: titleEn), first: Bilingual(fa: "مصوب", en: "approved"),
                           second: Bilingual(fa: "عملکرد", en: "realized"), bars: bars)
    }
}
