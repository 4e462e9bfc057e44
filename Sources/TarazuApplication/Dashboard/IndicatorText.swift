import Foundation
import TarazuAnalysis

/// Indicator values as plain text for tables and downloads (ASCII digits; ratios with four decimals).
public enum IndicatorText {
    public static func plain(_ value: IndicatorValue) -> String? {
        switch value {
        case .decimal(let number): DashboardTable.plain(number)
        case .rials(let rials): String(rials)
        case .count(let count): String(count)
        case .grade(let grade): grade
        case .flag(let flag): flag ? "true" : "false"
        case .text(let text): text
        case .record(let fields): fields.keys.sorted().map { "\($0)=\(plain(fields[$0]!) ?? "")" }.joined(separator: "; ")
        case .list(let items): items.map { plain($0) ?? "" }.joined(separator: "; ")
        case .unavailable: nil
        }
    }
}
