import Foundation
import TarazuAnalysis
import TarazuCore
@testable import TarazuReport

/// A small hand-made book (3 years, 3 regions plus the centre, 3 functions, a few revenue lines),
/// with hand-made indicators and a hand-made assessment, so that golden files do not move when the
/// indicator engine or the rubric changes.
enum ReportFixture {
    static func billions(_ amount: Int64) -> Money { Money(rials: amount * 1_000_000_000) }
    static func ratio(_ text: String) -> IndicatorValue { .decimal(Decimal(string: text)!) }

    /// The region with a name that needs escaping.
    static let trickyRegionFa = "منطقه <&> آزمون"
    static let trickyRegionEn = "Region <&> \"test\""

    static var book: BudgetBook {
        let functions = [
            BudgetFunction(code: "social_cultural", nameFa: "اجتماعی و فرهنگی", nameEn: "Social and cultural"),
            BudgetFunction(code: "transport_traffic", nameFa: "حمل‌ونقل و ترافیک", nameEn: "Transport and traffic"),
            BudgetFunction(code: "urban_services_environment", nameFa: "خدمات شهری و محیط زیست", nameEn: "Urban services and environment"),
        ]
        let regions = [
            Region(code: "0", nameFa: "ستاد", nameEn: "Central", population: 0),
            Region(code: "1", nameFa: "منطقه یک", nameEn: "Region 1", population: 200_000),
            Region(code: "2", nameFa: "منطقه دو", nameEn: "Region 2", population: 150_000),
            Region(code: "3", nameFa: trickyRegionFa, nameEn: trickyRegionEn, population: 50_000),
        ]
        var lines: [BudgetLine] = []
        // (year, function, region, class, approved, realized) in billions of rials.
        let rows: [(Int, String, String, EconomicClass, Int64, Int64?)] = [
            (1401, "social_cultural", "1", .current, 300, 270),
            (1401, "transport_traffic", "2", .capital, 500, 350),
            (1401, "urban_services_environment", "0", .current, 200, 190),
            (1402, "social_cultural", "1", .current, 350, 320),
            (1402, "transport_traffic", "2", .capital, 600, 420),
            (1402, "urban_services_environment", "3", .capital, 250, 160),
            (1403, "social_cultural", "1", .current, 400, 380),
            (1403, "transport_traffic", "2", .capital, 800, 520),
            (1403, "urban_services_environment", "3", .capital, 300, 150),
            (1403, "urban_services_environment", "0", .current, 100, nil),
        ]
        for (index, row) in rows.enumerated() {
            lines.append(BudgetLine(year: row.0, lineId: "L\(index + 1)", department: "D", regionCode: row.2, function: row.1,
                                    economicClass: row.3, approved: billions(row.4), realized: row.5.map(billions)))
        }
        let revenues = [
            RevenueLine(year: 1403, lineId: "R1", revenueClass: .generalFees, sustainable: false, approved: billions(700), realized: billions(600)),
            RevenueLine(year: 1403, lineId: "R2", revenueClass: .serviceCharges, sustainable: true, approved: billions(300), realized: billions(250)),
            RevenueLine(year: 1403, lineId: "R3", revenueClass: .capitalAssetSales, regionCode: "1", sustainable: false,
                        approved: billions(400), realized: billions(150)),
            RevenueLine(year: 1402, lineId: "R4", revenueClass: .generalFees, sustainable: false, approved: billions(600), realized: billions(580)),
        ]
        let metadata = BookMetadata(name: "testville", title: "Testville budget book", cityFa: "آزمون‌آباد", cityEn: "Testville",
                                    description: "Illustrative amounts for tests: not real data.")
        return BudgetBook(metadata: metadata, functions: functions, regions: regions, budgetLines: lines, revenues: revenues,
                          governanceYAML: "source: \"Council secretariat\"\nfacts:\n  council_dashboards:\n    value: false\n    note: \"Letter 152 of the council secretariat, 1403\"\n")
    }

