import Foundation
import TarazuCore
import Yams

/// The facts a book's governance.yaml declares: what budget data cannot show (connected systems,
/// published contracts, citizen participation ...). Tarazu marks every figure taken from here "declared".
///
/// The file is a mapping with an optional `source:` (who declares), an optional `as_of:` (the Jalali
/// year whose state the facts describe) and `facts:`, each fact either a bare value or
/// `{value: ..., note: "..."}`. Values are booleans, numbers (read exactly) or text.
public struct GovernanceFacts: Hashable, Sendable {
    /// One declared fact.
    public struct Fact: Hashable, Sendable {
        /// The declared value: `.flag`, `.decimal` or `.text`.
        public var value: IndicatorValue
        /// The declarant's note, if any: `note: "..."` (one text for both languages) or
        /// `note: {fa: "...", en: "..."}`.
        public var note: Bilingual?

        /// A fact with an optional note.
        public init(value: IndicatorValue, note: Bilingual? = nil) {
            self.value = value
            self.note = note
        }
    }

    /// Who declares the facts (the `source:` line).
    public var source: String?
    /// The Jalali year whose state the facts describe (the `as_of:` line), so that a reader can tell a
    /// declaration of an earlier year from today's state.
    public var asOf: Int?
    /// The facts by key.
    public var facts: [String: Fact]

    /// No declared facts.
    public static let none = GovernanceFacts(source: nil, facts: [:])

    /// The Jalali years `as_of:` may name.
    public static let asOfYears = 1300...1500

    /// The facts that the built-in indicators read, with what each means (in Persian and English).
    public static let known: [String: Bilingual] = [
        "regular_official_reporting": Bilingual(
            fa: "بله، اگر شهرداری هر سال گزارش رسمی بودجه منتشر کند",
            en: "true when the municipality publishes an official budget report every year"),
        "budget_report_has_policy_analysis": Bilingual(
            fa: "بله، اگر گزارش بودجه تحلیل سیاستی یا الگوی تصمیم‌سازی داشته باشد، نه فقط آمار",
            en: "true when the budget report carries policy analysis or a decision model, not only statistics"),
        "council_dashboards": Bilingual(
            fa: "بله، اگر شورا داشبورد تحلیلی بر داده‌های بودجه داشته باشد",
            en: "true when the council has analytical dashboards over the budget data"),
        "connected_source_systems": Bilingual(
            fa: "شمار سامانه‌های منبع داده (مالی، عمرانی، نظارت و …) که به یک مخزن دادهٔ واحد متصل‌اند",
            en: "number of source systems (financial, civil works, monitoring ...) connected to one data store"),
        "citizen_participation_in_budgeting": Bilingual(
            fa: "بله، اگر شهروندان در انتخاب اولویت‌های بودجه مشارکت کنند",
            en: "true when citizens take part in choosing budget priorities"),
        "participatory_budget_share": Bilingual(
            fa: "سهمی از بودجهٔ عمرانی که شهروندان تعیین می‌کنند (۰٫۰۵ یعنی ۵٪)",
            en: "fraction of the capital budget decided by citizens (0.05 = 5 %)"),
        "contracts_published": Bilingual(
            fa: "بله، اگر قراردادهای شهرداری منتشر شوند (برای نمونه در قالب استاندارد دادهٔ باز قراردادها)",
            en: "true when the municipality's contracts are published (e.g. as OCDS)"),
    ]

    /// Facts with their source.
    public init(source: String?, asOf: Int? = nil, facts: [String: Fact]) {
        self.source = source
        self.asOf = asOf
        self.facts = facts
    }

