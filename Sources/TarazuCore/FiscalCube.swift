import Crypto
import Foundation

/// Facts with their attribute values and measures, ready to aggregate: the common form of a
/// Fiscal Data Package and of a budget book.
public struct FiscalCube: Sendable {
    /// A name for the data set (the package or book name).
    public var name: String
    public var model: FiscalModel
    /// The attribute references, `dimension.attribute`, one per column of `attributeValues`.
    public var attributeRefs: [String]
    /// The measure names, one per column of `measureValues`.
    public var measureNames: [String]
    /// Per fact: the attribute values, in `attributeRefs` order.
    public var attributeValues: [[String]]
    /// Per fact: the measure values, in `measureNames` order; nil where the source had no value.
    public var measureValues: [[Decimal?]]

    public init(name: String, model: FiscalModel, attributeRefs: [String], measureNames: [String],
                attributeValues: [[String]] = [], measureValues: [[Decimal?]] = []) {
        self.name = name
        self.model = model
        self.attributeRefs = attributeRefs
        self.measureNames = measureNames
        self.attributeValues = attributeValues
        self.measureValues = measureValues
    }

    public var factCount: Int { attributeValues.count }

    public mutating func append(attributes: [String], measures: [Decimal?]) {
        attributeValues.append(attributes)
        measureValues.append(measures)
    }

    /// A SHA-256 of the facts in order, with the attribute and measure names: the identity of the
    /// data for the import history.
    public var contentHash: String {
        var sha = SHA256()
        func feed(_ fields: [String]) {
            for field in fields {
                sha.update(data: Data(field.utf8))
                sha.update(data: Data([0x1F]))
            }
            sha.update(data: Data([0x1E]))
        }
        feed(attributeRefs)
        feed(measureNames)
        for (attributes, measures) in zip(attributeValues, measureValues) {
            feed(attributes)
            feed(measures.map { $0.map { "\($0)" } ?? "\u{0}" })
        }
        return sha.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
