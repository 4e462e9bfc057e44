import Foundation

/// The OpenAPI 3.1 document served at /openapi.json: the spec file `Resources/openapi.json`, which lists
/// every public route the application registers (a test compares it with the router and validates it
/// with OpenAPIKit), their parameters and response schemas.
enum OpenAPIDocument {
    /// The document's text, read once from the module's resources.
    static let json: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return #"{"openapi": "3.1.0", "info": {"title": "Tarazu", "version": "1"}, "paths": {}}"#
        }
        return text
    }()
}
