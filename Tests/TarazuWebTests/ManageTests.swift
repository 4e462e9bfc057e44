import Foundation
import NIOCore
import TarazuCore
import TarazuImport
import TarazuStore
import Testing
import Vapor
import VaporTesting
import ZIPFoundation
@testable import TarazuWeb

/// Upload, preview, confirm, history and rollback under /manage.
@Suite struct ManageTests {
    static let folder = WebHarness.repositoryRoot.appendingPathComponent("fixtures/small-book")

    /// The files of fixtures/small-book under `small-book/`, with `replace` applied to budget_lines.csv.
    static func smallBookZip(replace: (String, String)? = nil, extra: [(String, Data)] = []) throws -> Data {
        var entries: [(String, Data)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            var data = try Data(contentsOf: folder.appendingPathComponent(name))
            if name == "budget_lines.csv", let (from, to) = replace {
                data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
            }
            entries.append(("small-book/" + name, data))
        }
        return try zip(entries + extra)
    }

    static func zip(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static func upload(_ app: Application, _ session: AuthHarness.Session, fileName: String, data: Data, lang: String = "") async throws -> TestingHTTPResponse {
        let boundary = "tarazu-test-boundary-\(UUID().uuidString)"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(session.csrf)\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"book\"; filename=\"\(fileName)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await app.testing().sendRequest(.POST, "/manage/upload" + lang, headers: [
            "Cookie": session.cookie, "Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    static func field(_ name: String, in html: String) throws -> String {
        let marker = "name=\"\(name)\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    /// On SQLite: the import of an upload writes the book, its snapshot and the audit entry in one transaction.
    @Test func uploadPreviewConfirmHistoryAndRollback() async throws {
        try await WebHarness.withApp(books: [], storage: .sqlite) { app, stores in
            let analyst = try await AuthHarness.signedIn(stores.accounts, "sara", role: .analyst)
            let page = try await WebHarness.get(app, "/manage", headers: analyst.headers)
            #expect(page.status == .ok && page.text.contains("multipart/form-data") && page.text.contains("name=\"book\""))

            // Version A: new book.
            let previewA = try await Self.upload(app, analyst, fileName: "small-book.zip", data: try Self.smallBookZip())
            #expect(previewA.status == .ok)
            #expect(previewA.text.contains("کتاب تازه") && previewA.text.contains(WebHarness.smallBook.contentHash))
            #expect(try await stores.books.books().isEmpty)   // nothing written before the confirmation
            let confirmA = try await AuthHarness.post(app, "/manage/confirm", cookie: analyst.cookie, fields: [
                ("csrf_token", analyst.csrf), ("staging", try Self.field("staging", in: previewA.text))])
            #expect(confirmA.status == .seeOther)
            #expect(confirmA.headers.first(name: .location) == "/manage/books/small-book/history")
            let hashA = try #require(try await stores.books.books().first?.contentHash)
            #expect(hashA == WebHarness.smallBook.contentHash)

            // Version B replaces it, and the preview says so.
            let previewB = try await Self.upload(app, analyst, fileName: "b.zip", data: try Self.smallBookZip(replace: (",400000000,400000000,384000000", ",400000000,400000000,385000000")), lang: "?lang=en")
            #expect(previewB.text.contains("Replaces the stored version") && previewB.text.contains(String(hashA.prefix(12))))
            let staging = try Self.field("staging", in: previewB.text)
            // Another session cannot confirm it; a wrong CSRF token does nothing.
            let other = try await AuthHarness.signedIn(stores.accounts, "ali", role: .analyst)
            #expect(try await AuthHarness.post(app, "/manage/confirm", cookie: other.cookie, fields: [("csrf_token", other.csrf), ("staging", staging)]).status == .badRequest)
            _ = try await Self.upload(app, analyst, fileName: "b.zip", data: try Self.smallBookZip(replace: (",400000000,400000000,384000000", ",400000000,400000000,385000000")))
            let previewB2 = try await Self.upload(app, analyst, fileName: "b.zip", data: try Self.smallBookZip(replace: (",400000000,400000000,384000000", ",400000000,400000000,385000000")))
            #expect(try await AuthHarness.post(app, "/manage/confirm", cookie: analyst.cookie, fields: [("csrf_token", "x"), ("staging", try Self.field("staging", in: previewB2.text))]).status == .forbidden)
            #expect(try await AuthHarness.post(app, "/manage/confirm", cookie: analyst.cookie, fields: [("csrf_token", analyst.csrf), ("staging", try Self.field("staging", in: previewB2.text))]).status == .seeOther)
            let hashB = try #require(try await stores.books.books().first?.contentHash)
            #expect(hashB != hashA)

            let history = try await stores.books.history(of: "small-book")
            #expect(history.count == 2 && history.allSatisfy { $0.importedBy == "sara" })
            #expect(history.map(\.source) == ["upload: small-book.zip", "upload: b.zip"])
            let historyPage = try await WebHarness.get(app, "/manage/books/small-book/history", headers: analyst.headers)
            #expect(historyPage.status == .ok && historyPage.text.contains("name=\"import_id\" value=\"\(history[0].id)\""))
            #expect(!historyPage.text.contains("name=\"import_id\" value=\"\(history[1].id)\""))

            // Roll back to A.
            let rollback = try await AuthHarness.post(app, "/manage/books/small-book/rollback", cookie: analyst.cookie,
                                                      fields: [("csrf_token", analyst.csrf), ("import_id", String(history[0].id))])
            #expect(rollback.status == .seeOther)
            #expect(try await stores.books.books().first?.contentHash == hashA)
            let after = try await stores.books.history(of: "small-book")
            #expect(after.count == 3 && after[2].source == "rollback to import #\(history[0].id)")
            let actions = try await stores.audit.auditLog(limit: 20).map(\.action)
            #expect(actions.first == "book.rollback")
            #expect(actions.filter { $0 == "import.confirm" }.count == 2 && actions.contains("upload.accept"))
        }
    }

    @Test func rejectedUploadShowsEveryDiagnosticAndWritesNothing() async throws {
        try await WebHarness.withApp(books: []) { app, stores in
            let analyst = try await AuthHarness.signedIn(stores.accounts, "sara", role: .analyst)
            let bad = try Self.smallBookZip(replace: (",400000000,400000000,384000000", ",four hundred,400000000,384000000"))
            let response = try await Self.upload(app, analyst, fileName: "bad.zip", data: bad, lang: "?lang=en")
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("budget_lines.csv") && response.text.contains("approved") && (response.text.contains("<td>2</td>") || response.text.contains("<td>1</td>")))
            #expect(response.text.contains("nothing was written"))
            #expect(try await stores.books.books().isEmpty)
            #expect(try await stores.books.history(of: nil).isEmpty)
            #expect(try await stores.audit.auditLog(limit: 1).first?.action == "upload.reject")
            let wrongType = try await Self.upload(app, analyst, fileName: "book.exe", data: Data("x".utf8))
            #expect(wrongType.status == .unprocessableEntity && wrongType.text.contains("unsupported file type"))
        }
    }

    /// Issue 11 (L2, L7): a book whose governance.yaml does not parse used to be offered for
    /// confirmation (and then answered 422 everywhere); an upload named with 300 characters failed
    /// writing its temporary file. Both are now located errors in the preview, and nothing is written.
    @Test func badGovernanceAndOverlongNamesAreRejectedInThePreview() async throws {
        try await WebHarness.withApp(books: []) { app, stores in
            let analyst = try await AuthHarness.signedIn(stores.accounts, "sara", role: .analyst)
            var entries: [(String, Data)] = []
            for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted() {
                let data = name == "governance.yaml" ? Data(String(repeating: "[", count: 100_000).utf8)
                    : try Data(contentsOf: Self.folder.appendingPathComponent(name))
                entries.append(("small-book/" + name, data))
            }
            let nested = try await Self.upload(app, analyst, fileName: "nested.zip", data: try Self.zip(entries), lang: "?lang=en")
            #expect(nested.status == .unprocessableEntity)
            #expect(nested.text.contains("governance.yaml") && nested.text.contains("nested more than 1000 levels deep"))
            let lines = try Data(contentsOf: Self.folder.appendingPathComponent("budget_lines.csv"))
            let long = try await Self.upload(app, analyst, fileName: String(repeating: "a", count: 300) + ".csv", data: lines,
                                             lang: "?lang=en")
            #expect(long.status != .internalServerError)
            #expect(ManageRoutes.safeFileName(String(repeating: "a", count: 300) + ".csv").count <= 104)
            #expect(try await stores.books.books().isEmpty)
        }
    }

    @Test func zipWithDotDotEntryIsRefused() async throws {
        try await WebHarness.withApp(books: []) { app, stores in
            let analyst = try await AuthHarness.signedIn(stores.accounts, "sara", role: .analyst)
            let evil = try Self.smallBookZip(extra: [("small-book/../../evil.csv", Data("x".utf8))])
            let response = try await Self.upload(app, analyst, fileName: "evil.zip", data: evil)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("unsafe entry"))
            #expect(try await stores.books.books().isEmpty)
        }
    }

