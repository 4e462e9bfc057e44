import TarazuCore

/// Why a dashboard view cannot be built: the web answers 404, 400 or 422 with the message in the page's
/// language (English in the API's JSON).
public enum DashboardError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(Bilingual)
    case badRequest(Bilingual)
    case unprocessable(Bilingual)

    /// The reason in both languages.
    public var message: Bilingual {
        switch self {
        case .notFound(let text), .badRequest(let text), .unprocessable(let text): text
        }
    }

    public var description: String { message.en }
}
