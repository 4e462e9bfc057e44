import Foundation
import Testing
import TarazuCore
import TarazuSample

@Suite("Tabriz sample: structure")
struct TabrizStructureTests {
    let book = SampleCity.tabriz()

    @Test func sameBookEveryTime() {
        #expect(SampleCity.tabriz() == book)
        #expect(SampleCity.tabriz().contentHash == book.contentHash)
    }

    @Test func regionsAreTabrizsTenWithTheir1395CensusPopulations() {
        // methods.md section 8.
        let census: [String: Int64] = [
            "1": 218_647, "2": 196_507, "3": 229_474, "4": 315_183, "5": 143_138,
            "6": 108_959, "7": 161_873, "8": 29_384, "9": 2_250, "10": 187_958,
        ]
        #expect(book.regions.count == 10)
        #expect(Dictionary(uniqueKeysWithValues: book.regions.map { ($0.code, $0.population) }) == census)
        #expect(book.regions.reduce(0) { $0 + $1.population } == 1_593_373)
        #expect(book.regions.allSatisfy { !$0.nameFa.isEmpty && $0.nameEn != nil && $0.zone != nil })
        #expect(!book.regions.contains { $0.code == Region.centralCode })
    }

    @Test func everyLineUsesAKnownRegionFunctionAndClass() {
        let regionCodes = Set(book.regions.map(\.code) + [Region.centralCode])
        let functionCodes = Set(BudgetFunction.defaults.map(\.code))
        #expect(book.functions == BudgetFunction.defaults)
        #expect(book.budgetLines.allSatisfy { regionCodes.contains($0.regionCode) && functionCodes.contains($0.function) })
        #expect(Set(book.budgetLines.map(\.economicClass)) == Set(EconomicClass.allCases))
        #expect(Set(book.budgetLines.map(\.function)) == functionCodes)
        #expect(book.budgetLines.contains { $0.regionCode == Region.centralCode })
        #expect(Set(book.budgetLines.map(\.lineId)).count == book.budgetLines.count)
    }

    @Test func yearsAre1399To1404WithRealizedUpTo1403AndThe1404BudgetApprovedOnly() {
        #expect(book.years == [1399, 1400, 1401, 1402, 1403, 1404])
        #expect(book.latestRealizedYear == 1403)
        let executed = book.budgetLinesWithTransfers.filter { $0.year <= 1403 }, approvedOnly = book.budgetLinesWithTransfers.filter { $0.year == 1404 }
        #expect(executed.allSatisfy { $0.realized != nil && $0.revised != nil })
        #expect(!approvedOnly.isEmpty && approvedOnly.allSatisfy { $0.realized == nil && $0.revised == nil })
        #expect(book.revenuesWithTransfers.filter { $0.year <= 1403 }.allSatisfy { $0.realized != nil && $0.revised != nil })
        #expect(book.revenuesWithTransfers.filter { $0.year == 1404 }.allSatisfy { $0.realized == nil && $0.revised == nil })
        // Projects finished by 1403 have no 1404 line.
        let finished = Set(book.projects.filter { $0.status == "completed" }.map(\.projectId))
        #expect(!approvedOnly.contains { $0.projectId.map(finished.contains) ?? false })
    }

    @Test func amountsAreWholeMillionRialsAndNotNegative() {
        let amounts = book.budgetLines.flatMap { [$0.approved, $0.revised, $0.realized].compactMap { $0 } }
            + book.revenues.flatMap { [$0.approved, $0.revised, $0.realized].compactMap { $0 } }
            + book.projects.flatMap { [$0.plannedCost, $0.currentCostEstimate].compactMap { $0 } }
            + book.authorizations.map(\.authorizedAmount)
        #expect(amounts.allSatisfy { $0.rials >= 0 && $0.rials % 1_000_000 == 0 })
    }

    @Test func atLeast150ProjectsWithPlansAndProgress() {
        #expect(book.projects.count >= 150)
        #expect(Set(book.projects.map(\.projectId)).count == book.projects.count)
        #expect(Set(book.projects.map(\.type)).count >= 6)
        let ids = Set(book.projects.map(\.projectId))
        let referenced = Set(book.budgetLines.compactMap(\.projectId))
        #expect(referenced.isSubset(of: ids))
        #expect(referenced.count >= 150)
        #expect(book.budgetLines.filter { $0.projectId != nil }.allSatisfy { $0.economicClass == .capital })
        for project in book.projects {
            #expect(project.plannedCost.rials > 0)
            #expect((project.startYear ?? 0) <= (project.plannedEndYear ?? 0))
            let progress = project.physicalProgress ?? -1
            #expect(progress >= 0 && progress <= 100)
        }
        #expect(book.projects.contains { $0.status == "completed" } && book.projects.contains { $0.status != "completed" })
    }

    @Test func revenuesCoverEveryClassEveryYear() {
        for year in book.years {
            #expect(Set(book.revenues.filter { $0.year == year }.map(\.revenueClass)) == Set(RevenueClass.allCases))
            let sales = book.revenues.filter { $0.year == year && $0.revenueClass == .capitalAssetSales }
            #expect(Set(sales.compactMap(\.regionCode)) == Set(book.regions.map(\.code)))
        }
    }

    @Test func councilAuthorizesAssetSalesPerRegionPerYear() {
        for year in book.years {
            let authorized = book.authorizations.filter { $0.year == year && $0.kind == RevenueClass.capitalAssetSales.code }
            #expect(Set(authorized.map(\.regionCode)) == Set(book.regions.map(\.code)))
            #expect(authorized.count == book.regions.count)
        }
    }

    @Test func deflatorShowsInflationBetween30And45PercentAYear() throws {
        #expect(book.deflator.map(\.year) == book.years)
        for year in book.years.dropFirst() {
            let growth = try #require(book.deflatorIndex(year)) / (try #require(book.deflatorIndex(year - 1)))
            #expect(growth >= Decimal(string: "1.30")! && growth <= Decimal(string: "1.45")!)
        }
    }

    @Test func contingencyLinesExistAndAreSmall() {
        for year in book.years {
            let contingency = book.approved(year) { $0.isContingency }
            #expect(contingency > 0)
            #expect(ratio(contingency, book.approved(year)) < Decimal(string: "0.03")!)
        }
    }

    @Test func metadataSaysIllustrative() {
        #expect(book.metadata.name == "tabriz")
        #expect(book.metadata.description?.lowercased().contains("illustrative") == true)
        #expect(book.governanceYAML?.contains("council_dashboards") == true)
    }
}
