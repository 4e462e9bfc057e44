import Foundation
import TarazuCore
import TarazuParticipation
import TarazuStore
import Vapor

/// What the PB routes share: the repository, the settings, the rate limits and the voter-hash key.
struct PBContext: Sendable {
    let pb: any PBRepository
    /// The budget books, for the city a process's book names.
    let books: any BookRepository
    let settings: PBWebSettings
    /// Codes sent, per voter key and per client address (counted, not only failures).
    let codesPerPhone: LoginThrottle
    let codesPerClient: LoginThrottle
    /// Wrong codes per client address.
    let wrongCodes: LoginThrottle
    let keys: PBKeyCache
    let results = PBResultsCache()
    /// The books as the portal and the dashboard hold them (one copy per content hash), for region names.
    let catalog: BookCatalog

    init(repositories: Repositories, settings: PBWebSettings, catalog: BookCatalog) {
        pb = repositories.pb
        books = repositories.books
        self.catalog = catalog
        self.settings = settings
        codesPerPhone = LoginThrottle(limit: settings.maxCodesPerPhone, window: settings.sendWindow)
        codesPerClient = LoginThrottle(limit: settings.maxCodesPerClient, window: settings.sendWindow)
        wrongCodes = LoginThrottle(limit: settings.maxWrongCodesPerClient, window: settings.sendWindow)
        keys = PBKeyCache(settings: repositories.settings)
    }

    func hasher() async throws -> PBVoterHasher {
        try await keys.hasher(environmentKey: settings.voterKey)
    }

    /// The city of the budget book a process belongs to (`settings.book`), in `language`, when the book gives it.
    func city(of settings: PBProcessSettings, _ language: WebLanguage) async throws -> String? {
        guard let name = settings.book else { return nil }
        let summary = try await books.books().first { $0.name == name }
        return language == .fa ? summary?.cityFa : summary?.cityEn
    }

    /// How the pages of a process with `settings` name its regions: by its book's names when it names a
    /// book in the store (a book that cannot be read leaves the plain «منطقه N»).
    func regionNames(_ settings: PBProcessSettings) async -> PBRegionNames {
        guard let name = settings.book, let book = try? await catalog.book(named: name) else {
            return PBRegionNames(populations: settings.populations)
        }
        let names = Dictionary(book.regions.map { ($0.code, Bilingual(fa: $0.nameFa, en: $0.nameEn ?? $0.nameFa)) },
                               uniquingKeysWith: { first, _ in first })
        return PBRegionNames(populations: settings.populations, names: names)
    }

    /// The stored process `slug`, or a bilingual 404.
    func process(_ request: Request) async throws -> PBStoredProcess {
        let slug = request.parameters.get("slug") ?? ""
        guard let stored = try await pb.pbProcess(slug) else {
            throw BilingualError(.notFound, fa: "رأی‌گیری بودجه‌ریزی مشارکتی با این نشانی پیدا نشد.",
                                 en: "There is no participatory budgeting process at this address.")
        }
        return stored
    }
}

/// Reads the voter-hash key once.
actor PBKeyCache {
    private let settings: any SettingsRepository
    private var cached: PBVoterHasher?

    init(settings: any SettingsRepository) {
        self.settings = settings
    }

    func hasher(environmentKey: String?) async throws -> PBVoterHasher {
        if let cached { return cached }
        let hasher = try await settings.pbVoterHasher(environmentKey: environmentKey ?? "")
        cached = hasher
        return hasher
    }
}

/// The voting flow's state in one signed, HttpOnly, SameSite=Strict session cookie
/// (`tarazu_pb`, no Max-Age): which step, which process, the voter key (a hash, never the
/// number), and until when. Nothing else about the voter is kept in the browser.
struct PBFlow: Equatable {
    enum Stage: String { case code, ballot }

    static let cookie = "tarazu_pb"
    var stage: Stage
    var slug: String
    var voterKey: String
    var expires: Date

    func cookieValue(_ hasher: PBVoterHasher) -> HTTPCookies.Value {
        let payload = [stage.rawValue, slug, voterKey, String(Int64(expires.timeIntervalSince1970))].joined(separator: "|")
        return HTTPCookies.Value(string: payload + "|" + hasher.sign(payload), path: "/pb", isSecure: false,
                                 isHTTPOnly: true, sameSite: .strict)
    }

    /// The flow of `request` for `slug` at `now`, when its signature holds and it has not expired.
    static func read(_ request: Request, slug: String, hasher: PBVoterHasher, now: Date) -> PBFlow? {
        guard let value = request.cookies[cookie]?.string else { return nil }
        let parts = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let stage = Stage(rawValue: parts[0]), let seconds = Int64(parts[3]) else { return nil }
        let payload = parts[0..<4].joined(separator: "|")
        guard ConstantTime.equal(hasher.sign(payload), parts[4]), parts[1] == slug else { return nil }
        let flow = PBFlow(stage: stage, slug: parts[1], voterKey: parts[2], expires: Date(timeIntervalSince1970: Double(seconds)))
        return flow.expires > now ? flow : nil
    }

    static func cleared() -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/pb", isSecure: false,
                          isHTTPOnly: true, sameSite: .strict)
    }
}

/// The double-submit CSRF token of signed-out visitors (the cookie the sign-in form uses).
enum PBCSRF {
    /// The token for the forms of `request`'s page: the session's, the visitor's cookie, or a new one.
    static func token(_ request: Request) -> (token: String, isNew: Bool) {
        if let viewer = request.viewer { return (viewer.csrfToken, false) }
        if let existing = request.cookies[SessionTokens.loginCSRFCookie]?.string, existing.count >= 20 { return (existing, false) }
        return (SessionTokens.random(), true)
    }

    /// Sets the cookie on `response` when the token is new; kiosks get a cookie that ends with the browser session.
    static func attach(_ token: (token: String, isNew: Bool), to response: Response, kiosk: Bool) {
        guard token.isNew else { return }
        response.cookies[SessionTokens.loginCSRFCookie] = kiosk
            ? HTTPCookies.Value(string: token.token, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .strict)
            : SessionTokens.loginCSRFCookie(token.token)
    }
}

extension WebLanguage {
    /// The message's text in this language.
    func pick(_ message: Bilingual) -> String { self == .fa ? message.fa : message.en }
}
