import Foundation
import TarazuAnalysis
import TarazuCore

/// The input with the helpers every section needs: language, number formats, fixed texts and the
/// names of the book's codes.
struct ReportContext: Sendable {
    let input: ReportInput
    let language: ReportLanguage
    let numerals: Numerals
    let text: ReportText
    let values: ValueFormatter
    /// Indicators by id.
    let indicators: [String: Indicator]
    /// The book's low-population regions (``PerResident/lowPopulationRegions(of:share:)``).
    let lowPopulationRegions: Set<String>

    init(input: ReportInput, language: ReportLanguage) {
        self.input = input
        self.language = language
        numerals = Numerals(language: language)
        text = ReportText(language: language)
        values = ValueFormatter(numerals: numerals, text: text, breakdown: BreakdownText(book: input.book, language: language))
        var byId: [String: Indicator] = [:]
        for indicator in input.indicators where byId[indicator.id] == nil { byId[indicator.id] = indicator }
        indicators = byId
        lowPopulationRegions = PerResident.lowPopulationRegions(of: input.book)
    }

    var isPersian: Bool { language == .fa }
    var year: String { numerals.year(input.year) }

    /// The text of a bilingual value in the report language.
    func pick(_ bilingual: Bilingual) -> String { isPersian ? bilingual.fa : bilingual.en }

    /// The city's name in the report language.
    var city: String {
        let meta = input.book.metadata
        return (isPersian ? meta.cityFa ?? meta.cityEn : meta.cityEn ?? meta.cityFa) ?? meta.title
    }

    /// The name of an indicator in the report language, or its id.
    func indicatorName(_ id: String) -> String {
        guard let indicator = indicators[id] else { return id }
        return isPersian ? indicator.nameFa : indicator.nameEn
    }

    /// The status label of the rubric, or "not assessed" for nil.
    func statusLabel(_ status: Status?) -> String {
        guard let status else { return text.notAssessed }
        return input.assessment.statusLabels[status].map(pick) ?? status.rawValue
    }

    /// The name of a region code, with the low-population mark when `lowPopulation` (default: the book's
    /// low-population regions, ``PerResident/lowPopulationRegions(of:share:)``).
    func regionName(_ code: String, lowPopulation: Bool? = nil) -> String {
        if let region = input.book.regions.first(where: { $0.code == code }) {
            let low = lowPopulation ?? lowPopulationRegions.contains(code)
            return BreakdownText.regionName(isPersian ? region.nameFa : region.nameEn ?? region.nameFa, lowPopulation: low, language: numerals.language)
        }
        return code == Region.centralCode ? pick(input.book.centralRegionName) : code
    }

    /// The name of a function code.
    func functionName(_ code: String) -> String {
        guard let function = input.book.functions.first(where: { $0.code == code }) else { return code }
        return isPersian ? function.nameFa : function.nameEn
    }

    /// A readable label for a breakdown key: a function, class, region, year or known key.
    func categoryLabel(_ key: String) -> String { values.breakdown.label(key) }

    /// Free text from the data (a note, a description): in a Persian report, text with no Persian
    /// letters is kept as Latin-script text, left to right.
    func freeText(_ value: String) -> Inline {
        guard isPersian else { return .text(value) }
        let persian = value.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) || (0xFB50...0xFEFF).contains($0.value) }
        return persian ? .text(value) : .latin(value)
    }

    /// A figure formatted by its unit.
    func figure(_ figure: Figure) -> String { values.format(figure.value, unit: figure.unit) }

    /// The judged figure of a check: `value`, else the first figure by name.
    func primaryFigure(_ check: CheckResult) -> String {
        if let value = check.figures["value"] { return figure(value) }
        if let first = check.figures.keys.sorted().first { return figure(check.figures[first]!) }
        return text.notAvailable
    }

    /// `template` with every `{name}` replaced by the formatted figure `name` (or by a visible
    /// "unknown" when the figure is missing). Also says whether any placeholder was filled.
    func fill(_ template: String, figures: [String: Figure], extra: [String: String] = [:]) -> (text: String, filled: Bool) {
        var filled = false
        let result = RubricTemplate.fill(template) { name in
            if let replacement = extra[name] { return replacement }
            guard let figure = figures[name] else { return text.missingFigure }
            filled = true
            return self.figure(figure)
        }
        return (result, filled)
    }
}

/// Sums of money kept exact as `Decimal` (a sum of `Int64` rials cannot lose precision there).
struct MoneySum: Sendable {
    /// Whole rials summed in 64 bits; what would overflow spills into `spill`.
    private var whole: Int64 = 0
    private var spill: Decimal = 0
    var count = 0
    var value: Decimal { spill + Decimal(whole) }
    mutating func add(_ money: Money?) {
        guard let money else { return }
        let (sum, overflow) = whole.addingReportingOverflow(money.rials)
        if overflow {
            spill += Decimal(whole)
            whole = money.rials
        } else {
            whole = sum
        }
        count += 1
    }
}

/// A `Double` for drawing only (pixel geometry), never for text.
func drawingValue(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
