import Foundation
import TarazuCore
import TarazuTabular

/// Writes a book with entities as municipalities publish it: an .xlsx workbook with the book's reference tables
/// (functions, regions, entities, projects, authorizations, deflator) and one sources-and-uses sheet per entity,
/// named by the entity's code, with Persian headers and each year's stated totals («جمع منابع», «جمع مصارف»).
/// ``BookLoader`` reads it back into the same book (line ids become `ENTITY/ID`).
public enum EntityWorkbookWriter {
    /// The sheet's Persian headers, in order.
    static let header = ["بخش", "سال", "ردیف", "عنوان", "واحد", "کد منطقه", "مأموریت", "کد پروژه", "طبقه اقتصادی", "پیش‌بینی‌نشده",
                         "طبقه درآمد", "پایدار", "دستگاه طرف انتقال", "مصوب", "اصلاحیه", "عملکرد"]

    /// Why a book cannot be written as a per-entity workbook.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The workbook of `book` with amounts in `unit`; throws when the book has no entities or an amount is not whole in `unit`.
    public static func workbook(_ book: BudgetBook, unit: AmountUnit) throws -> Data {
        guard !book.entities.isEmpty else { throw Failure(description: "the book has no entities: write it as a book folder instead") }
        var sheets: [RawTable] = []
        let reference: Set<String> = ["functions", "regions", "entities", "projects", "authorizations", "deflator"]
        for table in BookWriterTable.tables(of: book, unit: unit) where reference.contains(table.name) && table.isWritten {
            sheets.append(RawTable(source: table.name, name: table.name, header: table.fields.map(\.name),
                                   rows: (0..<table.rowCount).map { RawRow(line: $0 + 2, cells: table.row($0)) }))
        }
        let per = unit.rialsPerUnit
        func amount(_ money: Money?) throws -> String {
            guard let money else { return "" }
            guard money.rials % per == 0 else {
                throw Failure(description: "\(money.rials) rials is not a whole number of \(unit.rawValue); choose a smaller unit")
            }
            return String(money.rials / per)
        }
        // Classes, functions and yes/no in Persian, as the published tables write them (the reader takes both).
        let functionNames = Dictionary(book.functions.map { ($0.code, $0.nameFa) }, uniquingKeysWith: { first, _ in first })
        let lines = Dictionary(grouping: book.budgetLinesWithTransfers, by: { $0.entityCode ?? "" })
        let revenues = Dictionary(grouping: book.revenuesWithTransfers, by: { $0.entityCode ?? "" })
        for entity in book.entities {
            var rows: [[String]] = []
            let own = lines[entity.code] ?? [], sources = revenues[entity.code] ?? []
            for year in Set(own.map(\.year) + sources.map(\.year)).sorted() {
                var totalSources: Int64 = 0, totalUses: Int64 = 0
                for line in sources where line.year == year {
                    totalSources += line.approved.rials
                    rows.append(["منابع", String(year), localId(line.lineId, entity), "", "", line.regionCode ?? "", "", "", "",
                                 "", line.revenueClass.nameFa, line.sustainable ? "بله" : "خیر", line.counterpartEntityCode ?? "",
                                 try amount(line.approved), try amount(line.revised), try amount(line.realized)])
                }
                rows.append(["جمع منابع", String(year)] + Array(repeating: "", count: 11) + [try amount(Money(rials: totalSources)), "", ""])
                for line in own where line.year == year {
                    totalUses += line.approved.rials
                    rows.append(["مصارف", String(year), localId(line.lineId, entity), line.program ?? "", line.department, line.regionCode,
                                 functionNames[line.function] ?? line.function, line.projectId ?? "", line.economicClass.nameFa,
                                 line.isContingency ? "بله" : "خیر",
                                 "", "", line.counterpartEntityCode ?? "",
                                 try amount(line.approved), try amount(line.revised), try amount(line.realized)])
                }
                rows.append(["جمع مصارف", String(year)] + Array(repeating: "", count: 11) + [try amount(Money(rials: totalUses)), "", ""])
            }
            sheets.append(RawTable(source: entity.code, name: entity.code, header: header,
                                   rows: rows.enumerated().map { RawRow(line: $0.offset + 2, cells: $0.element) }))
        }
        let metadata = book.metadata
        let settings: [(String, String?)] = [
            ("title", metadata.title), ("title_fa", metadata.titleFa), ("description", metadata.description),
            ("description_fa", metadata.descriptionFa), ("city_fa", metadata.cityFa), ("city_en", metadata.cityEn),
            ("amount_unit", unit.rawValue), ("calendar", metadata.calendar.rawValue),
        ]
        let present = settings.compactMap { key, value in value.map { [key, $0] } }
        sheets.append(RawTable(source: "metadata", name: "metadata", header: ["name", metadata.name],
                               rows: present.enumerated().map { RawRow(line: $0.offset + 2, cells: $0.element) }))
        if let governance = book.governanceYAML {
            // One line of governance.yaml per row, so it reads in a spreadsheet; the reader joins them back.
            let lines = governance.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            sheets.append(RawTable(source: "governance", name: "governance", header: ["governance.yaml"],
                                   rows: lines.enumerated().map { RawRow(line: $0.offset + 2, cells: [$0.element]) }))
        }
        return try XLSXWriter.write(sheets)
    }

    /// A line id as the entity's own table numbers it: without the `ENTITY/` prefix the reader adds.
    private static func localId(_ id: String, _ entity: Entity) -> String {
        id.hasPrefix(entity.code + "/") ? String(id.dropFirst(entity.code.count + 1)) : id
    }
}
