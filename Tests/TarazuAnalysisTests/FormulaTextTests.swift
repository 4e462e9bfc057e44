import Foundation
import Testing
import TarazuAnalysis
import TarazuCore
import TarazuSample

/// Every formula the engine writes has a Persian text a native reader can read: Persian words and
/// digits; Latin only in the few names the report keeps (PEFA, PI, ln, max, min, ids in backticks),
/// PEFA's grade letters, and symbols set apart in left-to-right isolates; and a parameter reads the
/// same in both languages.
@Suite struct FormulaTextTests {
    static let book = SampleCity.tabriz()
    static let allowedWords: Set<String> = ["PEFA", "PI", "ln", "max", "min"]
    /// Latin a Persian formula may carry outside its isolated symbols: PEFA's names and grade letters.
    static let allowedInProse: Set<String> = ["PEFA", "PI", "A", "B", "C", "D"]

    /// The Latin words of `text` outside backticks (and outside the isolates too when `prose`).
    static func latinWords(_ text: String, prose: Bool = false) -> [String] {
        var words: [String] = []
        var word = ""
        var inBackticks = false
        var isolated = 0
        for character in text + " " {
            switch character {
            case "`": inBackticks.toggle()
            case "\u{2066}": isolated += 1
            case "\u{2069}": isolated -= 1
            default: break
            }
            if character.isASCII, character.isLetter, !inBackticks, !(prose && isolated > 0) {
                word.append(character)
                continue
            }
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        return words
    }

    /// The words the brief forbids: Latin words of two letters or more outside the allowed ones.
    static func foreignWords(_ text: String) -> [String] {
        latinWords(text).filter { $0.count >= 2 && !allowedWords.contains($0) }
    }

    /// Every indicator of every year of the sample book, with and without a participatory process
    /// (which replaces the declared participation facts with measured ones).
    static func sampleIndicators() throws -> [Indicator] {
        try book.years.flatMap { year in
            let process = MeasuredParticipation(year: year, process: "tabriz-\(year)", budget: Money(rials: 500_000_000_000), ballots: 4_000,
                                                byChannel: ["web": 3_000, "sms": 1_000])
            return try IndicatorEngine.compute(book: book, year: year) + IndicatorEngine.compute(book: book, year: year, participation: [process])
        }
    }

    @Test func theAllowListKeepsSymbolsAndNamesOnly() {
        #expect(Self.foreignWords("ضریب جینی: Σ w_i w_j |y_i − y_j| ÷ 2μ") == [])
        #expect(Self.foreignWords("پفا (PEFA PI-1)، ln(s_i ÷ w_i)، max y_i، شناسهٔ `execution.rate.total`") == [])
        #expect(Self.foreignWords("سهم top10_share از approved") == ["top", "share", "approved"])
        #expect(Self.latinWords("رتبهٔ A، که \u{2066}w_i\u{2069} سهم منطقهٔ i", prose: true) == ["A", "i"])
    }

    @Test func everyIndicatorOfTheSampleHasAPersianFormula() throws {
        let indicators = try Self.sampleIndicators()
        #expect(Set(indicators.map(\.id)).count >= 55)
        for indicator in indicators {
            let persian = indicator.formula.fa
            #expect(!persian.trimmingCharacters(in: .whitespaces).isEmpty, "\(indicator.id) has no Persian formula")
            #expect(persian.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(indicator.id): \(persian)")
            #expect(Self.foreignWords(persian).isEmpty, "\(indicator.id): \(Self.foreignWords(persian)) in «\(persian)»")
            let loose = Self.latinWords(persian, prose: true).filter { !Self.allowedInProse.contains($0) }
            #expect(loose.isEmpty, "\(indicator.id): symbols outside an isolate \(loose) in «\(persian)»")
            #expect(!persian.contains { $0.isASCII && $0.isNumber }, "\(indicator.id) has ASCII digits: «\(persian)»")
            #expect(!indicator.formula.en.isEmpty, "\(indicator.id) has no English formula")
        }
    }

    @Test func parametersReadTheSameInBothLanguages() throws {
        let options = IndicatorOptions(volatilityThreshold: Decimal(string: "0.3")!, outlierPopulationShare: Decimal(string: "0.025")!,
                                       evidenceRowLimit: 40)
        let indicators = try IndicatorEngine.compute(book: Self.book, year: 1403, options: options)
        func formula(_ id: String) throws -> Bilingual { try #require(indicators.first { $0.id == id }).formula }
        let volatility = try formula("projects.volatility")
        #expect(volatility.fa.contains("بیش از ۳۰٪") && volatility.fa.contains("حداکثر ۴۰ ردیف"))
        #expect(volatility.en.contains("exceeds 30 %") && volatility.en.contains("at most 40 lines"))
        let share = try formula("projects.volatility_share")
        #expect(share.fa.contains("۳۰٪") && share.en.contains("30 %"))
        let gini = try formula("equity.gini.without_outliers")
        #expect(gini.fa.contains("کمتر از ۲٫۵٪ جمعیت شهر") && gini.en.contains("under 2.5 % of the city"))
        #expect(try !formula("equity.gini").fa.contains("کم‌جمعیت"))
        let pi1 = try formula("pefa.pi1")
        #expect(pi1.fa.contains("رتبهٔ A برای ۹۵ تا ۱۰۵٪، B برای ۹۰ تا ۱۱۰٪، C برای ۸۵ تا ۱۱۵٪، وگرنه D"))
        #expect(pi1.en.contains("A 95-105 %, B 90-110 %, C 85-115 %"))
    }

    /// Whether a Persian digit follows a Latin letter with nothing but neutrals (spaces, colons,
    /// brackets) between, outside the left-to-right isolates: the bidirectional algorithm then makes
    /// the digits left to right too and shows «رتبهٔ A: ۹۵» as «رتبهٔ ۹۵ :A».
    static func digitJoinsLatin(_ text: String) -> Bool {
        var isolated = 0
        var lastStrongIsLatin = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2066: isolated += 1
            case 0x2069: isolated -= 1
            case _ where isolated > 0: continue
            case 0x06F0...0x06F9: if lastStrongIsLatin { return true }
            case _ where scalar.properties.isAlphabetic:
                lastStrongIsLatin = !(0x0600...0x06FF).contains(scalar.value) && !(0xFB50...0xFEFF).contains(scalar.value)
            default: continue
            }
        }
        return false
    }

    @Test func symbolicExpressionsStayLeftToRightInPersian() throws {
        #expect(Self.digitJoinsLatin("رتبهٔ A: ۹۵ تا ۱۰۵٪"))
        #expect(!Self.digitJoinsLatin("رتبهٔ A برای ۹۵ تا ۱۰۵٪، \u{2066}n − ۱\u{2069}"))
        let indicators = try Self.sampleIndicators()
        let gini = try #require(indicators.first { $0.id == "equity.gini" }).formula.fa
        #expect(gini.contains("\u{2066}Σ_i Σ_j w_i w_j |y_i − y_j| ÷ ۲μ\u{2069}"))
        for indicator in indicators {
            let opened = indicator.formula.fa.filter { $0 == "\u{2066}" }.count
            #expect(opened == indicator.formula.fa.filter { $0 == "\u{2069}" }.count, "\(indicator.id): unbalanced isolates")
            #expect(!Self.digitJoinsLatin(indicator.formula.fa), "\(indicator.id): «\(indicator.formula.fa)»")
        }
    }
}
