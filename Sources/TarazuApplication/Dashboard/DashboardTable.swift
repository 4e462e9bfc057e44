import Foundation
import TarazuCore
import TarazuAnalysis
import TarazuReport

/// One table of a dashboard view: what the page shows and what its CSV and JSON downloads hold.
public struct DashboardTable: Hashable, Sendable {
    /// `identifier`: a code or id of the data (a line, project, region or function code, an indicator
    /// id), written left to right as it is, never translated.
    public enum Kind: Hashable, Sendable { case text, identifier, rials, ratio, count, year, number }

    public struct Column: Hashable, Sendable {
        /// The CSV header and JSON key (a bilingual column gives `key_fa` and `key_en`).
        public var key: String
        public var fa: String
        public var en: String
        public var kind: Kind
        public var bilingual = false
        /// Whether the page shows the column; a machine code beside its name is kept for the downloads only.
        public var onPage = true
    }

    public enum Cell: Hashable, Sendable {
        case text(String)
        case names(fa: String, en: String)
        /// A machine code (downloads keep it) that the page shows by its name in the page's language.
        case code(String, fa: String, en: String)
        case rials(Int64?)
        /// Whole rials per person (shown as rials, not billions).
        case perPerson(Int64?)
        /// An indicator's value by its unit: the page shows it formatted, downloads the plain value.
        case figure(IndicatorValue, unit: String)
        case ratio(Decimal?)
        case count(Int64?)
        /// A year as written (Jalali), without digit grouping.
        case year(Int)
        /// A signed change as a fraction, shown as a signed percentage.
        case change(Decimal?)
        /// A signed amount in whole rials, shown as signed billions.
        case difference(Int64?)
        /// Points of a score out of 100, shown with one decimal.
        case points(Decimal?)
        /// Row ids, at most a sample of `count` (the page says how many it leaves out); downloads get the
        /// listed ids separated by spaces.
        case ids([String], count: Int)
    }

    /// A region's code as a cell: the central administration's code stays in downloads, and the page
    /// shows «—» for it, since it is no region number a reader knows.
    public static func regionCode(_ code: String) -> Cell {
        code == Region.centralCode ? .code(code, fa: "—", en: "—") : .text(code)
    }

    public struct Row: Hashable, Sendable {
        public var cells: [Cell]
        /// A dashboard path the row's first cell links to (without query).
        public var link: String?

        public init(cells: [Cell], link: String? = nil) {
            self.cells = cells
            self.link = link
        }
    }

    /// A file-safe identifier (used in `?table=` and in file names).
    public var id: String
    public var caption: Bilingual
    public var columns: [Column]
    public var rows: [Row]

    public init(id: String, caption: Bilingual, columns: [Column], rows: [Row]) {
        self.id = id
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }

    public static func text(_ key: String, _ fa: String, _ en: String) -> Column { Column(key: key, fa: fa, en: en, kind: .text) }
    public static func identifier(_ key: String, _ fa: String, _ en: String) -> Column { Column(key: key, fa: fa, en: en, kind: .identifier) }
    public static func names(_ key: String, _ fa: String, _ en: String) -> Column { Column(key: key, fa: fa, en: en, kind: .text, bilingual: true) }
    public static func rials(_ key: String, _ fa: String, _ en: String) -> Column { Column(key: key, fa: fa, en: en, kind: .rials) }
    public static func ratio(_ key: String, _ fa: String, _ en: String) -> Column { Column(key: key, fa: fa, en: en, kind: .ratio) }
    public static func count(_ key: String, _ fa: String, _ en: String) -> Column { Column(key: key, fa: fa, en: en, kind: .count) }
    /// A plain number (points of a score): downloads carry it as a JSON number.
    public static func number(_ key: String, _ fa: String, _ en: String) -> Column { Column(key: key, fa: fa, en: en, kind: .number) }
    public static func year(_ key: String = "year") -> Column { Column(key: key, fa: "سال", en: "Year", kind: .year) }
    /// A machine code the page shows by the name in the next column: only the downloads carry it.
    public static func code(_ key: String) -> Column { Column(key: key, fa: key, en: key, kind: .identifier, onPage: false) }

    /// Ratios are written with four decimals everywhere (page `<data>` values, CSV, JSON).
    public static func plain(_ ratio: Decimal) -> String {
        var input = ratio
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 4, .plain)
        return NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// The machine-readable value of a cell (nil for no value), for CSV, JSON and `<data value>`.
    public static func raw(_ cell: Cell) -> [String?] {
        switch cell {
        case .text(let text): [text]
        case .names(let fa, let en): [fa, en]
        case .code(let code, _, _): [code]
        case .rials(let value), .count(let value), .perPerson(let value), .difference(let value): [value.map(String.init)]
        case .figure(let value, _): [IndicatorText.plain(value)]
        case .ratio(let value), .change(let value), .points(let value): [value.map(plain)]
        case .ids(let ids, _): [ids.joined(separator: " ")]
        case .year(let year): [String(year)]
        }
    }

    /// The CSV/JSON keys, in order.
    public var keys: [String] { columns.flatMap { $0.bilingual ? [$0.key + "_fa", $0.key + "_en"] : [$0.key] } }
}
