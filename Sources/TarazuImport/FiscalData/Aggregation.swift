import Foundation
import TarazuCore

/// An aggregate query with OpenSpending semantics: sum one measure, grouped by the drilldown
/// attributes, over the facts that pass every cut.
public struct AggregateQuery: Sendable, Equatable {
    /// A cut: facts whose attribute equals one of the values. Cuts on different attributes all apply.
    public struct Cut: Sendable, Equatable {
        public var ref: String
        public var value: String
    }

    public var measure: String
    public var drilldown: [String]
    public var cuts: [Cut]

    public init(measure: String, drilldown: [String] = [], cuts: [Cut] = []) {
        self.measure = measure
        self.drilldown = drilldown
        self.cuts = cuts
    }

    /// Parses the command-line forms: `--drilldown DIM[.ATTR][|...]`, `--cut DIM.ATTR:VALUE[|...]`.
    /// A measure written as `amount.sum` (OpenSpending's aggregates parameter) means `amount`.
    public static func parse(measure: String, drilldown: String?, cut: String?) throws(AggregateError) -> AggregateQuery {
        let name = measure.hasSuffix(".sum") ? String(measure.dropLast(4)) : measure
        let levels = (drilldown ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var cuts: [Cut] = []
        for part in (cut ?? "").split(separator: "|") {
            guard let colon = part.firstIndex(of: ":") else {
                throw AggregateError(reason: "cut \"\(part)\" is not of the form DIM.ATTR:VALUE")
            }
            let ref = part[..<colon].trimmingCharacters(in: .whitespaces)
            let value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !ref.isEmpty else { throw AggregateError(reason: "cut \"\(part)\" names no attribute") }
            cuts.append(Cut(ref: ref, value: PersianText.normalize(value)))
        }
        return AggregateQuery(measure: name, drilldown: levels, cuts: cuts)
    }
}

/// A query that does not fit the data, with the reason and what would fit.
public struct AggregateError: Error, CustomStringConvertible, Sendable {
    public var reason: String
    public var description: String { reason }
}

/// The answer to an aggregate query.
public struct AggregateResult: Sendable, Equatable {
    /// One group: its drilldown values and the exact sum of the measure.
    public struct Cell: Sendable, Equatable {
        public var keys: [String]
        public var value: Decimal
        /// How many facts fell in the group.
        public var count: Int

        public init(keys: [String], value: Decimal, count: Int) {
            self.keys = keys
            self.value = value
            self.count = count
        }
    }

    /// The drilldown attribute references, in output order.
    public var columns: [String]
    public var measure: String
    public var cells: [Cell]
    public var total: Decimal
    public var factCount: Int

    public init(columns: [String], measure: String, cells: [Cell], total: Decimal, factCount: Int) {
        self.columns = columns
        self.measure = measure
        self.cells = cells
        self.total = total
        self.factCount = factCount
    }
}

/// Sums measures of a cube, exactly (Decimal), grouped and filtered as the query says.
public enum Aggregator {
    public static func run(_ query: AggregateQuery, on cube: FiscalCube) throws(AggregateError) -> AggregateResult {
        guard let measureIndex = cube.measureNames.firstIndex(of: query.measure)
            ?? cube.measureNames.firstIndex(where: { $0.lowercased() == query.measure.lowercased() }) else {
            throw AggregateError(reason: "unknown measure \"\(query.measure)\" (measures: \(cube.measureNames.joined(separator: ", ")))")
        }
        var columns: [String] = []
        var positions: [Int] = []
        for level in query.drilldown {
            for ref in try resolve(level, in: cube, expandDimension: true) where !columns.contains(ref) {
                columns.append(ref)
                positions.append(cube.attributeRefs.firstIndex(of: ref)!)
            }
        }
        var cutSets: [(position: Int, values: Set<String>)] = []
        for cut in query.cuts.map({ split($0, in: cube) }) {
            let refs = try resolve(cut.ref, in: cube, expandDimension: true)
            guard refs.count == 1 else {
                throw AggregateError(reason: "cut \"\(cut.ref)\" names a dimension with a composite key: name one attribute (\(refs.joined(separator: ", ")))")
            }
            let position = cube.attributeRefs.firstIndex(of: refs[0])!
            if let existing = cutSets.firstIndex(where: { $0.position == position }) {
                cutSets[existing].values.insert(cut.value)
            } else {
                cutSets.append((position, [cut.value]))
            }
        }
        var groups: [[String]: (sum: Decimal, count: Int)] = [:]
        var total = Decimal.zero
        var factCount = 0
        for (attributes, measures) in zip(cube.attributeValues, cube.measureValues) {
            guard cutSets.allSatisfy({ $0.values.contains(attributes[$0.position]) }) else { continue }
            let key = positions.map { attributes[$0] }
            let value = measures[measureIndex] ?? .zero
            groups[key, default: (.zero, 0)].sum += value
            groups[key, default: (.zero, 0)].count += 1
            total += value
            factCount += 1
        }
        let cells = groups.map { AggregateResult.Cell(keys: $0.key, value: $0.value.sum, count: $0.value.count) }
            .sorted { lhs, rhs in lhs.keys.lexicographicallyPrecedes(rhs.keys, by: naturalOrder) }
        return AggregateResult(columns: columns, measure: cube.measureNames[measureIndex], cells: cells, total: total, factCount: factCount)
    }

