import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuSample
import Testing

@Suite struct BookAssessmentTests {
    static let book = SampleCity.tabriz()

    @Test func everyIndicatorStatesWhatItIsComputedOn() throws {
        let assessed = try BookAssessment.assess(Self.book, rubric: try Rubric.standard())
        let missing = assessed.indicators.filter { $0.computedOn == nil }.map(\.id)
        #expect(missing.isEmpty, "no basis for \(missing)")
        // One name, one basis: no two indicators share a name.
        let names = Dictionary(grouping: assessed.indicators, by: \.nameFa).filter { $0.value.count > 1 }.keys
        #expect(names.isEmpty, "shared Persian names: \(names.sorted())")
        let english = Dictionary(grouping: assessed.indicators, by: \.nameEn).filter { $0.value.count > 1 }.keys
        #expect(english.isEmpty, "shared English names: \(english.sorted())")
    }

    @Test func equityVariantsAreIndicatorsOfTheirOwn() throws {
        let assessed = try BookAssessment.assess(Self.book, rubric: try Rubric.standard())
        let all = try #require(assessed.indicator("equity.gini")?.computedOn)
        let judged = try #require(assessed.indicator("equity.gini.capital_without_outliers")?.computedOn)
        #expect(all.lines == .spending && all.regions == .regions)
        #expect(judged.lines == .capitalSpending && judged.regions == .regionsWithoutOutliers)
        // The status table judges the capital figure without outliers, and cites it by its own id.
        let check = try #require(assessed.assessment.criteria.flatMap(\.checks).first { $0.id == "regional_equity" })
        #expect(check.indicator == "equity.gini.capital_without_outliers")
        #expect(check.figures["value"]?.value == assessed.indicator("equity.gini.capital_without_outliers")?.value)
        #expect(check.figures["with_outliers"]?.value == assessed.indicator("equity.gini.capital")?.value)
        #expect(check.figures["max_min"]?.value == assessed.indicator("equity.max_min_ratio.capital_without_outliers")?.value)
    }

    @Test func headlinesAreTheIndicatorsUnderTheirOwnNames() throws {
        let assessed = try BookAssessment.assess(Self.book, rubric: try Rubric.standard())
        for figure in Headlines.figures(assessed) {
            let indicator = try #require(assessed.indicator(figure.id))
            #expect(figure.value == indicator.value)
            #expect(figure.name.fa == indicator.nameFa && figure.name.en == indicator.nameEn)
            #expect(figure.computedOn == indicator.computedOn?.label)
        }
    }

    @Test func aYearWithoutRealizedFiguresHasNoExecutionRate() throws {
        var book = Self.book
        book.budgetLines = book.budgetLines.filter { $0.year == 1403 }.map { line in
            var copy = line
            copy.realized = nil
            return copy
        }
        let assessed = try BookAssessment.assess(book, rubric: try Rubric.standard())
        #expect(assessed.year == 1403)
        #expect(assessed.indicator("execution.rate.total")?.value == .unavailable)
    }

    @Test func aYearOutsideTheBookIsRefusedWithTheBooksYears() throws {
        #expect(throws: AssessmentError.yearNotInBook(1390, years: Self.book.years)) {
            try BookAssessment.assess(Self.book, year: 1390, rubric: try Rubric.standard())
        }
    }
}
