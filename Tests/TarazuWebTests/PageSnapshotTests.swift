import Foundation
import SnapshotTesting
import TarazuAnalysis
import TarazuApplication
import TarazuCore
import TarazuHTML
import TarazuParticipation
@testable import TarazuStore
import Testing
@testable import TarazuWeb

/// Whole pages of the portal, the accounts, data management, administration and participatory
/// budgeting, rendered from fixed inputs (hostile texts included) against golden files in
/// Snapshots/pages/. Run with TARAZU_UPDATE_GOLDEN=1 to rewrite them after an intended change.
@Suite struct PageSnapshotTests {
    static let folder = WebHarness.repositoryRoot.appendingPathComponent("Tests/TarazuWebTests/Snapshots/pages")
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let hostile = "<script>alert(\"x\")</script> & 'q' \u{202E}"

    static let record = ImportRecord(id: 7, bookName: "small-book", importedAt: now, contentHash: String(repeating: "ab", count: 32),
                                     previousContentHash: nil, source: "upload " + hostile,
                                     rowCounts: BookRowCounts(functions: 1, regions: 2, budgetLines: 3, revenues: 4, projects: 5,
                                                              authorizations: 6, deflator: 7),
                                     importedBy: "ana<b>")
    static let summary = BookSummary(name: "small-book", title: "Budget " + hostile, cityFa: "شهر <نمونه>", cityEn: "Sample \"city\"",
                                     years: [1402, 1403], contentHash: record.contentHash, lastImport: record)
    static let hostileSummary = BookSummary(name: "a b/c?d#e&f", title: "Other", cityFa: nil, cityEn: nil, years: [1403],
                                            contentHash: "cd", lastImport: record)
    static let admin = Viewer(account: Account(id: 1, username: "root", displayName: "Admin " + hostile, role: .admin,
                                               createdAt: now, disabled: false),
                              csrfToken: "tok\"en&<", tokenHash: "")
    static let accounts = [
        admin.account,
        Account(id: 2, username: "x\"y<z>", displayName: "Council & co", role: .council, createdAt: now, disabled: false),
        Account(id: 3, username: "old", displayName: "Old", role: .analyst, createdAt: now, disabled: true),
    ]

    static func pages() throws -> [(file: String, html: HTMLNode)] {
        let book = WebHarness.smallBook
        let rubric = try Rubric.standard()
        let latest = try BookAssessment.assess(book, rubric: rubric, contentHash: summary.contentHash)
        let early = try BookAssessment.assess(book, year: 1402, rubric: rubric, contentHash: summary.contentHash)
        let diagnostics = [Diagnostic(.error, file: "lines.csv", row: 3, column: "amount<", reason: "bad " + hostile),
                           Diagnostic(.warning, file: "x&y.csv", row: nil, column: nil, reason: "note")]
        var pages: [(String, HTMLNode)] = [
            ("home.fa.html", PortalPages.bookList([summary, hostileSummary], language: .fa)),
            ("home.en.html", PortalPages.bookList([], language: .en)),
            ("book.fa.html", PortalPages.bookPage(summary, latest, language: .fa, explicitYear: false)),
            ("book.en.html", PortalPages.bookPage(summary, early, language: .en, explicitYear: true)),
            ("error.fa.html", PortalPages.errorPage(status: .notFound, reason: hostile, language: .fa)),
            ("error.en.html", PortalPages.errorPage(status: .tooManyRequests, reason: "slow down", language: .en)),
            ("login.fa.html", AccountPages.login(csrf: "tok\"en", next: "/dashboard?a=1&b=<x>", viewer: nil, error: hostile, language: .fa)),
            ("login.en.html", AccountPages.login(csrf: "tok", next: nil, viewer: admin, error: nil, language: .en)),
            ("upload.fa.html", ManagePages.upload(books: [summary, hostileSummary], limit: 20 << 20, viewer: admin, language: .fa)),
            ("rejected.en.html", ManagePages.rejected(fileName: "f<1>.zip", diagnostics: diagnostics, viewer: admin, language: .en)),
            ("preview.fa.html", ManagePages.preview(book, warnings: diagnostics, fileName: "book \"1\".zip", current: summary,
                                                    staging: "st<a>ge", viewer: admin, language: .fa)),
            ("preview.en.html", ManagePages.preview(book, warnings: [], fileName: "b.zip", current: nil, staging: "s",
                                                    viewer: admin, language: .en)),
            ("history.fa.html", ManagePages.history(name: "a b/c?d#e&f", history: [record, record.with(id: 8)], snapshots: [7],
                                                    viewer: admin, language: .fa)),
            ("users.fa.html", AdminPages.users(accounts, viewer: admin, language: .fa)),
            ("audit.en.html", AdminPages.audit([AuditEntry(at: now, actor: "root", action: "user.add", target: "x\"y<z>",
                                                           detail: hostile, client: "127.0.0.1")],
                                               page: 2, pages: 3, viewer: admin, language: .en)),
            ("dashboard-books.en.html", DashboardPages.bookList([summary, hostileSummary], language: .en,
                                                                accountBar: AccountPages.accountBar(admin, language: .en))),
        ]
        pages += try pbPages()
        return pages
    }

