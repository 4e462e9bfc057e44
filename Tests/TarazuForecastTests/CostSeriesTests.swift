import Foundation
import Testing
import TarazuCore
@testable import TarazuForecast

@Suite("Cost series")
struct CostSeriesTests {
    static func line(_ year: Int, _ function: String, _ region: String, _ cls: EconomicClass, _ approved: Int64, _ realized: Int64?) -> BudgetLine {
        BudgetLine(year: year, lineId: "\(year)-\(function)-\(region)", department: "d", regionCode: region, function: function,
                   economicClass: cls, approved: Money(rials: approved), realized: realized.map { Money(rials: $0) })
    }

    /// 3 years, 2 functions, 2 regions, revenue and a deflator; totals worked by hand in comments.
    static let book = BudgetBook(
        metadata: BookMetadata(name: "t", title: "t"),
        budgetLines: [
            line(1400, "F1", "1", .current, 100, 90), line(1400, "F2", "2", .capital, 200, 150),
            line(1401, "F1", "1", .current, 120, 110), line(1401, "F2", "1", .capital, 220, nil),
            line(1402, "F1", "2", .current, 150, 140), line(1402, "F2", "2", .capital, 250, 240),
        ],
        revenues: [
            RevenueLine(year: 1400, lineId: "r1", revenueClass: .generalFees, approved: Money(rials: 500)),
            RevenueLine(year: 1401, lineId: "r2", revenueClass: .generalFees, approved: Money(rials: 333)),
            RevenueLine(year: 1402, lineId: "r3", revenueClass: .generalFees, approved: Money(rials: 600)),
            RevenueLine(year: 1402, lineId: "r4", revenueClass: .grants, approved: Money(rials: 50)),
        ],
        deflator: [DeflatorPoint(year: 1400, index: 100), DeflatorPoint(year: 1401, index: 125), DeflatorPoint(year: 1402, index: 150)])

    func series(_ all: [CostSeries], _ description: String) -> [Int64]? {
        all.first { $0.key.description == description }?.points.map(\.value)
    }

    @Test func sumsByHand() throws {
        let all = try CostSeries.build(book: Self.book)
        #expect(series(all, "expenditure/total/all/approved/nominal") == [300, 340, 400])
        // 1401 has no realized F2 line: realized total 110 only.
        #expect(series(all, "expenditure/total/all/realized/nominal") == [240, 110, 380])
        #expect(series(all, "expenditure/function/F1/approved/nominal") == [100, 120, 150])
        #expect(series(all, "expenditure/region/1/approved/nominal") == [100, 340])
        #expect(all.first { $0.key.description == "expenditure/region/1/approved/nominal" }?.points.map(\.year) == [1400, 1401])
        #expect(series(all, "expenditure/region/2/approved/nominal") == [200, 400])
        #expect(series(all, "expenditure/economic_class/capital/approved/nominal") == [200, 220, 250])
        #expect(series(all, "revenue/total/all/approved/nominal") == [500, 333, 650])
        #expect(series(all, "revenue/revenue_class/grants/approved/nominal") == [50])
        // Revenue lines have no realized amounts: no realized revenue series.
        #expect(series(all, "revenue/total/all/realized/nominal") == nil)
    }

    @Test func realSeriesInLatestYearPrices() throws {
        let all = try CostSeries.build(book: Self.book)
        // 300 * 150/100 = 450; 340 * 150/125 = 408; 400.
        #expect(series(all, "expenditure/total/all/approved/real") == [450, 408, 400])
        // 333 * 1.2 = 399.6 -> 400 (half away from zero); 500 * 1.5 = 750; 650.
        #expect(series(all, "revenue/total/all/approved/real") == [750, 400, 650])
        #expect(all.first { $0.key.description == "expenditure/total/all/approved/real" }?.baseYear == 1402)
        let noDeflator = BudgetBook(metadata: Self.book.metadata, budgetLines: Self.book.budgetLines)
        #expect(try CostSeries.build(book: noDeflator).allSatisfy { $0.key.basis == .nominal })
    }

    @Test func growthAndDirection() throws {
        let all = try CostSeries.build(book: Self.book)
        let total = all.first { $0.key.description == "expenditure/total/all/approved/nominal" }!
        #expect(abs(total.cagr! - ((400.0 / 300).squareRoot() - 1)) < 1e-12)
        #expect(total.direction == .rising)
        let real = all.first { $0.key.description == "expenditure/total/all/approved/real" }!
        #expect(real.direction == .falling)  // (400/450)^(1/2) - 1 = -5.7 %
        let flat = CostSeries(key: total.key, points: [YearValue(year: 1400, value: 100), YearValue(year: 1402, value: 103)])
        #expect(flat.direction == .flat)
        #expect(CostSeries(key: total.key, points: [YearValue(year: 1400, value: 100)]).direction == .undetermined)
    }

    @Test func breakIsTheOutlyingChange() {
        let values: [Int64] = [100, 110, 121, 133, 250, 275, 302]  // +10 % a year except +88 % into 1404
        let s = CostSeries(key: SeriesKey(side: .expenditure, dimension: .total, member: "all", measure: .approved, basis: .nominal),
                           points: values.enumerated().map { YearValue(year: 1400 + $0.offset, value: $0.element) })
        #expect(s.breaks.map(\.year) == [1404])
        #expect(s.breaks[0].robustZ > 3.5)
        let smooth = CostSeries(key: s.key, points: [100, 110, 121, 133, 146, 161].enumerated().map { YearValue(year: 1400 + $0.offset, value: $0.element) })
        #expect(smooth.breaks.isEmpty)
        // Steady changes near −3 % and one of +2.9 %: far in z, but under ten points from the median.
        let steady = CostSeries(key: s.key, points: [1000, 970, 941, 913, 886, 912].enumerated().map { YearValue(year: 1400 + $0.offset, value: $0.element) })
        #expect(steady.breaks.isEmpty)
    }

    @Test func overflowThrows() {
        let huge = BudgetBook(metadata: Self.book.metadata, budgetLines: [
            Self.line(1400, "F1", "1", .current, Int64.max, nil), Self.line(1400, "F2", "1", .current, 1, nil),
        ])
        #expect(throws: Money.Overflow.self) { try CostSeries.build(book: huge) }
    }

    @Test func forecastOfABookSeries() throws {
        let total = try CostSeries.build(book: Self.book).first { $0.key.description == "expenditure/total/all/approved/nominal" }!
        let result = total.forecast()
        #expect(result.key == "expenditure/total/all/approved/nominal")
        #expect(result.history.map(\.value) == [300, 340, 400])
        #expect(result.forecasts.map(\.year) == [1403, 1404, 1405])
    }
}
