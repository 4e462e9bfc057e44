import Foundation
import TarazuCore
import TarazuImport
import TarazuStore
import Vapor

/// /manage (analyst and above): upload a book, preview its validation, confirm the import, see a book's
/// history and roll back to an earlier version.
enum ManageRoutes {
    static let uploadPath = "/manage/upload"
    static let acceptedExtensions = ["zip", "xlsx", "csv", "json"]

    private struct UploadForm: Content {
        var book: File?
    }

    private struct ConfirmForm: Content {
        var staging: String?
    }

    private struct RollbackForm: Content {
        var import_id: String?
    }

    static func register(_ app: Application, auth: AuthContext) {
        let manage = AccessPolicy.routes(app, requiring: .analyst).grouped("manage")

        manage.get { request async throws -> Response in
            let language = WebLanguage(request: request)
            let viewer = try AdminRoutes.signedIn(request)
            let books = try await auth.books.books()
            return PortalPages.htmlResponse(ManagePages.upload(books: books, limit: auth.settings.uploadLimit, viewer: viewer,
                                                               language: language), language: language)
        }

        manage.on(.POST, "upload", body: .collect(maxSize: ByteCount(value: auth.settings.uploadLimit))) { request async throws -> Response in
            let language = WebLanguage(request: request)
            let viewer = try AdminRoutes.signedIn(request)
            guard let file = (try? request.content.decode(UploadForm.self))?.book, file.data.readableBytes > 0 else {
                throw BilingualError(.badRequest, fa: "پرونده‌ای برگزیده نشده است.", en: "No file was chosen.")
            }
            let fileName = safeFileName(file.filename)
            let result = try await load(file, named: fileName)
            switch result {
            case .failure(let rejected):
                try await AuditTrail.record(request, to: auth.audit, action: "upload.reject", target: fileName,
                                            detail: "\(rejected.errors.count) errors")
                return PortalPages.htmlResponse(ManagePages.rejected(fileName: fileName, diagnostics: rejected.diagnostics,
                                                                     viewer: viewer, language: language),
                                                language: language, status: .unprocessableEntity)
            case .success(let outcome):
                let book = outcome.book
                let current = try await auth.books.books().first { $0.name == book.metadata.name }
                guard let token = await auth.staging.stage(book, fileName: fileName, sessionHash: viewer.tokenHash) else {
                    throw BilingualError(.serviceUnavailable,
                                         fa: "بارگذاری‌های بسیاری در انتظار تأیید است؛ چیزی نوشته نشد. چند دقیقهٔ دیگر دوباره بکوشید.",
                                         en: "Too many uploads are waiting to be confirmed; nothing was written. Try again in a few minutes.",
                                         headers: ["Retry-After": "300"])
                }
                try await AuditTrail.record(request, to: auth.audit, action: "upload.accept", target: book.metadata.name,
                                            detail: "\(fileName), content \(book.contentHash.prefix(12))")
                return PortalPages.htmlResponse(ManagePages.preview(book, warnings: outcome.warnings, fileName: fileName, current: current,
                                                                    staging: token, viewer: viewer, language: language),
                                                language: language)
            }
        }

        manage.post("confirm") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let viewer = try AdminRoutes.signedIn(request)
            let token = (try? request.content.decode(ConfirmForm.self))?.staging ?? ""
            guard let staged = await auth.staging.take(token, sessionHash: viewer.tokenHash) else {
                throw BilingualError(.badRequest, fa: "این بارگذاری پیدا نشد یا کهنه شده است (یک ساعت)؛ دوباره بارگذاری کنید.",
                                     en: "This upload is unknown or expired (one hour); upload the file again.")
            }
            let name = staged.book.metadata.name
            let record = try await BookVersions.importBook(
                staged.book, into: auth.books, source: "upload: \(staged.fileName)", importedBy: viewer.account.username,
                audit: AuditTrail.entry(request, action: "import.confirm", target: name, detail: "upload: \(staged.fileName);"))
            _ = record
            return request.redirect(to: PortalPages.link(ManagePages.historyPath(name), language).description,
                                    redirectType: .normal)
        }

        manage.get("books", ":name", "history") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let viewer = try AdminRoutes.signedIn(request)
            let name = try QueryParameters.bookName(request)
            let history = try await auth.books.history(of: name)
            guard !history.isEmpty else { throw WebError.notFound("no book named '\(name)'", fa: "کتابی به نام \(PersianText.identifier(name)) نیست.") }
            let snapshots = try await auth.books.importsWithSnapshots(of: name)
            return PortalPages.htmlResponse(ManagePages.history(name: name, history: history, snapshots: snapshots, viewer: viewer,
                                                                language: language), language: language)
        }

        manage.post("books", ":name", "rollback") { request async throws -> Response in
            let language = WebLanguage(request: request)
            let viewer = try AdminRoutes.signedIn(request)
            let name = try QueryParameters.bookName(request)
            let text = (try? request.content.decode(RollbackForm.self))?.import_id ?? ""
            guard let importID = Int64(PersianText.asciiDigits(text)) else {
                throw BilingualError(.badRequest, fa: "شمارهٔ ورود نادرست است.", en: "The import number is not valid.")
            }
            do {
                _ = try await BookVersions.rollback(name, to: importID, in: auth.books, actor: viewer.account.username,
                                                    client: request.clientAddress)
            } catch let error as RollbackError {
                throw BilingualError(.unprocessableEntity, fa: "بازگردانی انجام نشد و چیزی تغییر نکرد: \(error.description)",
                                     en: "Nothing was rolled back: \(error.description)")
            }
            return request.redirect(to: PortalPages.link(ManagePages.historyPath(name), language).description,
                                    redirectType: .normal)
        }
    }

    /// The client's file name reduced to a safe base name with an accepted extension, its stem at most
    /// 100 characters (a file system refuses names over 255 bytes).
    static func safeFileName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        let ext = (base as NSString).pathExtension.lowercased()
        let stem = String(QueryParameters.fileSafe((base as NSString).deletingPathExtension).prefix(100))
        return ext.isEmpty ? stem : stem + "." + QueryParameters.fileSafe(ext)
    }

    /// Writes the upload to a temporary folder, reads it with ``BookLoader`` and removes the folder.
    private static func load(_ file: File, named fileName: String) async throws -> Result<BookAssembler.Outcome, InputRejected> {
        let ext = (fileName as NSString).pathExtension.lowercased()
        guard acceptedExtensions.contains(ext) else {
            return .failure(InputRejected([Diagnostic(.error, file: fileName,
                                                      reason: "unsupported file type: upload a .zip of a book folder, a .xlsx, a .csv or a .json")]))
        }
        let data = Data(file.data.readableBytesView)
        return try await Task.detached(priority: .userInitiated) { () throws -> Result<BookAssembler.Outcome, InputRejected> in
            let manager = FileManager.default
            let root = manager.temporaryDirectory.appendingPathComponent("tarazu-upload-\(UUID().uuidString)")
            defer { try? manager.removeItem(at: root) }
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            let url = root.appendingPathComponent(fileName)
            try data.write(to: url)
            do {
                switch try BookLoader.load(url) {
                case .book(let outcome): return .success(outcome)
                case .fiscalPackage:
                    return .failure(InputRejected([Diagnostic(.error, file: fileName,
                                                              reason: "this is a Fiscal Data Package, not a budget book; import it with `tarazu import`")]))
                }
            } catch let error as InputRejected {
                return .failure(error)
            } catch {
                return .failure(InputRejected([Diagnostic(.error, file: fileName, reason: "\(error)")]))
            }
        }.value
    }
}