    /// Attribute names may contain colons (FDP 1.0 `generic:level1:code`) and so may values (times):
    /// the cut is split at the first colon whose left part names an attribute.
    static func split(_ cut: AggregateQuery.Cut, in cube: FiscalCube) -> AggregateQuery.Cut {
        guard (try? resolve(cut.ref, in: cube, expandDimension: true)) == nil else { return cut }
        let raw = cut.ref + ":" + cut.value
        var index = raw.startIndex
        while let colon = raw[index...].firstIndex(of: ":") {
            let ref = String(raw[..<colon])
            if (try? resolve(ref, in: cube, expandDimension: true)) != nil {
                return AggregateQuery.Cut(ref: ref, value: String(raw[raw.index(after: colon)...]))
            }
            index = raw.index(after: colon)
        }
        return cut
    }

    /// The attribute references a drilldown level or cut names: `dim.attr`, a dimension (its key
    /// attributes), or an attribute name or source column that is unambiguous.
    static func resolve(_ text: String, in cube: FiscalCube, expandDimension: Bool) throws(AggregateError) -> [String] {
        if cube.attributeRefs.contains(text) { return [text] }
        if let dimension = cube.model.dimensions.first(where: { $0.name == text })
            ?? cube.model.dimensions.first(where: { $0.name.lowercased() == text.lowercased() }) {
            return dimension.keyAttributes.map { "\(dimension.name).\($0.name)" }
        }
        let lowered = text.lowercased()
        if let ref = cube.attributeRefs.first(where: { $0.lowercased() == lowered }) { return [ref] }
        var matches: [String] = []
        for dimension in cube.model.dimensions {
            for attribute in dimension.attributes where attribute.name.lowercased() == lowered || attribute.source.lowercased() == lowered {
                matches.append("\(dimension.name).\(attribute.name)")
            }
        }
        if matches.count == 1 { return matches }
        if matches.count > 1 {
            throw AggregateError(reason: "\"\(text)\" is ambiguous: \(matches.joined(separator: ", "))")
        }
        let known = cube.model.dimensions.map(\.name).joined(separator: ", ")
        throw AggregateError(reason: "unknown dimension or attribute \"\(text)\" (dimensions: \(known); attributes: \(cube.attributeRefs.joined(separator: ", ")))")
    }

    /// Numbers compare as numbers ("2" < "10"), everything else as text.
    static func naturalOrder(_ lhs: String, _ rhs: String) -> Bool {
        if let left = Decimal(string: lhs), let right = Decimal(string: rhs), lhs.allSatisfy(\.isNumberLike), rhs.allSatisfy(\.isNumberLike) {
            return left == right ? lhs < rhs : left < right
        }
        return lhs < rhs
    }
}

private extension Character {
    var isNumberLike: Bool { isASCII && (isNumber || self == "." || self == "-") }
}
