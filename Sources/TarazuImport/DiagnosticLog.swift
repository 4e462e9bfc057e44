import TarazuCore

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
