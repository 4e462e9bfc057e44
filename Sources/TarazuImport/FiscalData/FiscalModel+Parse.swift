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
    public var reason: String

    public var description: String { "\(file): \(reason)" }
}
