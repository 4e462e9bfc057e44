import TarazuCore

/// A column of a budget-book table: its canonical name and the other headers accepted for it.
public struct BookColumn: Sendable {
    public var name: String
    public var persian: [String]
    public var required: Bool

    init(_ name: String, _ persian: [String] = [], required: Bool = false) {
        self.name = name
        self.persian = persian
        self.required = required
    }

    /// Every header text that names this column, as matching keys.
    var keys: Set<String> {
        var result: Set<String> = [PersianText.key(name), PersianText.key(name.replacingOccurrences(of: "_", with: " "))]
        for alias in persian {
            result.insert(PersianText.key(alias))
            result.insert(PersianText.key("\(name) [\(alias)]"))
            result.insert(PersianText.key("\(alias) [\(name)]"))
        }
        return result
    }
}

/// The tables of a budget book (DESIGN.md section 3) and their columns.
public enum BookTable: String, CaseIterable, Sendable {
    case functions
    case regions
    case entities
    case budgetLines = "budget_lines"
    case revenues
    case projects
    case authorizations
    case deflator

    /// The table's file name in a book folder.
    public var fileName: String { rawValue + ".csv" }

    /// Persian names accepted for the table (sheet names in a workbook, file names).
    public var persianNames: [String] {
        switch self {
        case .functions: ["مأموریت‌ها", "ماموریت ها"]
        case .regions: ["مناطق"]
        case .entities: ["دستگاه‌ها", "دستگاه ها"]
        case .budgetLines: ["ردیف‌های بودجه", "ردیف های بودجه", "هزینه‌ها", "هزینه ها"]
        case .revenues: ["درآمدها"]
        case .projects: ["پروژه‌ها", "پروژه ها"]
        case .authorizations: ["مجوزها", "مجوزهای شورا"]
        case .deflator: ["شاخص قیمت"]
        }
    }

    /// Whether a book must have this table.
    public var isRequired: Bool { self == .budgetLines }

    public var columns: [BookColumn] {
        switch self {
        case .functions:
            [BookColumn("function_code", ["کد مأموریت"], required: true), BookColumn("name_fa", ["نام"], required: true),
             BookColumn("name_en", ["نام انگلیسی"])]
        case .regions:
            [BookColumn("region_code", ["کد منطقه"], required: true), BookColumn("name_fa", ["نام"], required: true),
             BookColumn("name_en", ["نام انگلیسی"]), BookColumn("population", ["جمعیت"], required: true),
             BookColumn("area_km2", ["مساحت"]), BookColumn("zone", ["پهنه"])]
        case .entities:
            [BookColumn("entity_code", ["کد دستگاه"], required: true), BookColumn("kind", ["نوع"], required: true),
             BookColumn("name_fa", ["نام"], required: true), BookColumn("name_en", ["نام انگلیسی"]),
             BookColumn("parent", ["دستگاه بالادست"]), BookColumn("region_code", ["کد منطقه", "منطقه"])]
        case .budgetLines:
            [BookColumn("year", ["سال"], required: true), BookColumn("line_id", ["شناسه"], required: true),
             BookColumn("department", ["واحد", "معاونت"], required: true),
             BookColumn("region_code", ["کد منطقه", "منطقه"], required: true),
             BookColumn("function", ["مأموریت"], required: true), BookColumn("program", ["برنامه"]),
             BookColumn("project_id", ["کد پروژه"]),
             BookColumn("economic_class", ["طبقه اقتصادی"], required: true),
             BookColumn("is_contingency", ["پیش‌بینی‌نشده", "پیش‌بینی نشده"]), BookColumn("approved", ["مصوب"], required: true),
             BookColumn("revised", ["اصلاحیه", "متمم"]), BookColumn("realized", ["عملکرد"], required: true),
             BookColumn("entity_code", ["کد دستگاه"]), BookColumn("counterpart_entity_code", ["دستگاه طرف انتقال"])]
        case .revenues:
            [BookColumn("year", ["سال"], required: true), BookColumn("line_id", ["شناسه"], required: true),
             BookColumn("revenue_class", ["طبقه درآمد"], required: true), BookColumn("region_code", ["کد منطقه", "منطقه"]),
             BookColumn("sustainable", ["پایدار"]), BookColumn("approved", ["مصوب"], required: true),
             BookColumn("revised", ["اصلاحیه", "متمم"]), BookColumn("realized", ["عملکرد"], required: true),
             BookColumn("entity_code", ["کد دستگاه"]), BookColumn("counterpart_entity_code", ["دستگاه طرف انتقال"])]
        case .projects:
            [BookColumn("project_id", ["کد پروژه"], required: true), BookColumn("name_fa", ["نام"], required: true),
             BookColumn("name_en", ["نام انگلیسی"]), BookColumn("region_code", ["کد منطقه", "منطقه"], required: true),
             BookColumn("function", ["مأموریت"], required: true), BookColumn("type", ["نوع"]),
             BookColumn("start_year", ["سال شروع"]), BookColumn("planned_end_year", ["سال پایان"]),
             BookColumn("planned_cost", ["برآورد اولیه"], required: true),
             BookColumn("current_cost_estimate", ["برآورد فعلی"]),
             BookColumn("physical_progress", ["پیشرفت فیزیکی"]), BookColumn("status", ["وضعیت"])]
        case .authorizations:
            [BookColumn("year", ["سال"], required: true), BookColumn("region_code", ["کد منطقه", "منطقه"], required: true),
             BookColumn("kind", ["نوع"], required: true), BookColumn("authorized_amount", ["مبلغ مجاز"], required: true),
             BookColumn("resolution_ref", ["شماره مصوبه"]), BookColumn("resolution_date", ["تاریخ مصوبه"])]
        case .deflator:
            [BookColumn("year", ["سال"], required: true), BookColumn("index", ["شاخص"], required: true)]
        }
    }

    /// Finds the table a file or sheet name stands for ("budget_lines.csv", "Budget Lines", "درآمدها").
    public static func named(_ text: String) -> BookTable? {
        var stem = text
        for ext in [".csv", ".tsv", ".txt", ".json", ".xlsx"] where stem.lowercased().hasSuffix(ext) {
            stem = String(stem.dropLast(ext.count))
        }
        let key = PersianText.key(stem).replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        let spaced = PersianText.key(stem)
        return allCases.first { table in
            table.rawValue == key || table.persianNames.contains { PersianText.key($0) == spaced }
        }
    }
}
