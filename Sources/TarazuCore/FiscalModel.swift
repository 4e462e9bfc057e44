import Foundation

/// The logical model of a Fiscal Data Package (version 0.3, `model`, or the older `mapping`):
/// which columns are measures (amounts) and which dimensions and attributes describe them.
public struct FiscalModel: Hashable, Sendable, Codable {
    /// A measure: an amount column.
    public struct Measure: Hashable, Sendable, Codable {
        public var name: String
        public var source: String
        public var resource: String?
        public var currency: String?
        public var factor: Decimal?
        public var direction: String?
        public var phase: String?

        public init(name: String, source: String, resource: String? = nil, currency: String? = nil,
                    factor: Decimal? = nil, direction: String? = nil, phase: String? = nil) {
            self.name = name
            self.source = source
            self.resource = resource
            self.currency = currency
            self.factor = factor
            self.direction = direction
            self.phase = phase
        }
    }

    /// An attribute of a dimension: one column. `labelfor` names the attribute it labels,
    /// `parent` the attribute one level up in a hierarchy.
    public struct Attribute: Hashable, Sendable, Codable {
        public var name: String
        public var source: String
        public var resource: String?
        public var labelfor: String?
        public var parent: String?

        public init(name: String, source: String, resource: String? = nil, labelfor: String? = nil, parent: String? = nil) {
            self.name = name
            self.source = source
            self.resource = resource
            self.labelfor = labelfor
            self.parent = parent
        }
    }

    /// A dimension: a way to break amounts down, with its attributes and key.
    public struct Dimension: Hashable, Sendable, Codable {
        public var name: String
        public var attributes: [Attribute]
        public var primaryKey: [String]
        public var dimensionType: String?
        public var classificationType: String?

        public init(name: String, attributes: [Attribute], primaryKey: [String], dimensionType: String? = nil,
                    classificationType: String? = nil) {
            self.name = name
            self.attributes = attributes
            self.primaryKey = primaryKey
            self.dimensionType = dimensionType
            self.classificationType = classificationType
        }

        /// The attributes that identify a member: the primary key, or else every attribute that is not a label.
        public var keyAttributes: [Attribute] {
            let named = primaryKey.compactMap { key in attributes.first { $0.name == key } }
            if !named.isEmpty { return named }
            return attributes.filter { $0.labelfor == nil }
        }
    }

    public var measures: [Measure]
    public var dimensions: [Dimension]

    public init(measures: [Measure], dimensions: [Dimension]) {
        self.measures = measures
        self.dimensions = dimensions
    }

    /// Every attribute reference of the model, `dimension.attribute`, in model order.
    public var attributeRefs: [String] {
        dimensions.flatMap { dimension in dimension.attributes.map { "\(dimension.name).\($0.name)" } }
    }
}
