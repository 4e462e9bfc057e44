import Foundation

/// An amount of money in whole Iranian rials. Arithmetic is overflow-checked and throws.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in rials.
    public var rials: Int64

    public init(rials: Int64) { self.rials = rials }

    public static let zero = Money(rials: 0)

    /// Thrown when a sum or product does not fit in 64 bits.
    public struct Overflow: Error, CustomStringConvertible, Sendable {
        public init() {}
        public var description: String { "amount overflows 64-bit rials" }
    }

    public func adding(_ other: Money) throws(Overflow) -> Money {
        let (sum, overflow) = rials.addingReportingOverflow(other.rials)
        if overflow { throw Overflow() }
        return Money(rials: sum)
    }

    public func subtracting(_ other: Money) throws(Overflow) -> Money {
        let (difference, overflow) = rials.subtractingReportingOverflow(other.rials)
        if overflow { throw Overflow() }
        return Money(rials: difference)
    }

    public func multiplied(by factor: Int64) throws(Overflow) -> Money {
        let (product, overflow) = rials.multipliedReportingOverflow(by: factor)
        if overflow { throw Overflow() }
        return Money(rials: product)
    }

    /// The exact sum of `amounts`.
    public static func sum<S: Sequence>(_ amounts: S) throws(Overflow) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// The amount as an exact decimal, for ratios.
    public var decimal: Decimal { Decimal(rials) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.rials < rhs.rials }

    public var description: String { "\(rials) rials" }
}

extension Money: Codable {
    /// Encoded as a bare integer of rials.
    public init(from decoder: any Decoder) throws {
        rials = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rials)
    }
}

/// The unit a book states its amounts in. Units are an input and display matter only:
/// every stored amount is converted to whole rials.
public enum AmountUnit: String, CaseIterable, Codable, Sendable {
    case rial
    case thousandRial = "thousand_rial"
    case millionRial = "million_rial"
    case billionRial = "billion_rial"
    case toman

    /// Rials in one unit.
    public var rialsPerUnit: Int64 {
        switch self {
        case .rial: 1
        case .thousandRial: 1_000
        case .millionRial: 1_000_000
        case .billionRial: 1_000_000_000
        case .toman: 10
        }
    }

    /// Parses an amount written in this unit into whole rials. Fractions are accepted when the
    /// result is a whole number of rials ("1٫5" billion rials). Negative amounts are returned as such;
    /// callers decide whether they are allowed.
    public func parse(_ text: String) throws(NumberText.Failure) -> Money {
        if let whole = NumberText.plainInteger(text) {
            let (rials, overflow) = whole.multipliedReportingOverflow(by: rialsPerUnit)
            if overflow { throw .outOfRange(text) }
            return Money(rials: rials)
        }
        let value = try NumberText.decimal(text)
        let rials = value * Decimal(rialsPerUnit)
        return Money(rials: try NumberText.wholeInt64(rials, raw: text))
    }

    /// Converts rials into this unit, exactly.
    public func amount(of money: Money) -> Decimal {
        Decimal(money.rials) / Decimal(rialsPerUnit)
    }

    public var nameEn: String {
        switch self {
        case .rial: "rials"
        case .thousandRial: "thousand rials"
        case .millionRial: "million rials"
        case .billionRial: "billion rials"
        case .toman: "tomans"
        }
    }

    public var nameFa: String {
        switch self {
        case .rial: "ریال"
        case .thousandRial: "هزار ریال"
        case .millionRial: "میلیون ریال"
        case .billionRial: "میلیارد ریال"
        case .toman: "تومان"
        }
    }
}
