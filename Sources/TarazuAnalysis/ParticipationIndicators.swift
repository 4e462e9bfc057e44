import Foundation
import TarazuCore

/// participation.* measured by the store's participatory-budgeting processes of the analysis year.
/// When a year has them they replace what governance.yaml declares (basis `data`), and add the
/// participants per 1,000 residents and the ballots by channel.
enum ParticipationIndicators {
    /// The ids measured here; their declared versions give way.
    static let measuredIds: Set<String> = ["participation.citizen_budgeting", "participation.pb_share"]

    static func all(_ context: AnalysisContext) throws -> [Indicator] {
        let records = context.participation.filter { $0.year == context.year }.sorted { $0.process < $1.process }
        guard !records.isEmpty else { return [] }
        let processes = records.map(\.process)
        let ballots = records.reduce(0) { $0 + $1.ballots }
        let budget = try Money.sum(records.map(\.budget))
        let capital = try LineTotals.of(context.lines.filter { $0.economicClass == .capital })
        let population = context.book.regions.reduce(Int64(0)) { $0 + $1.population }
        var byChannel: [String: Int] = [:]
        var byRegion: [String: Int] = [:]
        for record in records {
            byChannel.merge(record.byChannel, uniquingKeysWith: +)
            byRegion.merge(record.byRegion, uniquingKeysWith: +)
        }
        let ballotSums: [String: IndicatorValue] = ["ballots": .count(ballots)]
        let evidence = Evidence(table: "pb_ballots", key: String(context.year), rows: processes, sums: ballotSums)
        let perThousand: IndicatorValue = population > 0
            ? .decimal(Arithmetic.round(Decimal(ballots) * 1000 / Decimal(population), 4)) : .unavailable
        // What the flag rests on, said beside it: a handful of ballots in a large city is participation, but little.
        let fa = Numerals(language: .fa), en = Numerals(language: .en)
        var measured = evidence
        let rate = FigureText.number(perThousand)
        measured.sums["note_fa"] = .text("شمار آرای فرایندهای بودجه‌ریزی مشارکتی سال: \(fa.integer(Int64(ballots))) رأی"
            + (rate.map { "، یعنی \(fa.fixed($0, places: 3)) رأی در هر هزار نفر" } ?? "") + ".")
        measured.sums["note"] = .text("Ballots in the year's participatory budgeting processes: \(en.integer(Int64(ballots)))"
            + (rate.map { ", \(en.fixed($0, places: 3)) per 1,000 residents" } ?? "") + ".")
        return [
            Indicator(
                id: "participation.citizen_budgeting", nameFa: "مشارکت شهروندان در انتخاب اولویت‌های بودجه",
                nameEn: "Citizen participation in choosing budget priorities",
                formula: Bilingual(fa: "دست‌کم یک رأی در یکی از فرایندهای بودجه‌ریزی مشارکتی سال شمرده شده است",
                                   en: "a participatory-budgeting process of the year counted at least one ballot"),
                unit: "flag", value: .flag(ballots > 0), breakdown: ["ballots": .count(ballots)], evidence: [measured]),
            Indicator(
                id: "participation.pb_share", nameFa: "سهم بودجهٔ عمرانی تعیین‌شده با رأی شهروندان", nameEn: "Share of the capital budget decided by citizens' votes",
                formula: Bilingual(fa: "جمع بودجه‌هایی که در فرایندهای سال به رأی شهروندان گذاشته شد ÷ اعتبار مصوب تملک دارایی‌های سرمایه‌ای (عمرانی) سال",
                                   en: "budgets put to the citizens' vote in the year's processes / approved capital expenditure of the year"),
                unit: "ratio", value: context.ratio(budget, capital.approved),
                breakdown: ["decided_by_citizens": .rials(budget.rials), "capital_approved": .rials(capital.approved.rials)],
                evidence: [Evidence(table: "pb_processes", key: String(context.year), rows: processes,
                                    sums: ["budget": .rials(budget.rials)]),
                           context.evidence(capital, key: EconomicClass.capital.rawValue)]),
            Indicator(
                id: "participation.participants_per_1000", nameFa: "شرکت‌کنندگان به ازای هر هزار نفر",
                nameEn: "Participants per 1,000 residents",
                formula: Bilingual(fa: "شمار آرا (برای هر فرد احرازشده یک رأی) × ۱۰۰۰ ÷ جمعیت مناطق",
                                   en: "ballots (one per verified person) × 1000 / population of the regions"),
                unit: "number", value: perThousand,
                breakdown: ["ballots": .count(ballots), "population": .count(Int(population)),
                            "ballots_by_district": .record(Dictionary(byRegion.map { ($0.key == Region.centralCode ? "citywide" : $0.key, IndicatorValue.count($0.value)) },
                                                                      uniquingKeysWith: { first, _ in first }))],
                evidence: [evidence]),
            Indicator(
                id: "participation.channels", nameFa: "ترکیب درگاه‌های رأی‌دهی", nameEn: "Ballots by channel",
                formula: Bilingual(fa: "شمار آرا به تفکیک درگاهی که از آن رسیده‌اند (وب، پیامک، برگهٔ کاغذی، کیوسک)",
                                   en: "ballots counted by the channel they came through (web, SMS, paper, kiosk)"),
                unit: "record", value: .record(byChannel.mapValues(IndicatorValue.count)), evidence: [evidence]),
        ]
    }
}
