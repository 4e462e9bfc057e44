import Foundation
import Testing
import TarazuAnalysis
@testable import TarazuApplication

/// The dashboard's «ارقام» column names every figure a check of the shipped rubric quotes.
@Suite struct CheckFiguresTests {
    @Test func everyFigureOfTheShippedRubricHasAName() throws {
        let rubric = try Rubric.standard()
        let checks = rubric.criteria.flatMap(\.checks) + (rubric.observations ?? []).flatMap(\.checks)
        let quoted = Set(checks.flatMap { $0.figures.map { Array($0.keys) } ?? [] })
        #expect(!quoted.isEmpty)
        #expect(quoted.subtracting(CheckFigures.names.keys).sorted() == [])
    }
}
