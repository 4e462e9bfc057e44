import Foundation
import TarazuCore

extension FiscalModel {
    /// Reads a model from the `model` (or `mapping`) object of a datapackage.json.
    /// Dimensions and measures are ordered by name, attributes key first, since JSON objects have no order.
    static func parse(_ object: [String: Any], file: String) throws(FiscalPackageError) -> FiscalModel {
        guard let measureObjects = object["measures"] as? [String: Any], !measureObjects.isEmpty else {
            throw FiscalPackageError(file: file, reason: "the model has no measures")
        }
        var measures: [Measure] = []
        for name in measureObjects.keys.sorted() {
            guard let spec = measureObjects[name] as? [String: Any] else {
                throw FiscalPackageError(file: file, reason: "measure \(name) is not an object")
            }
            guard let source = spec["source"] as? String else {
                throw FiscalPackageError(file: file, reason: "measure \(name) has no source field")
            }
            measures.append(Measure(name: name, source: source, resource: spec["resource"] as? String,
                                    currency: spec["currency"] as? String, factor: decimal(spec["factor"]),
                                    direction: spec["direction"] as? String, phase: spec["phase"] as? String))
        }
        let dimensionObjects = object["dimensions"] as? [String: Any] ?? [:]
        var dimensions: [Dimension] = []
        for name in dimensionObjects.keys.sorted() {
            guard let spec = dimensionObjects[name] as? [String: Any],
                  let attributeObjects = spec["attributes"] as? [String: Any], !attributeObjects.isEmpty else {
                throw FiscalPackageError(file: file, reason: "dimension \(name) has no attributes")
            }
            var attributes: [Attribute] = []
            for attributeName in attributeObjects.keys.sorted() {
                guard let attribute = attributeObjects[attributeName] as? [String: Any], let source = attribute["source"] as? String else {
                    throw FiscalPackageError(file: file, reason: "attribute \(name).\(attributeName) has no source field")
                }
                attributes.append(Attribute(name: attributeName, source: source, resource: attribute["resource"] as? String,
                                            labelfor: attribute["labelfor"] as? String, parent: attribute["parent"] as? String))
            }
            let primaryKey: [String]
            if let keys = spec["primaryKey"] as? [String] {
                primaryKey = keys
            } else if let key = spec["primaryKey"] as? String {
                primaryKey = [key]
            } else {
                primaryKey = []
            }
            for key in primaryKey where !attributes.contains(where: { $0.name == key }) {
                throw FiscalPackageError(file: file, reason: "dimension \(name): primary key \(key) is not one of its attributes")
            }
            let keyed = primaryKey.compactMap { key in attributes.first { $0.name == key } }
            let rest = attributes.filter { !primaryKey.contains($0.name) }
            dimensions.append(Dimension(name: name, attributes: keyed + rest, primaryKey: primaryKey,
                                        dimensionType: spec["dimensionType"] as? String,
                                        classificationType: spec["classificationType"] as? String))
        }
        return FiscalModel(measures: measures, dimensions: dimensions)
    }

    /// The model of a Fiscal Data Package 1.0 (no `model`; each field has a `columnType`):
    /// fields of type `value` are measures; the other types group into dimensions by their first
    /// part (`administrative-classification:generic:level1:code` is attribute `generic:level1:code`
    /// of dimension `administrative-classification`); a `…:label` attribute labels its `…:code`
    /// sibling. Nil when no field has a column type.
    static func fromColumnTypes(_ resources: [FiscalPackageDescriptor.Resource]) -> FiscalModel? {
        var measures: [Measure] = []
        var attributes: [String: [Attribute]] = [:]
        var order: [String] = []
        for resource in resources {
            for (field, type) in resource.columnTypes {
                if type == "value" || type.hasPrefix("value:") {
                    measures.append(Measure(name: field, source: field, resource: resources.count > 1 ? resource.name : nil))
                    continue
                }
                let parts = type.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let dimension = parts[0]
                var name = parts.count > 1 ? parts[1] : parts[0]
                if attributes[dimension]?.contains(where: { $0.name == name }) == true { name = field }
                if attributes[dimension] == nil { order.append(dimension) }
                attributes[dimension, default: []].append(Attribute(name: name, source: field,
                                                                    resource: resources.count > 1 ? resource.name : nil))
            }
        }
        guard !measures.isEmpty else { return nil }
        let dimensions = order.map { name -> Dimension in
            var members = attributes[name]!
            for index in members.indices where members[index].name.hasSuffix(":label") || members[index].name == "label" {
                let code = String(members[index].name.dropLast("label".count)) + "code"
                if members.contains(where: { $0.name == code }) { members[index].labelfor = code }
            }
            let keys = members.filter { $0.labelfor == nil }
            return Dimension(name: name, attributes: keys + members.filter { $0.labelfor != nil },
                             primaryKey: keys.map(\.name))
        }
        return FiscalModel(measures: measures, dimensions: dimensions.sorted { $0.name < $1.name })
    }

    static func decimal(_ value: Any?) -> Decimal? {
        switch value {
        case let number as NSNumber: Decimal(string: number.stringValue, locale: Locale(identifier: "en_US_POSIX"))
        case let text as String: Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        default: nil
        }
    }
}

/// A datapackage.json that cannot be used, with the reason.
public struct FiscalPackageError: Error, CustomStringConvertible, Sendable {
    public var file: String
    /// The line and character column of a syntax error in the descriptor, when known.
    public var line: Int?
    public var column: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { diagnostic.description }

    /// The error as a diagnostic (`file:line:char N: reason`).
    public var diagnostic: Diagnostic {
        Diagnostic(.error, file: file, row: line, column: column.map { "char \($0)" }, reason: reason)
    }
}
