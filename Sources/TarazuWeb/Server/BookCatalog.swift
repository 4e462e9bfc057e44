import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuForecast
import TarazuImport
import TarazuReport
import TarazuRisk
import TarazuStore
import TarazuTabular
import ZIPFoundation

/// The open-data files of a book: its CSV tables and the whole book as a zipped Fiscal Data Package,
/// amounts in rials.
public struct OpenData: Sendable {
    /// File name (e.g. `budget_lines.csv`) to bytes.
    public var files: [String: Data]
    public var packageZip: Data?
}

/// Caches, per book name, the loaded book and what is derived from it (analyses per year, reports,
/// open data, project risks). Entries are keyed by the book's content hash: a re-import of the book
/// under the same name changes the hash and drops everything derived from the old version.
///
/// Heavy work runs outside the actor (detached tasks), so one slow analysis does not hold up others.
public actor BookCatalog {
    /// Where the books come from (the store, or books in memory in tests).
    public let repository: any BookRepository
    public let rubric: Rubric
    /// The Jalali year assessments are made in (recommendations are due counting from it).
    private let assessedIn: @Sendable () -> Int?
    /// The Jalali year the pages are read in (forecast years already over are marked as such).
    public nonisolated var madeIn: Int? { assessedIn() }

    private struct Entry {
        var contentHash: String
        var book: BudgetBook
        var analyses: [Int: BookAssessment] = [:]
        var reports: [String: String] = [:]
        var openData: OpenData?
        var risks: ProjectRisks?
    }

    private var entries: [String: Entry] = [:]

    public init(repository: any BookRepository, rubric: Rubric,
                assessedIn: @escaping @Sendable () -> Int? = { Numerals.jalaliYear(of: Date()) }) {
        self.assessedIn = assessedIn
        self.repository = repository
        self.rubric = rubric
    }

    /// The stored books (read from the store on every call: it is one small query).
    public func summaries() async throws -> [BookSummary] {
        try await repository.books()
    }

    /// The summary of the book named `name`; throws ``WebError/notFound`` when there is none.
    public func summary(named name: String) async throws -> BookSummary {
        let all = try await repository.books()
        guard let summary = all.first(where: { $0.name == name }) else {
            throw WebError.notFound("no book named '\(name)'", fa: "کتابی به نام \(PersianText.identifier(name)) نیست.")
        }
        return summary
    }

    /// The current version of the book named `name`, loaded once per content hash.
    public func book(named name: String) async throws -> BudgetBook {
        let summary = try await summary(named: name)
        return try await entry(for: summary).book
    }

    private func entry(for summary: BookSummary) async throws -> Entry {
        if let cached = entries[summary.name], cached.contentHash == summary.contentHash { return cached }
        guard let book = try await repository.loadBook(named: summary.name) else {
            throw WebError.notFound("no book named '\(summary.name)'", fa: "کتابی به نام \(PersianText.identifier(summary.name)) نیست.")
        }
        let entry = Entry(contentHash: summary.contentHash, book: book)
        // Another request may have loaded it meanwhile: keep the one with derived values.
        if let cached = entries[summary.name], cached.contentHash == summary.contentHash { return cached }
        entries[summary.name] = entry
        return entry
    }

    /// Runs `update` on the cached entry named `name` if it is still the version with `hash`.
    private func update(_ name: String, hash: String, _ update: (inout Entry) -> Void) {
        guard var entry = entries[name], entry.contentHash == hash else { return }
        update(&entry)
        entries[name] = entry
    }

    /// The analysis of `name` at `year` (default: the latest year with realized figures).
    public func analysis(named name: String, year: Int?) async throws -> BookAssessment {
        let summary = try await summary(named: name)
        let entry = try await entry(for: summary)
        let book = entry.book
        if let year, !book.years.contains(year) {
            let persian = Numerals(language: .fa)
            throw WebError.badRequest("year \(year) is not in book '\(name)' (years: \(book.years.map(String.init).joined(separator: ", ")))",
                                      fa: "سال \(persian.year(year)) در کتاب \(PersianText.identifier(name)) نیست (سال‌های کتاب: "
                                          + book.years.map(persian.year).joined(separator: "، ") + ").")
        }
        guard let chosen = year ?? BookAssessment.defaultYear(of: book) else {
            throw WebError.unprocessable("book '\(name)' has no budget lines to analyze",
                                         fa: "کتاب \(PersianText.identifier(name)) ردیف بودجه‌ای برای تحلیل ندارد.")
        }
        let participation = try await repository.measuredParticipation(book: name)
        let madeIn = assessedIn()
        if let cached = entry.analyses[chosen], cached.participation == participation, cached.madeIn == madeIn { return cached }
        let rubric = self.rubric
        let hash = entry.contentHash
        let analysis = try await Task.detached(priority: .userInitiated) { () throws -> BookAssessment in
            do {
                return try BookAssessment.assess(book, year: chosen, rubric: rubric, participation: participation, contentHash: hash,
                                                 madeIn: madeIn)
            } catch {
                throw WebError.unprocessable("book '\(name)' cannot be analyzed for \(chosen): \(error)",
                                             fa: "کتاب \(PersianText.identifier(name)) را برای سال \(Numerals(language: .fa).year(chosen)) نمی‌توان تحلیل کرد.")
            }
        }.value
        update(name, hash: hash) { $0.analyses[chosen] = analysis }
        return analysis
    }

    /// The governance report (no generation date, so the bytes depend only on the book, the year and
    /// the year the assessment is made in).
    public func report(named name: String, year: Int?, language: ReportLanguage, format: ReportFormat) async throws -> String {
        let analysis = try await analysis(named: name, year: year)
        let key = "\(analysis.year)/\(analysis.madeIn ?? 0)/\(language.rawValue)/\(format.rawValue)/\(analysis.participation.hashValue)"
        if let cached = entries[name], cached.contentHash == analysis.contentHash, let text = cached.reports[key] { return text }
        let text = try await Task.detached(priority: .userInitiated) { () throws -> String in
            let advanced: AdvancedAnalysis
            do { advanced = try AdvancedAnalysis.build(book: analysis.book, year: analysis.year) } catch {
                throw WebError.unprocessable("\(error)", fa: "تحلیل پیشرفتهٔ کتاب \(PersianText.identifier(name)) انجام نشد.")
            }
            return analysis.report(advanced: advanced, language: language, format: format, generatedOn: nil)
        }.value
        update(name, hash: analysis.contentHash) { $0.reports[key] = text }
        return text
    }

    /// Every project of the book with its risk score and reasons (RiskScorer at its default year), without
    /// the projects whose data are likely errors (``ProjectRisks``).
    public func risks(named name: String) async throws -> (book: BudgetBook, projects: ProjectRisks) {
        let summary = try await summary(named: name)
        let entry = try await entry(for: summary)
        if let risks = entry.risks { return (entry.book, risks) }
        let book = entry.book
        let risks = try await Task.detached(priority: .userInitiated) { () throws -> ProjectRisks in
            do { return try ProjectRisks.build(book: book, explain: nil) } catch {
                throw WebError.unprocessable("book '\(name)' cannot be scored: \(error)",
                                             fa: "ریسک پروژه‌های کتاب \(PersianText.identifier(name)) را نمی‌توان سنجید.")
            }
        }.value
        update(name, hash: entry.contentHash) { $0.risks = risks }
        return (book, risks)
    }

    /// The book's open-data files, written by ``BudgetBookWriter`` in rials.
    public func openData(named name: String) async throws -> OpenData {
        let summary = try await summary(named: name)
        let entry = try await entry(for: summary)
        if let data = entry.openData { return data }
        let book = entry.book
        let data = try await Task.detached(priority: .userInitiated) { try Self.writeOpenData(book) }.value
        update(name, hash: entry.contentHash) { $0.openData = data }
        return data
    }

    static func writeOpenData(_ book: BudgetBook) throws -> OpenData {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("tarazu-web-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        let folder = root.appendingPathComponent(book.metadata.name)
        try BudgetBookWriter.write(book, to: folder, unit: .rial, formulas: .neutralized)
        var files: [String: Data] = [:]
        for name in try manager.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        let zipURL = root.appendingPathComponent("datapackage.zip")
        var zip: Data?
        do {
            try manager.zipItem(at: folder, to: zipURL, shouldKeepParent: true)
            zip = try Data(contentsOf: zipURL)
        } catch {
            zip = nil
        }
        return OpenData(files: files, packageZip: zip)
    }

    /// The cube to aggregate: a stored book's budget lines (from the cache), or a stored Fiscal Data
    /// Package. Without a name the store must hold exactly one.
    public func cube(named name: String?) async throws -> FiscalCube {
        let books = try await repository.books()
        if let name, let summary = books.first(where: { $0.name == name }) {
            return FiscalCube(book: try await entry(for: summary).book)
        }
        if name == nil, books.count == 1, try await repository.cubes().isEmpty {
            return FiscalCube(book: try await entry(for: books[0]).book)
        }
        do {
            return try await repository.cube(named: name)
        } catch StoreError.notFound(let text) {
            throw name == nil ? WebError.badRequest(text.replacingOccurrences(of: "--book", with: "the book parameter"))
                              : WebError.notFound(text)
        }
    }
}