    static func process(rules: BallotRules) throws -> PBStoredProcess {
        let day: TimeInterval = 86_400
        let times = [now - 41 * day, now - 31 * day, now - 21 * day, now - day, now + day, now + 11 * day, now + 101 * day]
        let kinds = PBPhaseKind.allCases
        let process = try PBProcess(
            id: "p", year: 1405, title: Bilingual(fa: "مشارکت <b>", en: "PB \"test\""),
            phases: kinds.indices.map { PBPhase(kinds[$0], start: times[$0], end: times[$0 + 1]) },
            citywideBudget: 100, regionBudgets: ["1": 50, "2": 10], rules: rules,
            proposals: [
                PBProposal(id: "1", district: .citywide, title: "پارک <script>alert(1)</script>", description: "a & b", cost: 60, status: .feasible),
                PBProposal(id: "2", district: .citywide, title: "کتابخانه", cost: 50, status: .feasible),
                PBProposal(id: "11", district: .region("1"), title: "روشنایی \"شب\"", cost: 30, status: .feasible),
            ])
        let settings = PBProcessSettings(rule: .mes, populations: ["1": 1000])
        return PBStoredProcess(slug: "p q&r", definition: PBProcessDefinition(process: process, settings: settings), createdAt: now, updatedAt: now)
    }

    static func pbPages() throws -> [(String, HTMLNode)] {
        let approval = try process(rules: .approval(minProjects: 1, maxProjects: 2))
        var box = BallotBox(process: approval.definition.process, allowChanges: false)
        try box.cast(CitizenBallot(voterKey: "a", district: .citywide, choices: .approvals(["1"])), channel: .web, at: now)
        try box.cast(CitizenBallot(voterKey: "b", district: .citywide, choices: .approvals(["1", "2"])), channel: .sms, at: now)
        try box.cast(CitizenBallot(voterKey: "c", district: .region("1"), choices: .approvals(["11"])), channel: .paper, at: now)
        var pages: [(String, HTMLNode)] = [
            ("pb-list.fa.html", PBPages.list([approval], now: now, .fa)),
            ("pb-process.fa.html", PBPages.process(approval, now: now, box: box, .fa)),
            ("pb-process.en.html", PBPages.process(approval, now: now + 200 * 86_400, box: BallotBox(process: approval.definition.process, allowChanges: false), .en)),
        ]
        for (rule, language) in [(PBRule.mes, WebLanguage.fa), (.greedy, .en)] {
            let results = try PBProcessResults.run(approval.definition.process, box: box, rule: rule)
            pages.append(("pb-results-\(rule.rawValue).\(language.rawValue).html",
                          PBResultsPage.render(approval.slug, approval.definition.process, rule: rule, results: results, ballots: 3, language)))
        }
        func frame(_ stored: PBStoredProcess, _ language: WebLanguage, kiosk: Bool) -> PBVotePages.Frame {
            PBVotePages.Frame(process: stored.definition.process, slug: stored.slug, language: language, kiosk: kiosk, csrf: "c\"s<rf")
        }
        let fa = frame(approval, .fa, kiosk: false), kiosk = frame(approval, .en, kiosk: true)
        pages += [
            ("vote-closed.fa.html", PBVotePages.closed(fa, now: now - 100 * 86_400)),
            ("vote-phone.fa.html", PBVotePages.phone(fa, error: hostile)),
            ("vote-phone.en.html", PBVotePages.phone(kiosk, error: nil)),
            ("vote-code.en.html", PBVotePages.code(kiosk, error: "wrong")),
            ("vote-district.fa.html", PBVotePages.chooseDistrict(fa)),
            ("vote-ballot.fa.html", PBVotePages.ballot(fa, district: .citywide, chosen: ["1": "on"], problems: [hostile, "two"])),
            ("vote-receipt.fa.html", PBVotePages.receipt(fa, receipt: "AB<12>", replaced: false, district: .citywide, projects: ["1", "2"])),
            ("vote-receipt.en.html", PBVotePages.receipt(kiosk, receipt: "CD", replaced: true, district: PBDistrict(code: "3"), projects: ["11"])),
        ]
        for (name, rules) in [("cumulative", BallotRules.cumulative(totalPoints: 5, maxPerProject: 3)), ("ranking", .ranking(maxRanks: 2))] {
            let stored = try process(rules: rules)
            pages.append(("vote-ballot-\(name).en.html",
                          PBVotePages.ballot(frame(stored, .en, kiosk: true), district: .citywide, chosen: ["1": "2\"><b>"], problems: [])))
        }
        return pages
    }

    @Test func pagesEqualTheirSnapshots() throws {
        let update = ProcessInfo.processInfo.environment["TARAZU_UPDATE_GOLDEN"] == "1"
        for (file, html) in try Self.pages() {
            let parts = file.split(separator: ".").map(String.init)
            var strategy = Snapshotting<String, String>.lines
            strategy.pathExtension = parts.last
            let failure = verifySnapshot(of: html.render(), as: strategy, named: parts.dropFirst().dropLast().joined(separator: "."),
                                         record: update ? .all : .never, snapshotDirectory: Self.folder.path, testName: parts[0])
            if !update { #expect(failure == nil, "\(file): \(failure ?? "")") }
        }
    }
}

private extension ImportRecord {
    func with(id: Int64) -> ImportRecord {
        var copy = self
        copy.id = id
        return copy
    }
}
