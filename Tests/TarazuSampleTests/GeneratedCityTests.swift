import Foundation
import Testing
import TarazuCore
@testable import TarazuSample

@Suite("Generated cities")
struct GeneratedCityTests {
    @Test func tenThousandLinesGiveAboutTenThousandLines() {
        let book = SampleCity(lines: 10_000, number: 1, seed: 7).book()
        #expect(book.budgetLines.count >= 9_000 && book.budgetLines.count <= 11_000)
        #expect(Set(book.budgetLines.map(\.lineId)).count == book.budgetLines.count)
    }

    @Test func sameParametersSameBookOtherSeedOtherBook() {
        let book = SampleCity(lines: 2_000, number: 2, seed: 7).book()
        #expect(SampleCity(lines: 2_000, number: 2, seed: 7).book() == book)
        #expect(SampleCity(lines: 2_000, number: 2, seed: 8).book() != book)
    }

    @Test func citiesHaveDistinctNames() {
        let names = SampleCity.cities(4, lines: 1_000, seed: 3).map { $0.book().metadata.name }
        #expect(Set(names).count == 4)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } })
    }

    @Test func generatedCityHasTheSameSituations() throws {
        let book = SampleCity(lines: 5_000, number: 3, seed: 11).book()
        let last = try #require(book.years.last)
        for year in book.years {
            #expect(book.revenues.filter { $0.year == year }.reduce(0) { $0 + $1.approved.rials } == book.approved(year))
        }
        let over = book.regionsOverAuthorization(last)
        #expect(!over.isEmpty && over.count < book.regions.count)
        let use = "urban_services_environment"
        let prices = try #require(book.deflatorIndex(last)) / (try #require(book.deflatorIndex(last - 1)))
        #expect(ratio(book.approved(last) { $0.function == use }, book.approved(last - 1) { $0.function == use }) / prices < 1)
        let perCapita = book.perCapita(last)
        let smallest = try #require(book.regions.min { $0.population < $1.population })
        #expect(perCapita[smallest.code] == perCapita.values.max())
        let capital = ratio(book.approved(last) { $0.economicClass == .capital }, book.approved(last))
        #expect(capital >= Decimal(string: "0.55")! && capital <= Decimal(string: "0.65")!)
    }
}

@Suite("Integer apportionment")
struct AllocationTests {
    @Test func splitIsExactAndProportional() {
        // 10 units by weights 1:1:1 -> 4, 3, 3 (the earliest largest remainder gets the spare unit).
        #expect(Allocation.split(10_000, weights: [1, 1, 1], quantum: 1_000) == [4_000, 3_000, 3_000])
        // 7 units by 5:2 -> exactly 5, 2.
        #expect(Allocation.split(7, weights: [5, 2], quantum: 1) == [5, 2])
        var rng = SplitMix64(seed: 42)
        let weights = (0..<500).map { _ in rng.int(Int64(1)...Int64(1_000_000)) }
        let total: Int64 = 356_000 * 1_000_000_000
        let parts = Allocation.split(total, weights: weights, quantum: 1_000_000)
        #expect(parts.reduce(0, +) == total)
        let weightSum = weights.reduce(0, +)
        for (part, weight) in zip(parts, weights) {
            // Each part is within one quantum of its exact share.
            let exact = Decimal(total) * Decimal(weight) / Decimal(weightSum)
            #expect(abs(Decimal(part) - exact) < 1_000_000)
        }
    }

    @Test func scaleRoundsDownToTheQuantum() {
        #expect(Allocation.scale(5_000_000, permille: 1_333, quantum: 1_000_000) == 6_000_000)
        #expect(Allocation.scale(5_000_000, permille: 1_000, quantum: 1_000_000) == 5_000_000)
    }

    @Test func splitMixIsTheReferenceSequence() {
        // First outputs of SplitMix64 seeded with 0 (Vigna's reference splitmix64.c).
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