    static var indicators: [Indicator] {
        func yearRecord(_ outturn: String, _ grade: String, key: String = "outturn") -> IndicatorValue {
            .record([key: ratio(outturn), "grade": .grade(grade)])
        }
        return [
            Indicator(id: "execution.rate.total", nameFa: "نرخ تحقق کل بودجه هزینه‌ای", nameEn: "Budget execution rate (total)",
                      formula: Bilingual(fa: "جمع عملکرد ÷ جمع اعتبار مصوب", en: "sum(realized) / sum(approved)"), unit: "ratio", value: ratio("0.7")),
            Indicator(id: "execution.rate.by_function", nameFa: "نرخ تحقق بودجه به تفکیک مأموریت", nameEn: "Budget execution rate by function",
                      formula: Bilingual(fa: "جمع عملکرد ÷ جمع اعتبار مصوب، جداگانه برای هر مأموریت", en: "sum(realized) / sum(approved) per function"), unit: "ratio", value: ratio("0.7"),
                      breakdown: ["social_cultural": ratio("0.95"), "transport_traffic": ratio("0.65"),
                                  "urban_services_environment": ratio("0.375")]),
            Indicator(id: "equity.per_capita.by_region", nameFa: "سرانه بودجه به تفکیک منطقه", nameEn: "Per capita budget by region",
                      formula: Bilingual(fa: "عملکرد ÷ جمعیت، برای هر منطقه", en: "realized / population per region"), unit: "rials_per_person", value: ratio("2625000"),
                      breakdown: [
                          "1": .record(["total": ratio("1900000"), "capital": ratio("0"), "population": .count(200_000)]),
                          "2": .record(["total": ratio("3466666.67"), "capital": ratio("3466666.67"), "population": .count(150_000)]),
                          "3": .record(["total": ratio("3000000"), "capital": ratio("3000000"), "population": .count(50_000),
                                                "outlier": .flag(true)]),
                      ]),
            Indicator(id: "pefa.pi1", nameFa: "تحقق کل هزینه‌ها (PI-1)", nameEn: "Aggregate expenditure outturn (PI-1)",
                      formula: Bilingual(fa: "عملکرد ÷ بودجه در هر سال؛ رتبهٔ بدتر در دو سال از سه سال", en: "actual / budget per year; grade of the worst two of three years"), unit: "score", value: .grade("D"),
                      breakdown: ["1401": yearRecord("0.81", "C"), "1402": yearRecord("0.75", "D"), "1403": yearRecord("0.7", "D")]),
            Indicator(id: "pefa.pi2.1", nameFa: "واریانس ترکیب هزینه‌ها به تفکیک مأموریت (PI-2.1)", nameEn: "Expenditure composition by function (PI-2.1)",
                      formula: Bilingual(fa: "\u{2066}Σ|a_i − r·b_i| ÷ Σ r·b_i\u{2069}", en: "sum |actual - adjusted budget| / adjusted budget"), unit: "score", value: .grade("C"),
                      breakdown: ["1401": yearRecord("0.12", "C", key: "composition_variance"),
                                  "1402": yearRecord("0.09", "B", key: "composition_variance"),
                                  "1403": yearRecord("0.1408", "C", key: "composition_variance")]),
            Indicator(id: "pefa.pi2", nameFa: "ترکیب هزینه‌ها (PI-2)", nameEn: "Expenditure composition outturn (PI-2)",
                      formula: Bilingual(fa: "روش ضعیف‌ترین حلقه روی ابعاد ۲-۱، ۲-۲ و ۲-۳", en: "M1 of PI-2.1, PI-2.2, PI-2.3"), unit: "score", value: .grade("C"),
                      breakdown: ["pi2.1": .grade("C"), "pi2.2": .grade("B"), "pi2.3": .grade("A")]),
            Indicator(id: "revenue.fees_share", nameFa: "سهم عوارض از درآمدها", nameEn: "Share of fees in revenue",
                      formula: Bilingual(fa: "عوارض ÷ کل درآمدها", en: "fees / all revenue"), unit: "ratio", value: ratio("0.6"),
                      breakdown: ["approved": ratio("0.5"), "realized": ratio("0.6")]),
            Indicator(id: "compliance.asset_sales_over_authorization", nameFa: "فروش دارایی فراتر از مجوز شورا",
                      nameEn: "Asset sales beyond council authorization", formula: Bilingual(fa: "جمع تفاضل‌های مثبت عملکرد و مجوز شورا", en: "sum(max(0, realized - authorized))"),
                      unit: "rials", value: .rials(0), breakdown: ["regions_over": .count(0), "total_excess": .rials(0)]),
            Indicator(id: "data_quality.completeness", nameFa: "کامل بودن داده‌ها", nameEn: "Data completeness",
                      formula: Bilingual(fa: "ردیف‌های دارای عملکرد ÷ همهٔ ردیف‌ها", en: "lines with realized / all lines"), unit: "ratio", value: ratio("0.9"),
                      breakdown: ["budget_lines": ratio("0.9"), "missing_realized": .count(1)]),
            Indicator(id: "transparency.council_dashboards", nameFa: "داشبورد تحلیلی شورا", nameEn: "Council analytical dashboards",
                      formula: Bilingual(fa: "اظهارشده در کتاب بودجه", en: "declared in governance.yaml"), unit: "flag", value: .flag(false), basis: .declared),
        ]
    }

