import Foundation
import TarazuCore
import TarazuTabular

/// Reads any Fiscal Data Package 0.3 (a datapackage.json with a `model` or `mapping` and CSV
/// resources) into a `FiscalCube`, generically: measures, dimensions, attributes with `labelfor`
/// and `parent`, and several resources (fact tables with the same columns are concatenated;
/// attributes taken from another resource are joined through the fact table's foreign keys).
public enum FiscalPackageReader {
    /// Values that stand for "no value" in published budgets besides an empty cell
    /// (e.g. "nfp", not for publication, in Australian budget tables).
    public static let missingValueTokens: Set<String> = ["", "nfp", "n/a", "na", "-", "–", "—", "..", "…", "null", "none", "x"]

    /// A read package, with the warnings found on the way.
    public struct Outcome: Sendable {
        public var cube: FiscalCube
        public var descriptor: FiscalPackageDescriptor
        public var warnings: [Diagnostic]
    }

    /// Reads the package whose descriptor is at `url`; its CSV tables are read in `encoding`.
    public static func read(descriptorAt url: URL, encoding: TextEncoding = .automatic,
                            errorCap: Int = 200) throws(InputRejected) -> Outcome {
        let descriptor: FiscalPackageDescriptor
        do {
            descriptor = try FiscalPackageDescriptor.load(url)
        } catch {
            throw InputRejected([error.diagnostic])
        }
        guard let model = descriptor.model else {
            throw InputRejected([Diagnostic(.error, file: descriptor.fileName,
                                            reason: "the package has no model (or mapping): its measures and dimensions are unknown")])
        }
        var log = DiagnosticLog(cap: errorCap)
        let cube = build(model: model, descriptor: descriptor, encoding: encoding, log: &log)
        if log.hasErrors { throw InputRejected(log.report) }
        return Outcome(cube: cube, descriptor: descriptor, warnings: log.report)
    }

    private static func build(model: FiscalModel, descriptor: FiscalPackageDescriptor, encoding: TextEncoding,
                              log: inout DiagnosticLog) -> FiscalCube {
        let refs = model.attributeRefs
        var cube = FiscalCube(name: descriptor.name, model: model, attributeRefs: refs, measureNames: model.measures.map(\.name))
        let named = Set(model.measures.compactMap(\.resource))
        let joined = Set(model.dimensions.flatMap { $0.attributes.compactMap(\.resource) })
        var tables: [String: RawTable] = [:]
        for resource in descriptor.resources where named.isEmpty || named.contains(resource.name) || joined.contains(resource.name) {
            do {
                tables[resource.name] = try descriptor.loadTable(resource, encoding: encoding)
            } catch {
                for diagnostic in error.diagnostics() {
                    log.error(diagnostic.file, row: diagnostic.row, column: diagnostic.column, diagnostic.reason)
                }
            }
        }
        // Fact tables: those the measures name, or else every table that has all the measure columns.
        let factResources = descriptor.resources.filter { resource in
            if !named.isEmpty { return named.contains(resource.name) }
            guard let header = tables[resource.name]?.header else { return false }
            return model.measures.allSatisfy { header.contains($0.source) }
        }
        guard !factResources.isEmpty || log.hasErrors else {
            log.error(descriptor.fileName, "no resource holds the measure columns \(model.measures.map(\.source).joined(separator: ", "))")
            return cube
        }
        for resource in factResources {
            guard let facts = tables[resource.name] else { continue }
            read(facts, resource: resource, model: model, descriptor: descriptor, into: &cube, tables: tables, log: &log)
        }
        return cube
    }

