import TarazuCore
import TarazuTabular

/// Collects diagnostics while a book is read, keeping at most `cap` errors.
struct DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0
    private var warningCount = 0
    let cap: Int

    init(cap: Int = 200) { self.cap = cap }

    var hasErrors: Bool { errorCount > 0 }

    mutating func error(_ file: String, row: Int? = nil, column: String? = nil, _ reason: String) {
        errorCount += 1
        if errorCount <= cap { diagnostics.append(Diagnostic(.error, file: file, row: row, column: column, reason: reason)) }
    }

    mutating func warning(_ file: String, row: Int? = nil, column: String? = nil, _ reason: String) {
        warningCount += 1
        if warningCount <= cap { diagnostics.append(Diagnostic(.warning, file: file, row: row, column: column, reason: reason)) }
    }

    /// The diagnostics, with a closing line when the cap cut some errors off.
    var report: [Diagnostic] {
        guard errorCount > cap else { return diagnostics }
        return diagnostics + [Diagnostic(.error, file: "…", reason: "\(errorCount - cap) more errors not shown")]
    }
}

extension TabularError {
    /// The error and the further ones it carries as diagnostics, with a closing line when some were
    /// left out. The column is the header's name of the cell when known, else the character column
    /// (`char N`) when `characterColumns` is set (JSON and other text files), else nothing.
    func diagnostics(characterColumns: Bool = false) -> [Diagnostic] {
        var list = all.map { error in
            Diagnostic(.error, file: error.source, row: error.line,
                       column: error.columnName ?? (characterColumns ? error.column.map { "char \($0)" } : nil),
                       reason: error.reason)
        }
        if omitted > 0 { list.append(Diagnostic(.error, file: "…", reason: "\(omitted) more errors not shown")) }
        return list
    }
}
