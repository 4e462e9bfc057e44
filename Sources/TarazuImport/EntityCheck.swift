import TarazuAnalysis
import TarazuCore

/// The entities of a book and the entity of each line: checks the entities table, gives every line of a
/// book with entities its entity (the default of DESIGN.md section 3 when the row names none), checks
/// every entity and counterpart a line names, and warns of transfers whose two sides disagree.
enum EntityCheck {
    static func resolve(_ book: inout BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        let entitiesFile = positions.sources[.entities] ?? BookTable.entities.fileName
        guard !book.entities.isEmpty else {
            reportEntitiesWithoutTable(book, positions: positions, hasTable: positions.sources[.entities] != nil, log: &log)
            return
        }
        checkEntities(book, positions: positions, log: &log)
        let known = Set(book.entities.map(\.code))
        // The default entity of each region code, looked up once per code rather than once per line.
        var defaults: [String: String?] = [:]
        func entity(of code: String?, region: String?, source: String, row: Int) -> String? {
            if let code {
                // An entity whose own row was rejected is reported there, not again on every line.
                if !known.contains(code), !positions.rejectedEntities.contains(code) {
                    log.error(source, row: row, column: "entity_code", "unknown entity \"\(code)\" (not in \(entitiesFile))")
                }
                return code
            }
            let key = region ?? ""
            if let cached = defaults[key] { return cached }
            let found = BudgetBook.defaultEntity(regionCode: region, in: book.entities)
            defaults[key] = found
            return found
        }
        func counterpart(_ code: String?, of entity: String?, source: String, row: Int) {
            guard let code else { return }
            if !known.contains(code) {
                if !positions.rejectedEntities.contains(code) {
                    log.error(source, row: row, column: "counterpart_entity_code", "unknown entity \"\(code)\" (not in \(entitiesFile))")
                }
            } else if code == entity {
                log.error(source, row: row, column: "counterpart_entity_code", "a transfer from entity \"\(code)\" to itself")
            }
        }
        warnOfMissingEntities(book.budgetLines.map(\.entityCode), table: .budgetLines, positions: positions, log: &log)
        warnOfMissingEntities(book.revenues.map(\.entityCode), table: .revenues, positions: positions, log: &log)
        for (index, row) in zip(book.budgetLines.indices, positions.budgetLines) {
            let line = book.budgetLines[index], source = positions.lineSource(.budgetLines, index)
            book.budgetLines[index].entityCode = entity(of: line.entityCode, region: line.regionCode, source: source, row: row)
            counterpart(line.counterpartEntityCode, of: book.budgetLines[index].entityCode, source: source, row: row)
        }
        for (index, row) in zip(book.revenues.indices, positions.revenues) {
            let line = book.revenues[index], source = positions.lineSource(.revenues, index)
            book.revenues[index].entityCode = entity(of: line.entityCode, region: line.regionCode, source: source, row: row)
            counterpart(line.counterpartEntityCode, of: book.revenues[index].entityCode, source: source, row: row)
        }
        guard !log.hasErrors else { return }
        warnOfMismatches(book, positions: positions, log: &log)
    }

    /// Lines naming an entity in a book without usable entities: one error per table, with the count.
    private static func reportEntitiesWithoutTable(_ book: BudgetBook, positions: RowPositions, hasTable: Bool, log: inout DiagnosticLog) {
        for table in [BookTable.budgetLines, .revenues] {
            let named: [Int] = table == .revenues
                ? book.revenues.indices.filter { book.revenues[$0].entityCode != nil || book.revenues[$0].counterpartEntityCode != nil }
                : book.budgetLines.indices.filter { book.budgetLines[$0].entityCode != nil || book.budgetLines[$0].counterpartEntityCode != nil }
            guard let first = named.first else { continue }
            let rows = table == .revenues ? positions.revenues : positions.budgetLines
            let why = hasTable ? "the entities table has no usable row" : "the book has no entities table (entities.csv)"
            log.error(positions.lineSource(table, first), row: rows[first], column: "entity_code",
                      "\(named.count) line\(named.count == 1 ? "" : "s") name an entity (the first at this row), but \(why)")
        }
    }

    /// In a table where some lines name their entity, the lines that do not are probably omissions: one warning.
    private static func warnOfMissingEntities(_ codes: [String?], table: BookTable, positions: RowPositions, log: inout DiagnosticLog) {
        let missing = codes.indices.filter { codes[$0] == nil }
        guard let first = missing.first, missing.count < codes.count else { return }
        let rows = table == .revenues ? positions.revenues : positions.budgetLines
        log.warning(positions.lineSource(table, first), row: rows[first], column: "entity_code",
                    "\(missing.count) line\(missing.count == 1 ? " gives" : "s give") no entity_code (the first at this row) while the others do; "
                        + "they count as the central administration's, or as their region's municipality's")
    }

