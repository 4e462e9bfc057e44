/// How a tally chooses between projects that tie (same score in greedy, same price in MES).
public enum PBTieBreak: String, Sendable, CaseIterable {
    /// pabutools' default: the project whose id comes first, comparing ids as strings by
    /// Unicode code points (so "10" comes before "9"), as Python compares them.
    case lexicographic
    /// equalshares.net: the lowest cost, then the most supporters, then as `lexicographic`.
    case minCost = "min-cost"

    /// Each project's rank under this rule: lower wins a tie.
    func ranks(of election: PBScaledElection) -> [Int] {
        let ids = election.election.projects.map { Array($0.id.unicodeScalars.map(\.value)) }
        let order = ids.indices.sorted { a, b in
            if self == .minCost {
                if election.costs[a] != election.costs[b] { return election.costs[a] < election.costs[b] }
                if election.supporters[a] != election.supporters[b] {
                    return election.supporters[a] > election.supporters[b]
                }
            }
            return ids[a].lexicographicallyPrecedes(ids[b])
        }
        var ranks = [Int](repeating: 0, count: ids.count)
        for (rank, project) in order.enumerated() { ranks[project] = rank }
        return ranks
    }
}
