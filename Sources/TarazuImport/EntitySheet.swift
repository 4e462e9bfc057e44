import Foundation
import TarazuCore
import TarazuTabular

/// One entity's sources-and-uses table as municipal budgets are published: a sheet (or CSV file) per entity,
/// named by the entity's code or Persian name, whose rows are sources (منابع) or uses (مصارف), optionally
/// with the stated totals («جمع منابع», «جمع مصارف»). ``split(_:entity:log:)`` turns it into rows of the book's
/// budget_lines and revenues tables, keeping the sheet's row numbers, so every error names the sheet and row.
struct EntitySheet {
    /// What a row of the table is.
    enum Section {
        case uses, sources, totalUses, totalSources

        static func parse(_ text: String) -> Section? {
            switch PersianText.key(text).replacingOccurrences(of: " ", with: "_") {
            case "uses", "use", "expenditure", "مصارف", "مصرف", "هزینه": .uses
            case "sources", "source", "revenue", "منابع", "منبع", "درآمد": .sources
            case "total_uses", "جمع_مصارف", "جمع_کل_مصارف": .totalUses
            case "total_sources", "جمع_منابع", "جمع_کل_منابع": .totalSources
            default: nil
            }
        }
    }

    /// A stated total: the row it is on and its approved amount as written.
    struct StatedTotal {
        var row: Int
        var approved: String
    }

    static let columns: [BookColumn] = [
        BookColumn("section", ["بخش"], required: true), BookColumn("year", ["سال"], required: true),
        BookColumn("line_id", ["شناسه", "ردیف"]), BookColumn("title", ["عنوان", "شرح", "برنامه"]),
        BookColumn("department", ["واحد", "معاونت"]), BookColumn("region_code", ["کد منطقه", "منطقه"]),
        BookColumn("function", ["مأموریت"]), BookColumn("project_id", ["کد پروژه"]),
        BookColumn("economic_class", ["طبقه اقتصادی"]), BookColumn("is_contingency", ["پیش‌بینی‌نشده", "پیش‌بینی نشده"]),
        BookColumn("revenue_class", ["طبقه درآمد"]), BookColumn("sustainable", ["پایدار"]),
        BookColumn("counterpart_entity_code", ["دستگاه طرف انتقال"]),
        BookColumn("approved", ["مصوب"], required: true), BookColumn("revised", ["اصلاحیه", "متمم"]),
        BookColumn("realized", ["عملکرد"]),
    ]

    var uses: RawTable
    var sources: RawTable
    /// Per year, the stated totals.
    var totalUses: [Int: StatedTotal] = [:]
    var totalSources: [Int: StatedTotal] = [:]
    /// The sheet's header row, where a table without stated totals is located.
    var headerRow: Int

    /// The entity a sheet stands for: its name is the entity's code or Persian name.
    static func entity(named name: String, in entities: [Entity]) -> Entity? {
        let key = PersianText.key(name)
        return entities.first { PersianText.key($0.code) == key } ?? entities.first { PersianText.key($0.nameFa) == key }
    }