    static let labels: [Status: Bilingual] = [
        .strong: Bilingual(fa: "قوی", en: "Strong"), .adequate: Bilingual(fa: "مناسب", en: "Adequate"),
        .partial: Bilingual(fa: "ناقص", en: "Partial"), .weak: Bilingual(fa: "ضعیف", en: "Weak"),
        .absent: Bilingual(fa: "وجود ندارد", en: "Absent"),
    ]

    static var assessment: Assessment {
        let lenses = [
            Lens(id: "integrated_urban_management", name: Bilingual(fa: "مدیریت یکپارچه شهری", en: "Integrated Urban Management"),
                 concept: Bilingual(fa: "همه بخش‌های شهرداری هماهنگ عمل کنند و همه مناطق به‌طور منصفانه از منابع بهره‌مند شوند.",
                                    en: "All parts of the municipality act in a coordinated way and all regions benefit fairly from resources."),
                 aspects: [Bilingual(fa: "هماهنگی میان بخش‌ها", en: "Coordination between departments"),
                           Bilingual(fa: "توزیع عادلانه منابع میان مناطق", en: "Fair distribution of resources between regions")]),
            Lens(id: "data_driven_governance", name: Bilingual(fa: "حکمرانی داده‌محور", en: "Data-Driven Governance"),
                 concept: Bilingual(fa: "هر تصمیم مهم باید بر داده‌های دقیق، به‌روز، متصل و قابل تحلیل استوار باشد.",
                                    en: "Every important decision must rest on accurate, up-to-date, connected and analyzable data."),
                 aspects: []),
        ]
        let outturn = CheckResult(
            id: "aggregate_outturn", name: Bilingual(fa: "تحقق کل هزینه‌ها (PEFA PI-1)", en: "Aggregate expenditure outturn (PEFA PI-1)"),
            indicator: "pefa.pi1", basis: .data, status: .weak,
            figures: ["value": Figure(value: .grade("D"), unit: "score"), "rate": Figure(value: ratio("0.7"), unit: "ratio"),
                      "year": Figure(value: .count(1403), unit: "year")],
            rule: Bilingual(fa: "امتیاز پفا: A قوی، B مطلوب، C ناقص، D ضعیف", en: "PEFA score: A Strong, B Adequate, C Partial, D Weak"),
            finding: Bilingual(fa: "هزینه‌های تحقق‌یافته از بودجه مصوب فاصله دارد: امتیاز {value} و نرخ تحقق بودجه در سال {year} تنها {rate} است.",
                               en: "Realized spending departs from the approved budget: the score is {value}, and only {rate} of the {year} budget was executed."))
        let assetSales = CheckResult(
            id: "asset_sales", name: Bilingual(fa: "فروش دارایی فراتر از مجوز", en: "Asset sales beyond authorization"),
            indicator: "compliance.asset_sales_over_authorization", basis: .data, status: .strong,
            figures: ["value": Figure(value: .rials(0), unit: "rials")],
            rule: Bilingual(fa: "کمتر بهتر است: قوی تا ۰٫۰ میلیارد ریال، مطلوب تا ۱٫۰ میلیارد ریال", en: "lower is better: Strong ≤ 0.0 billion rials, Adequate ≤ 1.0 billion rials"),
            finding: Bilingual(fa: "هیچ منطقه‌ای بیش از مجوز شورا دارایی نفروخته است.", en: "No region sold assets beyond the council's authorization."))
        let composition = CheckResult(
            id: "composition", name: Bilingual(fa: "واریانس ترکیب هزینه‌ها", en: "Composition variance by function"),
            indicator: "pefa.pi2.1", basis: .data, status: .partial,
            figures: ["value": Figure(value: ratio("0.1408"), unit: "ratio")],
            rule: Bilingual(fa: "کمتر بهتر است: قوی تا ۵٫۰٪، مطلوب تا ۱۰٫۰٪، ناقص تا ۱۵٫۰٪، ضعیف تا ۳۰٫۰٪", en: "lower is better: Strong ≤ 5.0 %, Adequate ≤ 10.0 %, Partial ≤ 15.0 %, Weak ≤ 30.0 %"), finding: nil)
        let fees = CheckResult(
            id: "fees", name: Bilingual(fa: "سهم عوارض", en: "Share of fees"), indicator: "revenue.fees_share", basis: .data,
            status: .adequate, figures: ["value": Figure(value: ratio("0.6"), unit: "ratio")], rule: Bilingual(fa: "بیشتر بهتر است: مطلوب از ۵۰٫۰٪", en: "higher is better: Adequate ≥ 50.0 %"),
            finding: Bilingual(fa: "کتاب بودجه سهم عوارض را نشان می‌دهد: {value}.", en: "The book shows the share of fees: {value}."))
        let dashboards = CheckResult(
            id: "council_dashboards", name: Bilingual(fa: "داشبورد تحلیلی شورا", en: "Council analytical dashboards"),
            indicator: "transparency.council_dashboards", basis: .declared, status: .absent,
            figures: ["value": Figure(value: .flag(false), unit: "flag")], rule: Bilingual(fa: "واقعیت اظهارشده (بله یا خیر): بله قوی، خیر وجود ندارد", en: "declared fact (yes or no): yes Strong, no Absent"),
            finding: Bilingual(fa: "شورا داشبورد تحلیلی ندارد (داشبورد: {value}).", en: "The council has no analytical dashboards (dashboards: {value})."),
            note: Bilingual(fa: "Letter 152 of the council secretariat, 1403", en: "Letter 152 of the council secretariat, 1403"))
        let integration = CheckResult(
            id: "integration", name: Bilingual(fa: "یکپارچگی سامانه‌ها", en: "Integration of systems"),
            indicator: "data_quality.integration", basis: .data, status: nil, figures: [:], rule: Bilingual(fa: "بیشتر بهتر است: قوی از ۸۰٫۰٪", en: "higher is better: Strong ≥ 80.0 %"),
            finding: nil)
        let criteria = [
            CriterionResult(id: "institutional_coherence", lens: "integrated_urban_management",
                            name: Bilingual(fa: "انسجام نهادی", en: "Institutional coherence"), status: .partial,
                            verdict: Bilingual(fa: "ناقص؛ هماهنگی میان شورا و شهرداری در برخی حوزه‌ها برقرار نیست",
                                               en: "Partial; council and municipality are not coordinated in some areas"),
                            reasoning: Bilingual(fa: "میانگین امتیاز ۲ آزمون سنجیده‌شده ۲٫۵۰ از ۴ است؛ نتیجه: ناقص", en: "the mean score of 2 assessed checks is 2.50 of 4: Partial"), checks: [outturn, assetSales]),
            CriterionResult(id: "project_prioritization", lens: "integrated_urban_management",
                            name: Bilingual(fa: "اولویت‌گذاری پروژه‌ها", en: "Project prioritization"), status: .partial,
                            verdict: Bilingual(fa: "ناقص، متمرکز و نامتعادل", en: "Incomplete, centralized and unbalanced"),
                            reasoning: Bilingual(fa: "میانگین امتیاز ۱ آزمون سنجیده‌شده ۲ از ۴ است؛ نتیجه: ناقص", en: "the mean score of 1 assessed check is 2 of 4: Partial"), checks: [composition]),
            CriterionResult(id: "data_infrastructure", lens: "data_driven_governance",
                            name: Bilingual(fa: "زیرساخت داده‌ای", en: "Data infrastructure"), status: nil, verdict: nil,
                            reasoning: Bilingual(fa: "هیچ آزمونی رقم نداشت؛ سنجیده نشده", en: "no check could be assessed: not assessed"), checks: [integration]),
            CriterionResult(id: "transparency", lens: "data_driven_governance",
                            name: Bilingual(fa: "شفافیت در تصمیم‌سازی", en: "Transparency in decision making"), status: .weak,
                            verdict: Bilingual(fa: "محدود به آمار، بدون تحلیل سیاستی", en: "Limited to statistics, without policy analysis"),
                            reasoning: Bilingual(fa: "میانگین امتیاز ۲ آزمون سنجیده‌شده ۱٫۵۰ از ۴ است؛ نتیجه: ضعیف", en: "the mean score of 2 assessed checks is 1.50 of 4: Weak"), checks: [fees, dashboards]),
        ]
        let recommendations = [
            Recommendation(id: "realistic_composition", criterion: "project_prioritization", check: "composition",
                           text: Bilingual(fa: "ترکیب بودجه بر پایه اولویت‌های مصوب شورا بسته شود؛ هدف: {target}.",
                                           en: "Set the budget's composition from the council's approved priorities; target: {target}."),
                           target: Target(indicator: "pefa.pi2.1", figure: "breakdown.1405.composition_variance",
                                          subject: Bilingual(fa: "واریانس ترکیب هزینه‌ها میان مأموریت‌ها", en: "the variance of the expenditure composition by function"), comparison: .below,
                                          value: ratio("0.1"), unit: "ratio", byYear: 1405)),
            Recommendation(id: "dashboards", criterion: "transparency", check: "council_dashboards",
                           text: Bilingual(fa: "داشبورد تحلیلی شورا تا پایان سال {year} راه‌اندازی شود.",
                                           en: "Install analytical dashboards in the council by the end of {year}."),
                           target: Target(indicator: "transparency.council_dashboards", figure: "value",
                                          subject: Bilingual(fa: "راه‌اندازی داشبورد تحلیلی برای شورا", en: "set up analytical dashboards for the council"), comparison: .equals,
                                          value: .flag(true), unit: "flag", byYear: 1404)),
        ]
        return Assessment(rubric: "tarazu-governance", rubricVersion: "1.0.0", year: 1403, lenses: lenses, statusLabels: labels,
                          criteria: criteria, recommendations: recommendations)
    }

    static var input: ReportInput {
        ReportInput(book: book, year: 1403, indicators: indicators, assessment: assessment, softwareVersion: "0.1.0-test")
    }
}
