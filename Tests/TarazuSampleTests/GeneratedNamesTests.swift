import Foundation
import TarazuCore
import Testing
@testable import TarazuSample

/// The names the generator writes read as Persian: a numbered project takes its ezafe («فرهنگسرای
/// شماره ۴۲۳»), a repeated program is numbered in words, not after a dash, and the central
/// administration is named as the glossary names it.
@Suite struct GeneratedNamesTests {
    static let books = [SampleCity.tabriz(), SampleCity.cities(1, lines: 3_000, seed: 11)[0].book()]

    @Test func projectNamesTakeTheirEzafe() {
        for book in Self.books {
            let names = book.projects.map(\.nameFa)
            #expect(!names.isEmpty)
            let missing = names.filter { $0.range(of: "[اوه] شماره", options: .regularExpression) != nil }
            #expect(missing.isEmpty, "\(book.metadata.name): \(missing.prefix(3))")
            #expect(names.contains { $0.contains("فرهنگسرای شماره") } || !names.contains { $0.contains("فرهنگسرا") })
            let central = names.filter { $0.contains("فرامنطقه‌ای") }
            #expect(central.isEmpty, "\(book.metadata.name): \(central.prefix(3))")
        }
    }

    @Test func repeatedProgramsAreNumberedInWords() {
        for book in Self.books {
            let dashed = Set(book.budgetLines.compactMap(\.program).filter { $0.contains(" - ") })
            #expect(dashed.isEmpty, "\(book.metadata.name): \(dashed.sorted().prefix(3))")
        }
        #expect(Self.books[1].budgetLines.contains { $0.program?.hasSuffix("(بخش ۲)") == true })
    }
}
