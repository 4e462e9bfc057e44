import ArgumentParser
import Foundation
import TarazuStore

/// `tarazu audit`: prints the audit log, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the audit log (sign-ins, account changes, uploads, imports, rollbacks), newest first.")

    @Option(help: "At most this many entries.")
    var limit = 50

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() async throws {
        try await store.withStore { store in
            let formatter = ISO8601DateFormatter()
            for entry in try await store.auditLog(limit: limit) {
                let detail = entry.detail.isEmpty ? "" : "\t\(entry.detail)"
                print("\(formatter.string(from: entry.at))\t\(entry.actor)\t\(entry.action)\t\(entry.target)\t\(entry.client)\(detail)")
            }
        }
    }
}
