import Foundation
import Testing
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuReport
import TarazuSample
@testable import TarazuCLI

/// The Persian report as a native reader sees it, on the sample city and on a generated book: no Latin
/// word outside identifiers and a short allowlist, and one term per concept (docs/glossary.md).
@Suite struct PersianOutputTests {
    /// Latin tokens a Persian text may carry: PEFA letters, math symbols, and abbreviations that follow
    /// their Persian name in parentheses.
    static let allowedLatin: Set<String> = ["A", "B", "C", "D", "z", "T", "L", "PEFA", "PI", "MASE", "MAPE", "sMAPE", "MAD",
                                            "VGI", "SHA-256", "API", "CSV", "OCDS"]

    /// Words the glossary replaces, with the term to use instead.
    static let replacedTerms: [String: String] = [
        "نرخ اجرا": "نرخ تحقق", "درصد اجرا": "نرخ تحقق", "فروش اموال": "واگذاری دارایی‌های سرمایه‌ای",
        "مناطق استثنایی": "مناطق کم‌جمعیت", "منطقه نامتعارف": "منطقه کم‌جمعیت", "مناطق نامتعارف": "مناطق کم‌جمعیت",
        "اولویت‌بندی": "اولویت‌گذاری", "تصمیم‌گیری شفاف": "شفافیت در تصمیم‌سازی", "ردیف‌های با": "ردیف‌هایی با",
        "PEFA PI": "پفا",
    ]

    static func books() -> [BudgetBook] {
        [SampleCity.tabriz()] + SampleCity.cities(1, lines: 2_000, seed: 7).map { $0.book() }
    }

    func persianReport(_ book: BudgetBook) async throws -> String {
        let analysis = try await Analysis.analyze(book, source: "test", year: nil, rubric: try Analysis.loadRubric(nil), madeIn: 1405)
        return analysis.report(advanced: try ReportWriter.advanced(book: book, year: analysis.year), language: .fa, format: .markdown,
                               generatedOn: nil)
    }

    /// The Latin words of `markdown` outside code spans (identifiers and formulas in code style).
    static func latinWords(_ markdown: String) -> [String] {
        let prose = markdown.replacingOccurrences(of: "`[^`]*`", with: " ", options: .regularExpression)
        var words: [String] = []
        var current = ""
        for scalar in prose.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || (!current.isEmpty && (("0"..."9").contains(Character(scalar)) || scalar == "-")) {
                current.unicodeScalars.append(scalar)
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 }
    }

    @Test func thePersianReportHasNoEnglishWords() async throws {
        for book in Self.books() {
            let report = try await persianReport(book)
            let foreign = Set(Self.latinWords(report)).subtracting(Self.allowedLatin)
            #expect(foreign.isEmpty, "\(book.metadata.name): \(foreign.sorted())")
        }
    }

    @Test func thePersianReportUsesOneTermPerConcept() async throws {
        for book in Self.books() {
            let report = try await persianReport(book)
            for (replaced, term) in Self.replacedTerms where report.contains(replaced) {
                Issue.record("\(book.metadata.name): «\(replaced)» where the glossary says «\(term)»")
            }
        }
    }

    @Test func theCheckCatchesEnglish() {
        #expect(Self.latinWords("سهم `execution.rate.total` در سال ۱۴۰۳ (PEFA) and more") == ["PEFA", "and", "more"])
    }
}