    /// The sheet as budget-line and revenue rows of `entity`, or nil when its header lacks a required column.
    /// Line ids become `ENTITY/ID`, since each entity numbers its own rows.
    static func split(_ sheet: RawTable, entity: Entity, calendar: BookCalendar, log: inout DiagnosticLog) -> EntitySheet? {
        var index: [String: Int] = [:]
        for (position, header) in sheet.header.enumerated() {
            let key = PersianText.key(header)
            if let column = columns.first(where: { $0.keys.contains(key) }) {
                if index[column.name] != nil {
                    log.error(sheet.source, row: max(1, sheet.headerLine), column: header, "column \(column.name) appears twice")
                } else {
                    index[column.name] = position
                }
            } else if !key.isEmpty {
                log.warning(sheet.source, row: max(1, sheet.headerLine), column: header, "unknown column ignored")
            }
        }
        var complete = true
        for column in columns where column.required && index[column.name] == nil {
            log.error(sheet.source, row: max(1, sheet.headerLine), column: column.name,
                      "required column missing (header \(([column.name] + column.persian).joined(separator: " or ")))")
            complete = false
        }
        guard complete else { return nil }
        func cell(_ row: RawRow, _ column: String) -> String {
            guard let position = index[column], position < row.cells.count else { return "" }
            return PersianText.normalize(row.cells[position])
        }
        let budgetHeader = BookTable.budgetLines.columns.map(\.name)
        let revenueHeader = BookTable.revenues.columns.map(\.name)
        var result = EntitySheet(uses: RawTable(source: sheet.source, name: BookTable.budgetLines.rawValue, headerLine: sheet.headerLine,
                                                header: budgetHeader, rows: []),
                                 sources: RawTable(source: sheet.source, name: BookTable.revenues.rawValue, headerLine: sheet.headerLine,
                                                   header: revenueHeader, rows: []),
                                 headerRow: max(1, sheet.headerLine))
        let region = entity.regionCode ?? Region.centralCode
        for row in sheet.rows {
            let sectionText = cell(row, "section")
            guard let section = Section.parse(sectionText) else {
                log.error(sheet.source, row: row.line, column: "section",
                          sectionText.isEmpty ? "value required (منابع, مصارف, جمع منابع or جمع مصارف)"
                              : "unknown section \"\(sectionText)\" (منابع, مصارف, جمع منابع or جمع مصارف; sources, uses, total_sources, total_uses)")
                continue
            }
            let id = cell(row, "line_id")
            let lineId = id.isEmpty ? "" : entity.code + "/" + PersianText.asciiDigits(id)
            switch section {
            case .totalUses, .totalSources:
                guard let year = Int(PersianText.asciiDigits(cell(row, "year"))), FiscalYear(year, calendar: calendar).isPlausible else {
                    log.error(sheet.source, row: row.line, column: "year", "a total needs the year it closes")
                    continue
                }
                let total = StatedTotal(row: row.line, approved: cell(row, "approved"))
                if section == .totalUses { result.totalUses[year] = total } else { result.totalSources[year] = total }
            case .uses:
                let values: [String: String] = [
                    "year": cell(row, "year"), "line_id": lineId, "department": cell(row, "department").isEmpty ? entity.nameFa : cell(row, "department"),
                    "region_code": cell(row, "region_code").isEmpty ? region : cell(row, "region_code"), "function": cell(row, "function"),
                    "program": cell(row, "title"), "project_id": cell(row, "project_id"), "economic_class": cell(row, "economic_class"),
                    "is_contingency": cell(row, "is_contingency"), "approved": cell(row, "approved"), "revised": cell(row, "revised"),
                    "realized": cell(row, "realized"), "entity_code": entity.code, "counterpart_entity_code": cell(row, "counterpart_entity_code"),
                ]
                result.uses.rows.append(RawRow(line: row.line, cells: budgetHeader.map { values[$0] ?? "" }))
            case .sources:
                let values: [String: String] = [
                    "year": cell(row, "year"), "line_id": lineId, "revenue_class": cell(row, "revenue_class"),
                    "region_code": cell(row, "region_code").isEmpty ? region : cell(row, "region_code"), "sustainable": cell(row, "sustainable"),
                    "approved": cell(row, "approved"), "revised": cell(row, "revised"), "realized": cell(row, "realized"),
                    "entity_code": entity.code, "counterpart_entity_code": cell(row, "counterpart_entity_code"),
                ]
                result.sources.rows.append(RawRow(line: row.line, cells: revenueHeader.map { values[$0] ?? "" }))
            }
        }
        return result
    }

    /// Checks, year by year, that the entity's approved sources equal its uses and that each stated total is
    /// the sum of its rows; each error names the sheet and the row of the total (the header without one).
    func reconcile(uses lines: [BudgetLine], sources revenues: [RevenueLine], unit: AmountUnit, log: inout DiagnosticLog) {
        var spent: [Int: Int64] = [:], raised: [Int: Int64] = [:]
        var overflow = false
        for line in lines {
            let (sum, over) = (spent[line.year] ?? 0).addingReportingOverflow(line.approved.rials)
            spent[line.year] = sum
            overflow = overflow || over
        }
        for line in revenues {
            let (sum, over) = (raised[line.year] ?? 0).addingReportingOverflow(line.approved.rials)
            raised[line.year] = sum
            overflow = overflow || over
        }
        guard !overflow else {
            log.error(uses.source, row: headerRow, column: "approved", "the approved amounts of this table overflow 64-bit rials")
            return
        }
        func shown(_ rials: Int64) -> String { "\(unit.amount(of: Money(rials: rials))) \(unit.rawValue)" }
        for (label, stated, sums) in [("uses", totalUses, spent), ("sources", totalSources, raised)] {
            for (year, total) in stated.sorted(by: { $0.key < $1.key }) {
                let sum = sums[year] ?? 0
                guard let written = try? unit.parse(total.approved) else {
                    log.error(uses.source, row: total.row, column: "approved", "the total of \(label) for \(year) is not an amount: \"\(total.approved)\"")
                    continue
                }
                if written.rials != sum {
                    log.error(uses.source, row: total.row, column: "approved",
                              "the stated total of \(label) for \(year), \(shown(written.rials)), is not the sum of its rows, \(shown(sum))")
                }
            }
        }
        for year in Set(spent.keys).union(raised.keys).sorted() {
            let uses = spent[year] ?? 0, sources = raised[year] ?? 0
            guard uses != sources else { continue }
            let row = totalSources[year]?.row ?? totalUses[year]?.row ?? headerRow
            log.error(self.uses.source, row: row, column: "approved",
                      "the table does not reconcile for \(year): approved sources \(shown(sources)) and uses \(shown(uses)) (difference \(shown(sources - uses)))")
        }
    }
}
