import Foundation

extension ComputedOn {
    /// The basis of each indicator the engine computes, in one table so that it can be read and
    /// reviewed at a glance; nil for an id the engine does not produce.
    public static func standard(for indicator: Indicator) -> ComputedOn? {
        if indicator.basis == .declared { return ComputedOn(.none, .declaredFacts, prices: .none) }
        let id = indicator.id
        if id.hasPrefix("equity."), let basis = equityBasis(id) { return basis }
        switch id {
        case "execution.rate.total", "execution.rate.by_function", "execution.rate.by_region", "execution.rate.by_economic_class":
            return ComputedOn(.realizedAgainstApproved, .spending)
        case "execution.rate.by_project": return ComputedOn(.realizedAgainstApproved, .projectSpending)
        case "execution.rate.by_entity": return ComputedOn(.realizedAgainstApproved, .spending)
        case "expenditure.capital_share.by_entity", "group.outside_share": return ComputedOn(.approved, .spending)
        case "group.duplicated_figures": return ComputedOn(.approved, .transfers)
        case "revenue.fees_share.by_entity": return ComputedOn(.realized, .revenue)
        case "data_quality.transfer_mismatches": return ComputedOn(.none, .wholeBook, prices: .none)
        case "expenditure.capital_share", "expenditure.current_to_capital_ratio": return ComputedOn(.approved, .spending)
        case "expenditure.concentration": return ComputedOn(.approved, .projectSpending)
        case "expenditure.central_share": return ComputedOn(.approved, .spending)
        case "expenditure.change.by_function":
            return ComputedOn(.approvedYearOnYear, .spending, years: .yearOnYear, prices: .currentAndConstant)
        case "projects.volatility", "projects.volatility_share": return ComputedOn(.changesAgainstApproved, .spending)
        case "revenue.realization.total", "revenue.realization.by_class": return ComputedOn(.realizedAgainstApproved, .revenue)
        case "revenue.fees_share", "revenue.unsustainable_share": return ComputedOn(.realized, .revenue)
        case "balance.realized_deficit": return ComputedOn(.realized, .spendingAgainstSources)
        case "compliance.asset_sales_over_authorization", "compliance.regions_over_authorization":
            return ComputedOn(.realizedAgainstAuthorized, .capitalAssetSales, regions: .regions)
        case "pefa.pi1": return ComputedOn(.realizedAgainstApproved, .spendingWithoutFinancial, years: .lastThreeYears)
        case "pefa.pi2", "pefa.pi2.1", "pefa.pi2.2":
            return ComputedOn(.realizedAgainstApproved, .spendingWithoutContingency, years: .lastThreeYears)
        case "pefa.pi2.3": return ComputedOn(.realizedAgainstApproved, .spending, years: .lastThreeYears)
        case "pefa.pi3", "pefa.pi3.1", "pefa.pi3.2":
            return ComputedOn(.realizedAgainstApproved, .revenueWithoutBorrowing, years: .lastThreeYears)
        case "data_quality.completeness", "data_quality.consistency", "data_quality.granularity", "data_quality.likely_errors":
            return ComputedOn(.none, .wholeBook, prices: .none)
        case "data_quality.timeliness": return ComputedOn(.none, .wholeBook, years: .allYears, prices: .none)
        case "participation.pb_share": return ComputedOn(.approved, .participatoryProcesses)
        case "participation.citizen_budgeting", "participation.participants_per_1000", "participation.channels":
            return ComputedOn(.none, .participatoryProcesses, prices: .none)
        default: return nil
        }
    }

    /// equity.STATISTIC with the suffixes `.without_outliers`, `.capital` and `.capital_without_outliers`.
    private static func equityBasis(_ id: String) -> ComputedOn? {
        if id == "equity.per_capita.by_region" { return ComputedOn(.approved, .spending, regions: .regions) }
        for statistic in EquityIndicators.statistics.map(\.id) {
            for variant in EquityIndicators.Variant.allCases where id == variant.indicatorId(statistic) {
                return ComputedOn(.approved, variant.capital ? .capitalSpending : .spending,
                                  regions: variant.withoutOutliers ? .regionsWithoutOutliers : .regions)
            }
        }
        return nil
    }
}