    /// Each transfer whose sides disagree, located at the payer's first row and naming the receiver's.
    private static func warnOfMismatches(_ book: BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        var budgetRows: [String: (String, Int)] = [:], revenueRows: [String: (String, Int)] = [:]
        for (index, (line, row)) in zip(book.budgetLines, positions.budgetLines).enumerated() where line.counterpartEntityCode != nil {
            budgetRows["\(line.year)/\(line.lineId)"] = (positions.lineSource(.budgetLines, index), row)
        }
        for (index, (line, row)) in zip(book.revenues, positions.revenues).enumerated() where line.counterpartEntityCode != nil {
            revenueRows["\(line.year)/\(line.lineId)"] = (positions.lineSource(.revenues, index), row)
        }
        // Only the transfers are reconciled: a book of those alone, not a copy of the whole book.
        let transfers = BudgetBook(metadata: book.metadata, transferPayments: book.budgetLines.filter { $0.counterpartEntityCode != nil },
                                   transferReceipts: book.revenues.filter { $0.counterpartEntityCode != nil })
        do {
            for mismatch in try TransferReconciliation.mismatches(in: transfers) {
                let paid = mismatch.paymentLines.first.flatMap { budgetRows["\(mismatch.year)/\($0)"] }
                let received = mismatch.receiptLines.first.flatMap { revenueRows["\(mismatch.year)/\($0)"] }
                let place = paid ?? received ?? (positions.source(.budgetLines), 0)
                let other = paid != nil ? received.map { " (the receiving side: \($0.0) row \($0.1))" } ?? "" : ""
                log.warning(place.0, row: place.1 > 0 ? place.1 : nil, column: "approved",
                            "the two sides of a transfer disagree: " + mismatch.text(.en, entities: book.entities) + other)
            }
        } catch {
            log.error(positions.source(.budgetLines), column: "approved", "transfers: \(error.description)")
        }
    }

    private static func checkEntities(_ book: BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        let source = positions.source(.entities)
        let byCode = Dictionary(book.entities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let rowOf = Dictionary(zip(book.entities.map(\.code), positions.entities), uniquingKeysWith: { first, _ in first })
        let centrals = zip(book.entities, positions.entities).filter { $0.0.kind == .central }
        if centrals.isEmpty {
            log.error(source, column: "kind", "the entities table needs exactly one entity of kind central (lines with no entity_code are assigned to it)")
        }
        for (_, row) in centrals.dropFirst() {
            log.error(source, row: row, column: "kind", "a second entity of kind central (the first at row \(centrals[0].1)): a book has exactly one")
        }
        let regions = Set(book.regions.map(\.code))
        var serving: [String: Int] = [:]
        var inReportedCycle: Set<String> = []
        for (entity, row) in zip(book.entities, positions.entities) {
            if let region = entity.regionCode, region != Region.centralCode, !regions.isEmpty, !regions.contains(region) {
                log.error(source, row: row, column: "region_code", "entity \"\(entity.code)\": unknown region code \"\(region)\" (not in regions)")
            }
            if entity.kind == .region {
                if let region = entity.regionCode, region != Region.centralCode {
                    if let first = serving[region] {
                        log.error(source, row: row, column: "region_code", "entity \"\(entity.code)\": a second entity of region \(region) (the first at row \(first))")
                    } else {
                        serving[region] = row
                    }
                } else {
                    log.error(source, row: row, column: "region_code",
                              "entity \"\(entity.code)\" is of kind region but its region_code is empty: give the code of the region it serves (from regions)")
                }
            }
            guard let parent = entity.parent else { continue }
            if entity.kind == .central {
                log.error(source, row: row, column: "parent", "entity \"\(entity.code)\" is the central administration: it has no parent")
                continue
            }
            if byCode[parent] == nil {
                log.error(source, row: row, column: "parent", "entity \"\(entity.code)\": unknown parent \"\(parent)\" (not in \(source))")
                continue
            }
            // Follow the parents; a cycle is reported once, at the first of its entities, with its whole chain.
            var chain = [entity.code]
            var next: String? = parent
            while let code = next {
                if let start = chain.firstIndex(of: code) {
                    let cycle = Array(chain[start...]) + [code]
                    if inReportedCycle.isDisjoint(with: cycle) {
                        inReportedCycle.formUnion(cycle)
                        let rows = cycle.dropLast().compactMap { rowOf[$0] }.map(String.init).joined(separator: ", ")
                        log.error(source, row: rowOf[cycle[0]], column: "parent",
                                  "parent cycle \(cycle.joined(separator: " → ")) (rows \(rows)): every chain of parents must end at an entity without one")
                    }
                    break
                }
                chain.append(code)
                next = byCode[code]?.parent
            }
        }
    }
}
