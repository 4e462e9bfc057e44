import TarazuAnalysis
import TarazuCore

/// Checks a book's governance.yaml when it is imported: a file that does not parse or does not
/// validate (``GovernanceFacts``) is an import error at its line and column, so that no book is stored
/// whose declared facts the analysis cannot read.
enum GovernanceCheck {
    /// The largest governance.yaml accepted (declared facts take a few hundred bytes).
    static let maximumBytes = 1 << 20

    static func check(_ yaml: String, file: String, log: inout DiagnosticLog) {
        if yaml.utf8.count > maximumBytes {
            log.error(file, "the file has \(yaml.utf8.count) bytes; at most \(maximumBytes) are accepted")
            return
        }
        do {
            _ = try GovernanceFacts(yaml: yaml)
        } catch {
            log.error(file, row: error.line, column: error.column.map { "char \($0)" }, error.reason)
        }
    }
}
