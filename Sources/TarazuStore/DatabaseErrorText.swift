import FluentPostgresDriver
import FluentSQLiteDriver

/// Readable text for the database drivers' errors. PostgresNIO hides the server's message from
/// `description` on purpose; a command-line user needs it (it names the constraint and the key).
enum DatabaseErrorText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as StoreError:
            return error.description
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] {
                return [message, error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: " ")
            }
            if let underlying = error.underlying {
                return "\(error.code): \(describe(underlying))"
            }
            return String(reflecting: error)
        case let error as SQLiteError:
            return error.description
        default:
            return String(describing: error)
        }
    }

    /// Runs `body`, turning any error but a ``StoreError`` into ``StoreError/failed(operation:reason:underlying:)``.
    static func during<T>(_ operation: @autoclosure () -> String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.failed(operation: operation(), reason: describe(error), underlying: error)
        }
    }
}
