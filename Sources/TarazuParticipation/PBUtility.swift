/// What a voter gains from a selected project on her ballot, for the Method of Equal Shares.
public enum PBUtility: String, Sendable, CaseIterable {
    /// The project's cost (pabutools' Cost_Sat): money spent on what she asked for.
    case cost
    /// 1 per project (pabutools' Cardinality_Sat).
    case cardinality
    /// The points she gave it: cumulative and scoring points, or for ordinal ballots the
    /// `points` column or else Borda scores (see `PBElection.points(of:)`).
    case points

    /// Cost for approval ballots, points for cumulative, scoring and ordinal ballots.
    public static func defaultUtility(for voteType: PBVoteType) -> PBUtility {
        voteType == .approval ? .cost : .points
    }
}

extension PBElection {
    /// The points a ballot gives each of its projects, parallel to `ballot.projects`.
    ///
    /// Approval: 1 each. Cumulative and scoring: the `points` column. Ordinal: the `points`
    /// column when the file has one, else Borda scores as pabulib defines them: the project at
    /// position i (0 for the first choice) gets max_length - i, where max_length is META
    /// `max_length` (or the ballot's length when META has none or the ballot is longer).
    public func points(of ballot: PBBallot) -> [PBDecimal] {
        if voteType != .approval, let points = ballot.points { return points }
        if voteType != .ordinal {
            return Array(repeating: PBDecimal(mantissa: 1, scale: 0), count: ballot.projects.count)
        }
        let maxLength = metaValue("max_length").flatMap { Int(PBText.normalizedIdentifier($0)) } ?? 0
        let top = max(maxLength, ballot.projects.count)
        return ballot.projects.indices.map { PBDecimal(mantissa: Int64(top - $0), scale: 0) }
    }
}
