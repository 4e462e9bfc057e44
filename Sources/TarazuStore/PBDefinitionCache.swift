import Foundation
import TarazuParticipation

/// Parsed process definitions by their stored JSON text: parsing a definition builds calendars and
/// date formats, which cost more than the query that reads it, and every ballot reads its process.
/// A changed definition is a different text, hence a new entry; a handful of processes at most.
final class PBDefinitionCache: @unchecked Sendable {
    static let shared = PBDefinitionCache()

    private let lock = NSLock()
    private var definitions: [String: PBProcessDefinition] = [:]

    func definition(_ text: String) throws(PBProcessFileError) -> PBProcessDefinition {
        if let cached = lock.withLock({ definitions[text] }) { return cached }
        let parsed = try PBProcessFile.parse(Data(text.utf8))
        lock.withLock {
            if definitions.count >= 64 { definitions.removeAll() }
            definitions[text] = parsed
        }
        return parsed
    }
}
