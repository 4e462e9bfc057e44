import Foundation
import SQLKit
import TarazuCore
import TarazuParticipation

/// What closed PB processes measured for a book (see ``PBRepository``).
extension BudgetStore {
    /// What the processes linked to book `name` measured once their voting closed by `date`.
    public func measuredParticipation(book name: String, at date: Date) async throws -> [MeasuredParticipation] {
        let linked = try await pbProcesses().filter { PBRules.isMeasured($0, book: name, at: date) }
        guard !linked.isEmpty else { return [] }
        return try await DatabaseErrorText.during("counting the ballots of book '\(name)'") {
            let sql = try sql()
            var records: [MeasuredParticipation] = []
            for stored in linked {
                let (processID, _) = try await Self.pbProcessRow(stored.slug, on: sql)
                let rows = try await sql.raw("""
                    SELECT channel, district, COUNT(*) AS ballots FROM pb_ballots WHERE process_id = \(bind: processID)
                    GROUP BY channel, district ORDER BY channel, district
                    """).all()
                let counts = try rows.map { row in
                    try (channel: row.decode(column: "channel", as: String.self), district: row.decode(column: "district", as: String.self),
                         ballots: row.decode(column: "ballots", as: Int.self))
                }
                records.append(try PBRules.measured(stored, book: name, counts: counts))
            }
            return records
        }
    }
}
