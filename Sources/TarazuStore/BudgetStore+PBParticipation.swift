import Foundation
import SQLKit
import TarazuCore
import TarazuParticipation

extension BudgetStore {
    /// What the PB processes linked to book `name` (their `settings.book`) measured, once their voting
    /// closed before `date`: the budgets put to the vote and the ballots by channel and district. Open
    /// votes are left out, so the figures do not move while people vote.
    public func measuredParticipation(book name: String, at date: Date = Date()) async throws -> [MeasuredParticipation] {
        let linked = try await pbProcesses().filter { stored in
            stored.definition.settings.book == name && stored.definition.process.phase(.voting).end <= date
        }
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
                var byChannel: [String: Int] = [:]
                var byRegion: [String: Int] = [:]
                var ballots = 0
                for row in rows {
                    let count = try row.decode(column: "ballots", as: Int.self)
                    byChannel[try row.decode(column: "channel", as: String.self), default: 0] += count
                    byRegion[try row.decode(column: "district", as: String.self), default: 0] += count
                    ballots += count
                }
                let process = stored.definition.process
                let budget = try Money.sum([Money(rials: process.citywideBudget)] + process.regionBudgets.values.map { Money(rials: $0) })
                records.append(MeasuredParticipation(year: process.year, process: stored.slug, budget: budget, ballots: ballots,
                                                     byChannel: byChannel, byRegion: byRegion))
            }
            return records
        }
    }
}
