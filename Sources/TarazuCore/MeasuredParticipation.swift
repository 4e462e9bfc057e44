import Foundation

/// What a participatory-budgeting process of one year measured: the budget citizens decided and who
/// voted, by channel and region. The store derives it from its PB tables; the analysis turns it into
/// the participation indicators (measured figures take the place of governance.yaml's declarations).
public struct MeasuredParticipation: Hashable, Codable, Sendable {
    /// The (Jalali) year the budget decided belongs to.
    public var year: Int
    /// The process it comes from (its slug), for the evidence.
    public var process: String
    /// The budget put to the citizens' vote, in rials (citywide and regional budgets together).
    public var budget: Money
    /// Counted ballots: one per verified person.
    public var ballots: Int
    /// Ballots by channel ("web", "sms", "paper", "kiosk").
    public var byChannel: [String: Int]
    /// Ballots by district (a region code, or "0" for citywide ballots).
    public var byRegion: [String: Int]

    public init(year: Int, process: String, budget: Money, ballots: Int, byChannel: [String: Int] = [:], byRegion: [String: Int] = [:]) {
        self.year = year
        self.process = process
        self.budget = budget
        self.ballots = ballots
        self.byChannel = byChannel
        self.byRegion = byRegion
    }
}
