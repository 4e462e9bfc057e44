import ArgumentParser
import Foundation
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuReport
import TarazuRisk

/// `tarazu risk`: risky-project scores with their reasons, and anomalies across budget lines.
struct RiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Score every project's risk 0-100 with its reasons and final-cost estimates; flag anomalous budget lines.",
        discussion: """
        Factors: cost overrun against the reference class of the project type, schedule slip, budget volatility \
        across years, low execution, spending ahead of physical progress (contract red flags later). A factor \
        without data is left out, not counted as safe. Estimated final cost at P50 and P80 from reference-class \
        uplifts. Projects whose data are likely errors (spent above 150 % of the current cost estimate, progress \
        outside 0-100 %, ...) are left out of the scores and listed under `left_out`. Anomalies: robust z-scores (median and MAD) of line execution rates and year-on-year changes. \
        Weights: docs/risk.md; change them with --weights FILE.json (any subset of the keys).
        """)

    @OptionGroup var selection: BookSelection

    @Option(help: "A JSON file of factor weights, e.g. {\"cost_overrun\": 40, \"peak\": 0}.")
    var weights: String?

    @Option(help: "Robust z-score above which a line is flagged as an anomaly.")
    var threshold: Double = 3.5

    @Option(help: "How many projects the text output lists.")
    var top: Int = 20

    @Option(help: "Output format: json or text.")
    var format: Format = .text

    @Option(help: "The language of the text output: fa or en (JSON is the same in both).")
    var lang: ReportLanguage = .en

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    func validate() throws {
        guard threshold > 0 else { throw ValidationError("--threshold must be positive") }
        guard top > 0 else { throw ValidationError("--top must be positive") }
    }

    func run() async throws {
        let book = try await selection.load()
        let year = selection.year
        let chosen = try loadWeights()
        let projects: ProjectRisks
        do { projects = try ProjectRisks.build(book: book, year: year, weights: chosen) } catch { throw BadInput(["\(selection.path): \(error)"]) }
        let anomalies = AnomalyDetector.detect(book: book, year: year, threshold: Decimal(string: String(threshold)) ?? 3.5)
        switch format {
        case .json: print(try RiskOutput.json(book: book, weights: chosen, projects: projects, anomalies: anomalies))
        case .text:
            print(lang == .fa ? RiskOutput.persianText(book: book, projects: projects, anomalies: anomalies, top: top)
                              : RiskOutput.text(book: book, projects: projects, anomalies: anomalies, top: top))
        }
    }

    private func loadWeights() throws -> RiskWeights {
        guard let weights else { return .default }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: weights)) } catch { throw BadInput(["\(weights): cannot read the file"]) }
        do {
            let decoded = try JSONDecoder().decode(RiskWeights.self, from: data)
            guard RiskFactor.allCases.contains(where: { decoded[$0] > 0 }) else { throw BadInput(["\(weights): every weight is zero"]) }
            return decoded
        } catch let error as BadInput {
            throw error
        } catch {
            throw BadInput(["\(weights): not a weights object: \(error)"])
        }
    }
}

/// Renders project risks and anomalies.
enum RiskOutput {
    private struct Document: Encodable {
        var book: String
        var contentHash: String
        var weights: RiskWeights
        var projects: [ProjectRisk]
        /// Projects not scored because their data are likely errors, with those errors.
        var leftOut: [ProjectLeftOut]
        var anomalies: [Anomaly]

        enum CodingKeys: String, CodingKey {
            case book, weights, projects, anomalies
            case contentHash = "content_hash"
            case leftOut = "left_out"
        }
    }

    static func json(book: BudgetBook, weights: RiskWeights, projects: ProjectRisks, anomalies: [Anomaly]) throws -> String {
        try JSONOutput.text(Document(book: book.metadata.name, contentHash: book.contentHash, weights: weights, projects: projects.risks,
                                     leftOut: projects.leftOut, anomalies: anomalies))
    }

    /// ``text(book:projects:anomalies:top:)`` for a Persian reader.
    static func persianText(book: BudgetBook, projects: ProjectRisks, anomalies: [Anomaly], top: Int) -> String {
        let numerals = Numerals(language: .fa)
        let risks = projects.risks
        var lines = ["\(book.metadata.title(.fa)): پروژه‌های پرریسک (\(numerals.integer(Int64(risks.count))) پروژه امتیاز گرفته است)"]
        if !projects.leftOut.isEmpty {
            lines.append("\(numerals.integer(Int64(projects.leftOut.count))) پروژه به سبب خطای احتمالی داده کنار گذاشته شد:")
            for project in projects.leftOut {
                lines.append("  - \(PersianText.identifier(project.projectId)): " + project.errors.map(\.textFa).joined(separator: " "))
            }
        }
        lines.append("")
        for risk in risks.prefix(top) {
            lines.append("\(numerals.integer(Int64(risk.rank)))) \(risk.nameFa) (\(PersianText.identifier(risk.projectId))): امتیاز ریسک \(numerals.integer(Int64(risk.score))) از ۱۰۰")
            let reasons = risk.reasons.filter { ($0.contribution ?? 0) > 0 }.sorted { ($0.contribution ?? 0) > ($1.contribution ?? 0) }
            for reason in reasons.prefix(3) { lines.append("     - \(reason.textFa)") }
            if let estimate = risk.estimate {
                lines.append("     هزینهٔ نهایی محتمل (میانه): \(numerals.billionRials(estimate.p50.rials))؛ سقف آن با اطمینان ۸۰ درصد: \(numerals.billionRials(estimate.p80.rials))")
            }
        }
        lines += ["", "ارقام نامتعارف: \(numerals.integer(Int64(anomalies.count))) مورد (قدر مطلق امتیاز z مقاوم بیش از آستانه)"]
        var sets: [String] = []
        for anomaly in anomalies.prefix(top) where !sets.contains(anomaly.setFa) { sets.append(anomaly.setFa) }
        lines += sets.map { $0 + "." }
        for anomaly in anomalies.prefix(top) { lines.append("- \(anomaly.pointFa)") }
        return lines.joined(separator: "\n")
    }

    static func text(book: BudgetBook, projects: ProjectRisks, anomalies: [Anomaly], top: Int) -> String {
        let risks = projects.risks
        var lines = ["\(book.metadata.title): risky projects (\(risks.count) scored)"]
        if !projects.leftOut.isEmpty {
            let count = projects.leftOut.count
            lines.append("\(count) \(count == 1 ? "project" : "projects") left out as likely data errors: "
                         + projects.leftOut.map(\.projectId).joined(separator: ", "))
            for project in projects.leftOut {
                lines.append("  - \(project.projectId): " + project.errors.map(\.textEn).joined(separator: " "))
            }
        }
        lines.append("")
        for risk in risks.prefix(top) {
            let name = risk.nameEn ?? risk.nameFa
            lines.append("\(risk.rank). \(risk.projectId) \(name): \(risk.score)/100")
            let reasons = risk.reasons.filter { ($0.contribution ?? 0) > 0 }.sorted { ($0.contribution ?? 0) > ($1.contribution ?? 0) }
            for reason in reasons.prefix(3) { lines.append("     - \(reason.textEn)") }
            if let estimate = risk.estimate {
                let numerals = Numerals(language: .en)
                lines.append("     final cost P50 \(numerals.billions(estimate.p50.rials)), P80 \(numerals.billions(estimate.p80.rials)) billion rials")
            }
        }
        lines += ["", "Anomalies: \(anomalies.count)"]
        for anomaly in anomalies.prefix(top) { lines.append("- \(anomaly.textEn)") }
        return lines.joined(separator: "\n")
    }
}
