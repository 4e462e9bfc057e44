import TarazuAnalysis
import TarazuCore

/// The entities of a book and the entity of each line: checks the entities table, gives every line of a
/// book with entities its entity (the default of DESIGN.md section 3 when the row names none), checks
/// every entity and counterpart a line names, and warns of transfers whose two sides disagree.
enum EntityCheck {
    static func resolve(_ book: inout BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        let budgetSource = positions.source(.budgetLines)
        guard !book.entities.isEmpty else {
            for (index, (line, row)) in zip(book.budgetLines, positions.budgetLines).enumerated()
            where line.entityCode != nil || line.counterpartEntityCode != nil {
                log.error(positions.lineSource(.budgetLines, index), row: row, column: line.entityCode != nil ? "entity_code" : "counterpart_entity_code",
                          "the line names an entity but the book has no entities table (entities.csv)")
            }
            for (index, (line, row)) in zip(book.revenues, positions.revenues).enumerated()
            where line.entityCode != nil || line.counterpartEntityCode != nil {
                log.error(positions.lineSource(.revenues, index), row: row, column: line.entityCode != nil ? "entity_code" : "counterpart_entity_code",
                          "the line names an entity but the book has no entities table (entities.csv)")
            }
            return
        }
        checkEntities(book, positions: positions, log: &log)
        let known = Set(book.entities.map(\.code))
        func entity(of code: String?, region: String?, source: String, row: Int) -> String? {
            if let code {
                if !known.contains(code) { log.error(source, row: row, column: "entity_code", "unknown entity \"\(code)\" (not in entities)") }
                return code
            }
            return BudgetBook.defaultEntity(regionCode: region, in: book.entities)
        }
        func counterpart(_ code: String?, of entity: String?, source: String, row: Int) {
            guard let code else { return }
            if !known.contains(code) {
                log.error(source, row: row, column: "counterpart_entity_code", "unknown entity \"\(code)\" (not in entities)")
            } else if code == entity {
                log.error(source, row: row, column: "counterpart_entity_code", "a transfer from entity \"\(code)\" to itself")
            }
        }
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
        var separated = book
        separated.separateTransfers()
        do {
            for mismatch in try TransferReconciliation.mismatches(in: separated) {
                log.warning(budgetSource, column: "counterpart_entity_code",
                            "the two sides of a transfer disagree: " + mismatch.text(.en, entities: book.entities))
            }
        } catch {
            log.error(budgetSource, column: "approved", "transfers: \(error.description)")
        }
    }

    private static func checkEntities(_ book: BudgetBook, positions: RowPositions, log: inout DiagnosticLog) {
        let source = positions.source(.entities)
        let byCode = Dictionary(book.entities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let centrals = zip(book.entities, positions.entities).filter { $0.0.kind == .central }
        if centrals.isEmpty {
            log.error(source, column: "kind", "the entities table has no central entity (kind central): lines without an entity_code belong to it")
        }
        for (_, row) in centrals.dropFirst() {
            log.error(source, row: row, column: "kind", "a second central entity (first at row \(centrals[0].1)): a book has one")
        }
        let regions = Set(book.regions.map(\.code))
        var serving: [String: Int] = [:]
        for (entity, row) in zip(book.entities, positions.entities) {
            if let region = entity.regionCode, region != Region.centralCode, !regions.isEmpty, !regions.contains(region) {
                log.error(source, row: row, column: "region_code", "unknown region code \"\(region)\" (not in regions)")
            }
            if entity.kind == .region {
                if let region = entity.regionCode, region != Region.centralCode {
                    if let first = serving[region] {
                        log.error(source, row: row, column: "region_code", "a second entity of region \(region) (first at row \(first))")
                    } else {
                        serving[region] = row
                    }
                } else {
                    log.error(source, row: row, column: "region_code", "a region's entity needs the region it serves (region_code)")
                }
            }
            guard let parent = entity.parent else { continue }
            if byCode[parent] == nil {
                log.error(source, row: row, column: "parent", "unknown parent entity \"\(parent)\" (not in entities)")
                continue
            }
            var seen: Set<String> = [entity.code]
            var next: String? = parent
            while let code = next {
                if !seen.insert(code).inserted {
                    log.error(source, row: row, column: "parent", "entity \"\(entity.code)\" is its own parent through \"\(code)\"")
                    break
                }
                next = byCode[code]?.parent
            }
        }
    }
}