    /// Parses a governance.yaml text (Persian text normalized). Throws `GovernanceFactsError` with the
    /// line of the problem.
    public init(yaml: String) throws(GovernanceFactsError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw GovernanceFactsError(yaml: error)
        } catch {
            throw GovernanceFactsError(reason: "not valid YAML: \(error)")
        }
        guard let root else { self = .none; return }
        guard let mapping = root.mapping else {
            throw GovernanceFactsError(root, "the file must be a mapping with `source:` and `facts:`")
        }
        var source: String?
        var asOf: Int?
        var facts: [String: Fact] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "source":
                source = valueNode.string.map { PersianText.normalize($0) }
            case "as_of":
                let text = valueNode.string.map { PersianText.asciiDigits($0).trimmingCharacters(in: .whitespaces) } ?? ""
                guard let year = Int(text), Self.asOfYears.contains(year) else {
                    throw GovernanceFactsError(valueNode, "`as_of:` must be a Jalali year from \(Self.asOfYears.lowerBound) to \(Self.asOfYears.upperBound), not `\(text)`")
                }
                asOf = year
            case "facts":
                guard let entries = valueNode.mapping else {
                    throw GovernanceFactsError(valueNode, "`facts:` must be a mapping of fact keys")
                }
                for (factKey, factNode) in entries {
                    let name = factKey.string ?? ""
                    facts[name] = try Self.fact(name, factNode)
                }
            default:
                throw GovernanceFactsError(keyNode, "unknown key `\(key)` (expected `source`, `as_of` or `facts`)")
            }
        }
        self.init(source: source, asOf: asOf, facts: facts)
    }

    /// The facts of `book`'s governance.yaml (none when it has no such file).
    public init(book: BudgetBook) throws(GovernanceFactsError) {
        guard let yaml = book.governanceYAML else { self = .none; return }
        try self.init(yaml: yaml)
    }

    private static func note(_ name: String, _ node: Node) throws(GovernanceFactsError) -> Bilingual {
        if let text = node.string { return Bilingual(fa: text, en: text).normalized }
        guard let mapping = node.mapping, let fa = mapping["fa"]?.string, let en = mapping["en"]?.string else {
            throw GovernanceFactsError(node, "the note of fact `\(name)` must be a text or {fa: ..., en: ...}")
        }
        return Bilingual(fa: fa, en: en).normalized
    }

    private static func fact(_ name: String, _ node: Node) throws(GovernanceFactsError) -> Fact {
        if let mapping = node.mapping {
            guard let valueNode = mapping["value"] else {
                throw GovernanceFactsError(node, "fact `\(name)` has no `value:`")
            }
            var note: Bilingual?
            if let node = mapping["note"] { note = try Self.note(name, node) }
            return Fact(value: try scalar(name, valueNode), note: note)
        }
        return Fact(value: try scalar(name, node), note: nil)
    }

    private static func scalar(_ name: String, _ node: Node) throws(GovernanceFactsError) -> IndicatorValue {
        guard let scalar = node.scalar else {
            throw GovernanceFactsError(node, "the value of fact `\(name)` must be a boolean, a number or a text")
        }
        let text = PersianText.asciiDigits(PersianText.normalize(scalar.string)).trimmingCharacters(in: .whitespaces)
        if scalar.style == .plain {
            switch text.lowercased() {
            case "true", "yes": return .flag(true)
            case "false", "no": return .flag(false)
            default: break
            }
            if let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
               text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) {
                return .decimal(number)
            }
        }
        return .text(text)
    }

    /// The value of fact `key` as a boolean, if declared as one.
    func flag(_ key: String) -> Bool? {
        if case .flag(let value)? = facts[key]?.value { return value }
        return nil
    }

    /// The value of fact `key` as a number, if declared as one.
    func number(_ key: String) -> Decimal? {
        if case .decimal(let value)? = facts[key]?.value { return value }
        return nil
    }
}

/// A governance.yaml that cannot be read, with the position of the problem when known.
public struct GovernanceFactsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line and character column of the problem.
    public var line: Int?
    public var column: Int?
    /// What is wrong.
    public var reason: String

    /// A problem at `line` and `column`.
    public init(line: Int? = nil, column: Int? = nil, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// A problem with `node`, at its position.
    init(_ node: Node, _ reason: String) {
        self.init(line: node.mark?.line ?? 1, column: node.mark?.column, reason: reason)
    }

    /// Yams's (libyaml's) syntax error, at its position.
    init(yaml error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                self.init(line: mark.line, column: mark.column, reason: "not valid YAML: nested more than 1000 levels deep")
                return
            }
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            self.init(line: mark.line, column: mark.column, reason: "not valid YAML: \(problem)\(during)")
        case .reader(let problem, _, _, _):
            self.init(reason: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(line: context.mark.line, column: context.mark.column,
                      reason: "not valid YAML: a key appears twice in a mapping (\(duplicates.sorted().joined(separator: ", ")))")
        default:
            self.init(reason: "not valid YAML: \(error)")
        }
    }

    /// `line N: reason` (or the reason alone).
    public var message: String { line.map { "line \($0): \(reason)" } ?? reason }

    /// `governance.yaml:line:column: reason`, leaving out what is not known.
    public var description: String {
        var location = "governance.yaml"
        if let line { location += ":\(line)" }
        if line != nil, let column { location += ":\(column)" }
        return "\(location): \(reason)"
    }
}
