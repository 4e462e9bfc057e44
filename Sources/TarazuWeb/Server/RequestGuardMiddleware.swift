import Vapor

/// Refuses, before any middleware or route reads the body, a request whose declared body format the
/// parsers cannot take safely: a multipart body without a valid boundary (MultipartKit stops the process
/// on an empty boundary). RFC 2046: 1 to 70 characters of `bchars`, the last not a space.
struct RequestGuardMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let type = request.headers.contentType, type.type.lowercased() == "multipart" {
            guard let boundary = type.parameters["boundary"], Self.isValidBoundary(boundary) else {
                throw BilingualError(.badRequest,
                                     fa: "بدنهٔ چندبخشی درخواست مرز (boundary) درستی ندارد؛ کاری انجام نشد.",
                                     en: "The multipart body has no valid boundary; nothing was done.")
            }
        }
        return try await next.respond(to: request)
    }

    private static let boundaryCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+_,-./:=? ".unicodeScalars)

    /// Whether `boundary` is a multipart boundary RFC 2046 allows.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let scalars = boundary.unicodeScalars
        guard (1...70).contains(scalars.count), scalars.last != " " else { return false }
        return scalars.allSatisfy { boundaryCharacters.contains($0) }
    }
}
