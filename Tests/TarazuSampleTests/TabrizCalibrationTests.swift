import Foundation
import Testing
import TarazuCore
import TarazuSample

/// The Tabriz sample against the totals Tabriz's budget office published (samples/tabriz/README.md cites each).
@Suite("Tabriz sample: calibrated to the published totals")
struct TabrizCalibrationTests {
    let book = SampleCity.tabriz()
    static let billion: Int64 = 1_000_000_000

    /// Within 1 % of `published` billion rials.
    func near(_ rials: Int64, _ published: Int64) -> Bool {
        let gap = abs(Decimal(rials) - Decimal(published * Self.billion))
        return gap <= Decimal(published * Self.billion) / 100
    }

    func withDuplicatedFigures(_ year: Int) -> Int64 {
        book.budgetLinesWithTransfers.filter { $0.year == year }.reduce(0) { $0 + $1.approved.rials }
    }

    @Test func approvedTotalsWithoutDuplicatedFiguresAreThePublishedOnes() {
        // 1399 36,094; 1401 91,948 (1402's +92 %); 1402 176,540; 1403 about 300,000; 1404 about 400,000 billion rials.
        for (year, published) in [1399: Int64(36_094), 1401: 91_948, 1402: 176_540, 1403: 300_000, 1404: 400_000] {
            #expect(near(book.approved(year), published), "\(year): \(book.approved(year) / Self.billion)")
        }
        // Growth of a third to 95 % a year in rials, as published.
        for year in book.years.dropFirst() {
            let growth = ratio(book.approved(year), book.approved(year - 1))
            #expect(growth > Decimal(string: "1.30")! && growth < Decimal(string: "1.95")!, "\(year): \(growth)")
        }
    }

    @Test func totalsWithDuplicatedFiguresAreThePublishedOnes() {
        // 1402: 200,000 with duplicated figures; 1401: 200,000 / 1.96.
        #expect(near(withDuplicatedFigures(1402), 200_000), "\(withDuplicatedFigures(1402) / Self.billion)")
        #expect(near(withDuplicatedFigures(1401), 102_041), "\(withDuplicatedFigures(1401) / Self.billion)")
        for year in book.years {
            #expect(withDuplicatedFigures(year) > book.approved(year))
        }
    }

    @Test func realizedIn1403Is93PercentOfApproved() {
        let share = ratio(book.realized(1403), book.approved(1403))
        #expect(share >= Decimal(string: "0.925")! && share <= Decimal(string: "0.935")!, "\(share)")
    }

    @Test func currentSpendingIs38PercentOfCurrentAndCapitalIn1399() {
        let current = book.approved(1399) { $0.economicClass == .current }
        let capital = book.approved(1399) { $0.economicClass == .capital }
        let share = ratio(current, current + capital)
        #expect(share >= Decimal(string: "0.375")! && share <= Decimal(string: "0.385")!, "\(share)")
    }

    @Test func theGroupHasTheCentreTenRegionsOrganizationsAndACompany() {
        let kinds = book.entities.map(\.kind)
        #expect(kinds.filter { $0 == .central }.count == 1)
        #expect(kinds.filter { $0 == .region }.count == 10)
        #expect(kinds.filter { $0 == .organization }.count >= 5)
        #expect(kinds.contains(.company))
        let regionsServed = Set(book.entities.compactMap { $0.kind == .region ? $0.regionCode : nil })
        #expect(regionsServed == Set(book.regions.map(\.code)))
        let codes = Set(book.entities.map(\.code))
        #expect(book.budgetLinesWithTransfers.allSatisfy { $0.entityCode.map(codes.contains) == true })
        #expect(book.revenuesWithTransfers.allSatisfy { $0.entityCode.map(codes.contains) == true })
        // Organizations and companies spend, also in the regions (parks).
        let outside = book.budgetLines.filter { line in book.entities.first { $0.code == line.entityCode }?.kind.isOutsideMunicipality == true }
        #expect(!outside.isEmpty && outside.contains { $0.regionCode != Region.centralCode })
    }

    @Test func everyEntityBalancesItsApprovedSourcesAndUsesAndEveryTransferHasTwoEqualSides() throws {
        for year in book.years {
            var balance: [String: Int64] = [:]
            for line in book.budgetLinesWithTransfers where line.year == year { balance[line.entityCode ?? "", default: 0] += line.approved.rials }
            for line in book.revenuesWithTransfers where line.year == year { balance[line.entityCode ?? "", default: 0] -= line.approved.rials }
            #expect(balance.values.allSatisfy { $0 == 0 }, "\(year): \(balance.filter { $0.value != 0 })")
        }
        #expect(book.transferPayments.allSatisfy { $0.counterpartEntityCode != nil && $0.counterpartEntityCode != $0.entityCode })
        let paid = book.transferPayments.reduce(Int64(0)) { $0 + $1.approved.rials }
        let received = book.transferReceipts.reduce(Int64(0)) { $0 + $1.approved.rials }
        #expect(paid == received && paid > 0)
    }
}
