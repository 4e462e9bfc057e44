import Foundation
import SQLKit
import TarazuCore
import TarazuParticipation

extension BudgetStore {
    /// What the PB processes linked to book `name` (their `settings.book`) measured, once their voting
    /// closed before `date`: the budgets put to the vote and the ballots by channel and district. Open
    /// votes are left out, so the figures do not move while people vote.
    public func measuredParticipation(book name: String, at date: Date = Date()) async throws -> [MeasuredParticipation] {
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
