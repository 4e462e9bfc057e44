/// Why a dashboard view cannot be built: the web answers 404, 400 or 422 with the text.
public enum DashboardError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(String)
    case badRequest(String)
    case unprocessable(String)

    public var description: String {
        switch self {
        case .notFound(let text), .badRequest(let text), .unprocessable(let text): text
        }
    }
}
