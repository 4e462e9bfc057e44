import Foundation
import TarazuCore

/// What a figure is computed on (its basis): which amounts, which lines, which regions, which years and
/// which prices. Every surface prints ``label`` beside the figure, so two figures that differ only in
/// basis never share a name: a figure on another basis is another indicator with its own id.
public struct ComputedOn: Hashable, Codable, Sendable {
    /// Which amounts the figure reads.
    public enum Amounts: String, Hashable, Codable, Sendable {
        case approved
        case realized
        /// Realized over approved (execution, realization, outturn).
        case realizedAgainstApproved = "realized_against_approved"
        /// Revised or realized against approved (volatility).
        case changesAgainstApproved = "changes_against_approved"
        /// Realized sales against the council's authorizations.
        case realizedAgainstAuthorized = "realized_against_authorized"
        /// Approved amounts of one year against the year before.
        case approvedYearOnYear = "approved_year_on_year"
        /// Not amounts: counts, shares of checks, flags, votes.
        case none
    }

    /// Which lines of the book the figure covers.
    public enum Lines: String, Hashable, Codable, Sendable {
        case spending
        case capitalSpending = "capital_spending"
        /// Spending without the financial class (repayment of loan principal), as PEFA PI-1 counts it.
        case spendingWithoutFinancial = "spending_without_financial"
        /// Spending without contingency lines, as PEFA PI-2 counts it.
        case spendingWithoutContingency = "spending_without_contingency"
        case projectSpending = "project_spending"
        /// Every revenue line, borrowing (sale of financial assets) included.
        case revenue
        case revenueWithoutBorrowing = "revenue_without_borrowing"
        case capitalAssetSales = "capital_asset_sales"
        /// Spending lines that pass money to another entity of the municipal group.
        case transfers
        /// Every table of the book (data quality).
        case wholeBook = "whole_book"
        /// Facts the municipality declares in the book's governance file, not measured.
        case declaredFacts = "declared_facts"
        case participatoryProcesses = "participatory_processes"
        /// Every spending line against every revenue line (borrowing included).
        case spendingAgainstSources = "spending_against_sources"
    }

    /// Which part of the city.
    public enum Regions: String, Hashable, Codable, Sendable {
        /// All lines: the central organisation and every region.
        case wholeCity = "whole_city"
        /// The regions with a population; the central organisation's lines left out.
        case regions
        /// The regions with a population, without outlier regions (population under a set share of the city).
        case regionsWithoutOutliers = "regions_without_outliers"
    }

    /// Which years.
    public enum Years: String, Hashable, Codable, Sendable {
        case analysisYear = "analysis_year"
        /// The analysis year and the one before it.
        case yearOnYear = "year_on_year"
        /// Up to the last three years with realized figures up to the analysis year, at least two (PEFA).
        case lastThreeYears = "last_three_years"
        /// Every year of the book.
        case allYears = "all_years"
    }

    /// Current (nominal) or constant (deflated) prices.
    public enum Prices: String, Hashable, Codable, Sendable {
        case current
        case constant
        /// Both: nominal figures and deflated ones side by side.
        case currentAndConstant = "current_and_constant"
        case none
    }

    /// Whether transfers between the entities of the municipal group are left out.
    public enum Consolidation: String, Hashable, Codable, Sendable {
        /// The book has one budget (no transfers): nothing to leave out, and the label says nothing.
        case single
        /// Consolidated: transfers between entities left out, each rial counted once (the default).
        case withoutDuplicatedFigures = "without_duplicated_figures"
    }

    public var amounts: Amounts
    public var lines: Lines
    public var regions: Regions
    public var years: Years
    public var prices: Prices
    public var consolidation: Consolidation = .single
    /// Whether region code "0" is citywide spending (a book with entities) rather than the central administration.
    public var regionZeroIsCitywide = false

    /// A basis; the defaults are the most common one (the analysis year, the whole city, current prices).
    public init(_ amounts: Amounts, _ lines: Lines, regions: Regions = .wholeCity, years: Years = .analysisYear,
                prices: Prices = .current) {
        self.amounts = amounts
        self.lines = lines
        self.regions = regions
        self.years = years
        self.prices = prices
    }

    /// The basis in words, e.g. «اعتبار مصوب، ردیف‌های عمرانی، مناطق بدون ستاد مرکزی، سال تحلیل، قیمت جاری».
    public var label: Bilingual {
        let parts = [amountsLabel, linesLabel, consolidationLabel, regionsLabel, yearsLabel, pricesLabel].compactMap { $0 }
        return Bilingual(fa: parts.map(\.fa).joined(separator: "، "), en: parts.map(\.en).joined(separator: ", "))
    }

    /// What is approved: an appropriation («اعتبار») for spending, revenue («درآمد») or an amount («رقم», with
    /// borrowing) for sources.
    private var approvedWord: String {
        switch lines {
        case .revenueWithoutBorrowing: "درآمد مصوب"
        case .revenue: "رقم مصوب"
        default: "اعتبار مصوب"
        }
    }