    private static func read(_ facts: RawTable, resource: FiscalPackageDescriptor.Resource, model: FiscalModel,
                             descriptor: FiscalPackageDescriptor, into cube: inout FiscalCube,
                             tables: [String: RawTable], log: inout DiagnosticLog) {
        let columns = ColumnIndex(facts.header)
        // How to get each attribute value: a column of the fact table, or a column of a joined resource.
        var getters: [(RawRow) -> String] = []
        for dimension in model.dimensions {
            for attribute in dimension.attributes {
                let ref = "\(dimension.name).\(attribute.name)"
                if attribute.resource == nil || attribute.resource == resource.name {
                    guard let position = columns[attribute.source] else {
                        log.error(facts.source, row: facts.headerLine, column: attribute.source,
                                  "the column \(attribute.source) named by the model attribute \(ref) is not in the header")
                        continue
                    }
                    getters.append { $0.cells[position] }
                } else if let getter = joinGetter(attribute: attribute, ref: ref, facts: facts, columns: columns, resource: resource,
                                                  descriptor: descriptor, tables: tables, log: &log) {
                    getters.append(getter)
                }
            }
        }
        var measurePositions: [Int] = []
        for measure in model.measures {
            guard let position = columns[measure.source] else {
                log.error(facts.source, row: facts.headerLine, column: measure.source,
                          "the column \(measure.source) of measure \(measure.name) is not in the header")
                continue
            }
            measurePositions.append(position)
        }
        guard !log.hasErrors else { return }
        let formats = model.measures.map { resource.numberFormat(of: $0.source) }
        let missing = missingValueTokens.union(resource.missingValues.map { $0.lowercased() })
        var missingCounts = [Int](repeating: 0, count: measurePositions.count)
        var firstMissing = [Int?](repeating: nil, count: measurePositions.count)
        cube.attributeValues.reserveCapacity(cube.attributeValues.count + facts.rows.count)
        cube.measureValues.reserveCapacity(cube.measureValues.count + facts.rows.count)
        for row in facts.rows {
            var values: [Decimal?] = []
            values.reserveCapacity(measurePositions.count)
            for (index, position) in measurePositions.enumerated() {
                let raw = row.cells[position].trimmingCharacters(in: .whitespaces)
                if missing.contains(raw.lowercased()) {
                    missingCounts[index] += 1
                    if firstMissing[index] == nil { firstMissing[index] = row.line }
                    values.append(nil)
                    continue
                }
                do {
                    values.append(try formats[index].parse(raw))
                } catch {
                    log.error(facts.source, row: row.line, column: model.measures[index].source, "malformed amount: \(error.description)")
                    values.append(nil)
                }
            }
            cube.append(attributes: getters.map { PersianText.normalize($0(row)) }, measures: values)
        }
        for (index, count) in missingCounts.enumerated() where count > 0 {
            log.warning(facts.source, row: firstMissing[index], column: model.measures[index].source,
                        "\(count) rows have no value for measure \(model.measures[index].name) (empty or a not-available mark); they count as no amount")
        }
    }

    /// A getter for an attribute that lives in another resource, through the fact table's foreign key to it.
    private static func joinGetter(attribute: FiscalModel.Attribute, ref: String, facts: RawTable, columns: ColumnIndex,
                                   resource: FiscalPackageDescriptor.Resource, descriptor: FiscalPackageDescriptor,
                                   tables: [String: RawTable], log: inout DiagnosticLog) -> ((RawRow) -> String)? {
        guard let target = descriptor.resources.first(where: { $0.name == attribute.resource }),
              let key = resource.foreignKeys.first(where: { $0.resource == attribute.resource }) else {
            log.error(facts.source, column: attribute.source,
                      "attribute \(ref) comes from resource \(attribute.resource ?? "?") but no foreign key links it to \(resource.name)")
            return nil
        }
        guard let joined = tables[target.name] else { return nil }
        let joinedColumns = ColumnIndex(joined.header)
        let local = key.fields.compactMap { columns[$0] }
        let remote = key.referenceFields.compactMap { joinedColumns[$0] }
        guard local.count == key.fields.count, remote.count == key.referenceFields.count, let valuePosition = joinedColumns[attribute.source] else {
            log.error(joined.source, row: joined.headerLine, column: attribute.source, "cannot join \(ref): key or value column missing")
            return nil
        }
        var lookup: [[String]: String] = [:]
        for row in joined.rows { lookup[remote.map { row.cells[$0] }] = row.cells[valuePosition] }
        return { row in lookup[local.map { row.cells[$0] }] ?? "" }
    }
}

/// Finds a column by its header: exactly, or else ignoring case and surrounding space.
struct ColumnIndex {
    private let exact: [String: Int]
    private let loose: [String: Int]

    init(_ header: [String]) {
        exact = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        loose = Dictionary(header.enumerated().map { (Self.loose($1), $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(_ name: String) -> Int? { exact[name] ?? loose[Self.loose(name)] }

    private static func loose(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
