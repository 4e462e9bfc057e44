import Foundation
import NIOCore
import TarazuCore
import TarazuImport
import TarazuSample
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Where a test's application keeps its data: in memory (the tests of the web), or in a temporary SQLite
/// store (the tests of the web over the store: its health check, an import with its snapshot).
enum WebStorage: Sendable, CaseIterable {
    case memory
    case sqlite
}

/// Repositories holding the given books, and the web application configured on them.
enum WebHarness {
    /// fixtures/small-book, found from this file (through the symlink when built elsewhere).
    /// The repository's root, found from this file (through the symlink when built in a helper package).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let smallBook: BudgetBook = {
        let folder = repositoryRoot.appendingPathComponent("fixtures/small-book")
        guard case .book(let outcome) = try! BookLoader.load(folder) else { fatalError("small-book is not a budget book") }
        return outcome.book
    }()

    /// The small book under another name and title.
    static func renamed(_ name: String, title: String) -> BudgetBook {
        var book = smallBook
        book.metadata.name = name
        book.metadata.title = title
        return book
    }

    /// Bcrypt at its lowest cost, so that sign-ins in tests are quick.
    static let testAuth = AuthSettings(bcryptCost: 4)

    static func withApp(books: [BudgetBook] = [smallBook], auth: AuthSettings = testAuth, storage: WebStorage = .memory,
                        _ body: (Application, Repositories) async throws -> Void) async throws {
        try await withRepositories(books: books, storage: storage) { repositories in
            let app = try await Application.make(.testing)
            do {
                try await TarazuWebApp.configure(app, repositories: repositories, auth: auth, assessedIn: { nil })
                try await body(app, repositories)
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
    }

    /// Runs `body` with repositories of `storage` holding `books` (a temporary SQLite store is removed afterwards).
    static func withRepositories(books: [BudgetBook], storage: WebStorage, _ body: (Repositories) async throws -> Void) async throws {
        guard storage == .sqlite else { return try await body(.inMemory(books: books)) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tarazu-web-test-\(UUID().uuidString).sqlite").path
        let store = try await BudgetStore.open(.sqlite(path: path))
        do {
            for book in books { _ = try await store.importBook(book, source: "test") }
            try await body(Repositories(store))
        } catch {
            await store.shutdown()
            Self.remove(path)
            throw error
        }
        await store.shutdown()
        Self.remove(path)
    }

    private static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func get(_ app: Application, _ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, path, headers: headers)
    }

    static func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
        return try #require(value as? [String: Any])
    }
}

extension TestingHTTPResponse {
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }
    var contentType: String { headers.first(name: .contentType) ?? "" }
}


enum SampleBook {
    static let tabriz: BudgetBook = SampleCity.tabriz()
}