    private var amountsLabel: Bilingual? {
        switch amounts {
        case .approved: Bilingual(fa: approvedWord, en: "approved amounts")
        case .realized: Bilingual(fa: "عملکرد", en: "realized amounts")
        case .realizedAgainstApproved: Bilingual(fa: "عملکرد نسبت به \(approvedWord)", en: "realized against approved")
        case .changesAgainstApproved: Bilingual(fa: "اصلاحیه و عملکرد نسبت به اعتبار مصوب", en: "revised and realized against approved")
        case .realizedAgainstAuthorized: Bilingual(fa: "عملکرد نسبت به مجوز شورا", en: "realized against the council's authorization")
        case .approvedYearOnYear: Bilingual(fa: "اعتبار مصوب سال تحلیل نسبت به سال پیش", en: "approved in the analysis year against the year before")
        case .none: nil
        }
    }

    private var linesLabel: Bilingual {
        switch lines {
        case .spending: Bilingual(fa: "همهٔ ردیف‌های هزینه", en: "all spending lines")
        case .capitalSpending: Bilingual(fa: "ردیف‌های عمرانی", en: "capital lines")
        case .spendingWithoutFinancial: Bilingual(fa: "هزینه‌ها بدون احتساب بازپرداخت اصل وام", en: "spending without loan principal repayment")
        case .spendingWithoutContingency: Bilingual(fa: "هزینه‌ها بدون احتساب اعتبارات پیش‌بینی‌نشده", en: "spending without contingency")
        case .projectSpending: Bilingual(fa: "ردیف‌های پروژه‌ها", en: "project lines")
        case .revenue: Bilingual(fa: "همهٔ منابع (درآمدها و استقراض)", en: "all sources (revenue and borrowing)")
        case .revenueWithoutBorrowing: Bilingual(fa: "درآمدها بدون احتساب استقراض", en: "revenue without borrowing")
        case .capitalAssetSales: Bilingual(fa: "واگذاری دارایی‌های سرمایه‌ای", en: "sales of capital assets")
        case .transfers: Bilingual(fa: "ردیف‌های انتقال به دستگاه‌های دیگر", en: "transfer lines to other entities")
        case .wholeBook: Bilingual(fa: "همهٔ جدول‌های کتاب بودجه", en: "every table of the budget book")
        case .declaredFacts: Bilingual(fa: "اظهارشده در پروندهٔ حکمرانی کتاب؛ از داده‌ها سنجیدنی نیست", en: "declared in the book's governance file; not measurable from the data")
        case .participatoryProcesses: Bilingual(fa: "فرایندهای بودجه‌ریزی مشارکتی", en: "participatory budgeting processes")
        case .spendingAgainstSources: Bilingual(fa: "همهٔ ردیف‌های هزینه در برابر همهٔ منابع، شامل استقراض", en: "all spending lines against all sources, borrowing included")
        }
    }

    private var consolidationLabel: Bilingual? {
        switch consolidation {
        case .single: nil
        case .withoutDuplicatedFigures: ComputedOn.withoutDuplicatedFigures
        }
    }

    /// How every consolidated figure is labelled in a book with transfers between its entities.
    public static let withoutDuplicatedFigures = Bilingual(fa: "بدون احتساب ارقام تکراری", en: "without duplicated figures")
    /// What every page that shows amounts of a book with transfers says of them.
    public static let consolidationNote = Bilingual(
        fa: "مبالغ این صفحه بدون احتساب «ارقام تکراری» است. ارقام تکراری پولی است که یکی از دستگاه‌های شهرداری (ستاد مرکزی، شهرداری‌های مناطق، سازمان‌ها و شرکت‌های تابعه) به دستگاه دیگر می‌دهد و از این رو دو بار در بودجه می‌آید؛ ترازو آن را یک بار می‌شمارد.",
        en: "Amounts on this page are without duplicated figures: money one entity of the municipality (the central administration, the regions' municipalities, the organizations and companies) passes to another appears twice in the budget; Tarazu counts it once.")

    private var regionsLabel: Bilingual? {
        switch regions {
        case .wholeCity: nil
        case .regions:
            regionZeroIsCitywide ? Bilingual(fa: "مناطق شهر، بدون هزینه‌های سطح شهر", en: "the city's regions, citywide spending excluded")
                : Bilingual(fa: "مناطق شهر، بدون احتساب ستاد مرکزی", en: "the city's regions, central organisation excluded")
        case .regionsWithoutOutliers:
            regionZeroIsCitywide ? Bilingual(fa: "مناطق شهر، بدون هزینه‌های سطح شهر و مناطق کم‌جمعیت", en: "the city's regions, citywide spending and outlier regions excluded")
                : Bilingual(fa: "مناطق شهر، بدون احتساب ستاد مرکزی و مناطق کم‌جمعیت", en: "the city's regions, central organisation and outlier regions excluded")
        }
    }

    private var yearsLabel: Bilingual? {
        switch years {
        case .analysisYear, .yearOnYear: nil
        case .lastThreeYears: Bilingual(fa: "حداکثر سه سال اخیرِ دارای رقم عملکرد (دست‌کم دو سال)", en: "up to the last three years with realized figures (at least two)")
        case .allYears: Bilingual(fa: "همهٔ سال‌های کتاب", en: "every year of the book")
        }
    }

    private var pricesLabel: Bilingual? {
        switch prices {
        case .current: Bilingual(fa: "قیمت جاری", en: "current prices")
        case .constant: Bilingual(fa: "قیمت ثابت", en: "constant prices")
        case .currentAndConstant: Bilingual(fa: "قیمت جاری و ثابت", en: "current and constant prices")
        case .none: nil
        }
    }
}
