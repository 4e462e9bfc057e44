import Foundation
import Testing
@testable import TarazuCore

@Suite struct MoneyTests {
    @Test func unitsConvertToWholeRials() throws {
        #expect(try AmountUnit.billionRial.parse("400,000") == Money(rials: 400_000_000_000_000))
        #expect(try AmountUnit.toman.parse("۱۲۵") == Money(rials: 1_250))
        #expect(try AmountUnit.billionRial.parse("1٫5") == Money(rials: 1_500_000_000))
        #expect(try AmountUnit.thousandRial.parse("2.5") == Money(rials: 2_500))
    }

    @Test func fractionsOfARialAreRejected() {
        #expect(throws: NumberText.Failure.notWhole("2.55")) { try AmountUnit.rial.parse("2.55") }
        #expect(throws: NumberText.Failure.notWhole("0.0001")) { try AmountUnit.thousandRial.parse("0.0001") }
    }

    @Test func amountsBeyondSixtyFourBitsAreRejected() {
        #expect(throws: NumberText.Failure.self) { try AmountUnit.billionRial.parse("10000000000") }
    }

    @Test func arithmeticIsCheckedAndExact() throws {
        let big = Money(rials: Int64.max - 1)
        #expect(try big.adding(Money(rials: 1)) == Money(rials: Int64.max))
        #expect(throws: Money.Overflow.self) { try big.adding(Money(rials: 2)) }
        #expect(throws: Money.Overflow.self) { try Money(rials: Int64.min).subtracting(Money(rials: 1)) }
        #expect(throws: Money.Overflow.self) { try Money(rials: Int64.max / 2 + 1).multiplied(by: 2) }
        let parts = (1...1000).map { Money(rials: Int64($0) * 1_000_000_007) }
        #expect(try Money.sum(parts) == Money(rials: 500_500 * 1_000_000_007))
    }

    @Test func unitAmountsAreExactDecimals() {
        #expect(AmountUnit.billionRial.amount(of: Money(rials: 1_234_500_000)) == Decimal(string: "1.2345")!)
    }
}

@Suite struct FiscalYearTests {
    @Test func jalaliYearStartsOnFarvardinFirst() {
        // 1 Farvardin 1403 = 20 March 2024; 1 Farvardin 1404 = 21 March 2025.
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "Asia/Tehran")!
        let start1403 = gregorian.dateComponents([.year, .month, .day], from: FiscalYear(1403).start)
        #expect(start1403.year == 2024 && start1403.month == 3 && start1403.day == 20)
        let start1404 = gregorian.dateComponents([.year, .month, .day], from: FiscalYear(1404).start)
        #expect(start1404.year == 2025 && start1404.month == 3 && start1404.day == 21)
        let dayBefore = gregorian.date(from: DateComponents(year: 2025, month: 3, day: 20, hour: 12))!
        #expect(FiscalYear.containing(dayBefore) == FiscalYear(1403))
    }

    @Test func plausibility() {
        #expect(FiscalYear(1403).isPlausible)
        #expect(!FiscalYear(14033).isPlausible)
        #expect(!FiscalYear(2024).isPlausible)
        #expect(FiscalYear(2024, calendar: .gregorian).isPlausible)
    }
}

@Suite struct ClassificationTests {
    @Test func economicClassesInBothLanguages() {
        #expect(EconomicClass.parse("capital") == .capital)
        #expect(EconomicClass.parse("تملك دارايي هاي سرمايه اي") == .capital)
        #expect(EconomicClass.parse("هزینه‌ای") == .current)
        #expect(EconomicClass.parse("تملک دارایی‌های مالی") == .financial)
        #expect(EconomicClass.parse("عمرانی") == .capital)
        #expect(EconomicClass.parse("salaries") == nil)
    }

    @Test func revenueClassesByCodeNameOrRegulationNumber() {
        #expect(RevenueClass.parse("capital-asset-sales") == .capitalAssetSales)
        #expect(RevenueClass.parse("۱۰۰۰") == .generalFees)
        #expect(RevenueClass.parse("عوارض اختصاصی") == .specificFees)
        #expect(RevenueClass.generalFees.isFee && !RevenueClass.grants.isFee)
        #expect(!RevenueClass.capitalAssetSales.sustainableByDefault)
    }

    @Test func functionsMatchByCodeOrPersianName() {
        let found = BudgetFunction.find("خدمات شهري و محيط زيست", in: BudgetFunction.defaults)
        #expect(found?.code == "urban_services_environment")
        #expect(BudgetFunction.find("transport_traffic", in: BudgetFunction.defaults)?.nameFa == "حمل‌ونقل و ترافیک")
    }
}

@Suite struct BudgetBookTests {
    private func book(_ lines: [BudgetLine]) -> BudgetBook {
        BudgetBook(metadata: BookMetadata(name: "t", title: "T"), budgetLines: lines)
    }

    @Test func contentHashIgnoresRowOrderButNotContent() {
        let a = BudgetLine(year: 1403, lineId: "1", department: "d", regionCode: "1", function: "urban_planning",
                           economicClass: .current, approved: Money(rials: 10))
        var b = a
        b.lineId = "2"
        #expect(book([a, b]).contentHash == book([b, a]).contentHash)
        var changed = b
        changed.approved = Money(rials: 11)
        #expect(book([a, b]).contentHash != book([a, changed]).contentHash)
        #expect(book([a]).contentHash.count == 64)
    }
}