    @Test func zipBombsAndLinksAreRefusedBeforeReading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-zip-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // 4 MB of zeros deflate to a few kilobytes; counted while inflating, so the limit holds.
        let bomb = folder.appendingPathComponent("bomb.zip")
        try Self.zip([("book/budget_lines.csv", Data(count: 4 << 20))]).write(to: bomb)
        #expect(throws: InputRejected.self) { _ = try BookArchive.extract(bomb, limit: 1 << 20) }
        let archive = try Archive(data: Data(), accessMode: .create)
        let target = Data("/etc/passwd".utf8)
        try archive.addEntry(with: "book/regions.csv", type: .symlink, uncompressedSize: Int64(target.count)) { position, size in
            target.subdata(in: Int(position)..<Int(position) + size)
        }
        let link = folder.appendingPathComponent("link.zip")
        try #require(archive.data).write(to: link)
        do {
            _ = try BookArchive.extract(link)
            Issue.record("a zip with a link was accepted")
        } catch {
            #expect(error.description.contains("links are not allowed"))
        }
        // A good zip is read through BookLoader as `tarazu import book.zip` does.
        let good = folder.appendingPathComponent("small-book.zip")
        try Self.smallBookZip().write(to: good)
        guard case .book(let outcome) = try BookLoader.load(good) else { Issue.record("not a book"); return }
        #expect(outcome.book.contentHash == WebHarness.smallBook.contentHash)
    }

    @Test func oversizeUploadIsA413() async throws {
        var settings = WebHarness.testAuth
        settings.uploadLimit = 64 * 1024
        try await WebHarness.withApp(books: [], auth: settings) { app, stores in
            let analyst = try await AuthHarness.signedIn(stores.accounts, "sara", role: .analyst)
            let response = try await Self.upload(app, analyst, fileName: "big.csv", data: Data(repeating: 0x41, count: 100 * 1024))
            #expect(response.status == .payloadTooLarge)
            #expect(response.text.contains("nothing was written") || response.text.contains("چیزی نوشته نشد"))
            #expect(try await stores.books.books().isEmpty)
        }
    }

    @Test func corruptSnapshotIsRefusedAndChangesNothing() async throws {
        try await WebHarness.withApp(books: []) { app, stores in
            let a = try await BookVersions.importBook(WebHarness.smallBook, into: stores.books, source: "a", importedBy: "cli")
            var changed = WebHarness.smallBook
            changed.budgetLines[0].approved = Money(rials: 1)
            _ = try await stores.books.importBook(changed, source: "b", importedBy: "cli", snapshot: Data("not a zip".utf8), audit: nil)
            let b = try #require(try await stores.books.history(of: changed.metadata.name).last)
            await #expect(throws: RollbackError.self) {
                _ = try await BookVersions.rollback(changed.metadata.name, to: b.id, in: stores.books, actor: "cli", client: "cli")
            }
            let analyst = try await AuthHarness.signedIn(stores.accounts, "sara", role: .analyst)
            let refused = try await AuthHarness.post(app, "/manage/books/\(changed.metadata.name)/rollback?lang=en", cookie: analyst.cookie,
                                                     fields: [("csrf_token", analyst.csrf), ("import_id", String(b.id))])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("damaged"))
            #expect(try await stores.books.history(of: nil).count == 2)
            #expect(try await stores.books.books().first?.contentHash == changed.contentHash)
            // The good snapshot still restores A.
            _ = try await BookVersions.rollback(changed.metadata.name, to: a.id, in: stores.books, actor: "cli", client: "cli")
            #expect(try await stores.books.books().first?.contentHash == WebHarness.smallBook.contentHash)
            #expect(try await stores.books.history(of: nil).count == 3)
        }
    }
}
