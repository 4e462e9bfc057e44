import Foundation
import TarazuCore

/// What an anomaly is measured on.
public enum AnomalyKind: String, Codable, Sendable, CaseIterable {
    /// A budget line's execution rate in the year: realized / approved.
    case executionRate = "execution_rate"
    /// The year-on-year change of the approved amount of a comparable unit (see ``AnomalyDetector``).
    case yearOnYearChange = "year_on_year_change"
}

/// The spread a robust z-score was divided by.
public enum DispersionMeasure: String, Codable, Sendable {
    /// The median absolute deviation: `z = 0.6745 (x − median) / MAD`.
    case medianAbsoluteDeviation = "mad"
    /// MAD was 0; the mean absolute deviation about the median was used instead:
    /// `z = (x − median) / (1.253314 × meanAD)`.
    case meanAbsoluteDeviation = "mean_ad"
}

/// A value that lies far from the others, with the figures that make it so.
public struct Anomaly: Codable, Sendable, Hashable {
    public var kind: AnomalyKind
    public var year: Int
    /// The line id (execution rate) or the unit key (year-on-year change).
    public var key: String
    /// The budget lines behind the value (for a unit: its lines in the year).
    public var lineIds: [String]
    /// Department, program and region of the line or unit, for people.
    public var label: String
    /// The value: an execution rate (0.12 = 12 %) or a relative change (0.8 = +80 %).
    public var value: Decimal
    public var median: Decimal
    /// The median absolute deviation of the values (may be 0, see ``measure``).
    public var mad: Decimal
    /// The mean absolute deviation about the median.
    public var meanAbsoluteDeviation: Decimal
    public var measure: DispersionMeasure
    /// The robust z-score, rounded to 4 decimals.
    public var z: Decimal
    /// How many values the median and MAD were taken over.
    public var sampleSize: Int
    public var textFa: String
    public var textEn: String
}

/// Finds outlying budget lines with robust z-scores (Iglewicz and Hoaglin):
/// `z = 0.6745 (x − median) / MAD`, flagged when `|z| > threshold` (3.5 by default).
///
/// Two populations, each in the analysis year (default: latest year with realized figures):
/// - **execution rates**: realized / approved of every line with approved > 0 and a realized figure;
///   contingency lines are left out (their money is moved to other lines by design).
/// - **year-on-year change of approved**: line ids change from year to year, so lines are grouped into
///   units: a project's lines by project id (`project:<id>`), other lines by
///   department | program | region | function | economic class. A unit's approved amounts are summed per
///   year; the change is `approved(Y) / approved(Y − 1) − 1` for units present in both years with
///   approved(Y − 1) > 0. New and closed units are not compared.
///
/// When MAD is 0 (over half the values equal), the mean absolute deviation about the median is used:
/// `z = (x − median) / (1.253314 × meanAD)`; when that is 0 too, all values are equal and nothing is
/// flagged. A population of fewer than ``minimumSampleSize`` values is not tested.
/// Results are sorted by |z| descending, then kind, then key: row order of the book does not matter.
public enum AnomalyDetector {
    public static let minimumSampleSize = 5

    public static func detect(book: BudgetBook, year: Int? = nil, threshold: Decimal = Decimal(string: "3.5")!) -> [Anomaly] {
        guard let year = year ?? RiskScorer.defaultYear(of: book) else { return [] }
        var out = executionAnomalies(book.budgetLines, year: year, threshold: threshold)
        out += changeAnomalies(book.budgetLines, year: year, threshold: threshold)
        out.sort { a, b in
            if abs(a.z) != abs(b.z) { return abs(a.z) > abs(b.z) }
            if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
            return a.key < b.key
        }
        return out
    }

    /// Median, MAD, mean absolute deviation and the scorer of a population; nil when it cannot be scored.
    struct Robust {
        var median: Decimal
        var mad: Decimal
        var meanAD: Decimal
        var measure: DispersionMeasure

        init?(_ values: [Decimal]) {
            guard values.count >= AnomalyDetector.minimumSampleSize, let median = RiskMath.median(values) else { return nil }
            let deviations = values.map { abs($0 - median) }
            self.median = median
            mad = RiskMath.median(deviations)!
            meanAD = RiskMath.mean(deviations)!
            if mad > 0 { measure = .medianAbsoluteDeviation } else if meanAD > 0 { measure = .meanAbsoluteDeviation } else { return nil }
        }

        func z(_ x: Decimal) -> Decimal {
            switch measure {
            case .medianAbsoluteDeviation: Decimal(string: "0.6745")! * (x - median) / mad
            case .meanAbsoluteDeviation: (x - median) / (Decimal(string: "1.253314")! * meanAD)
            }
        }
    }

    static func label(_ line: BudgetLine) -> String {
        [line.department, line.program, "region \(line.regionCode)"].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    static func labelFa(_ line: BudgetLine) -> String {
        [line.department, line.program, "منطقه \(PersianText.persianDigits(line.regionCode))"].compactMap { $0 }
            .filter { !$0.isEmpty }.joined(separator: " · ")
    }

    static func spreadText(_ r: Robust, points: Bool) -> (fa: String, en: String) {
        let unitEn = points ? " points" : ""
        let unitFa = points ? " واحد درصد" : ""
        switch r.measure {
        case .medianAbsoluteDeviation:
            return ("میانه انحراف مطلق \(RiskMath.fa(r.mad * 100))\(unitFa)", "MAD \(RiskMath.en(r.mad * 100))\(unitEn)")
        case .meanAbsoluteDeviation:
            return ("میانه انحراف مطلق صفر است و میانگین انحراف مطلق \(RiskMath.fa(r.meanAD * 100))\(unitFa) به کار رفت",
                    "MAD is 0, so the mean absolute deviation \(RiskMath.en(r.meanAD * 100))\(unitEn) was used")
        }
    }

    static func executionAnomalies(_ lines: [BudgetLine], year: Int, threshold: Decimal) -> [Anomaly] {
        let items: [(BudgetLine, Decimal)] = lines.compactMap { line in
            guard line.year == year, !line.isContingency, line.approved.rials > 0, let r = line.realized else { return nil }
            return (line, r.decimal / line.approved.decimal)
        }
        guard let robust = Robust(items.map(\.1)) else { return [] }
        let spread = spreadText(robust, points: true)
        return items.compactMap { line, rate in
            let z = RiskMath.round(robust.z(rate), 4)
            guard abs(z) > threshold else { return nil }
            let dirEn = z > 0 ? "above" : "below"
            let dirFa = z > 0 ? "بالاتر" : "پایین‌تر"
            let fa = "ردیف \(PersianText.persianDigits(line.lineId)) (\(labelFa(line))) در \(RiskMath.yearFa(year)) \(RiskMath.pctFa(rate)) از مصوب خود را اجرا کرد؛ میانه ردیف‌ها \(RiskMath.pctFa(robust.median)) است (\(spread.fa)). امتیاز z مقاوم \(RiskMath.fa(z, 2)) است، بسیار \(dirFa) از دامنه معمول."
            let en = "Line \(line.lineId) (\(label(line))) realized \(RiskMath.pctEn(rate)) of its approved budget in \(year); the median line realized \(RiskMath.pctEn(robust.median)) (\(spread.en)). Robust z = \(RiskMath.en(z, 2)), far \(dirEn) the usual range."
            return Anomaly(kind: .executionRate, year: year, key: line.lineId, lineIds: [line.lineId], label: label(line),
                           value: rate, median: robust.median, mad: robust.mad, meanAbsoluteDeviation: robust.meanAD,
                           measure: robust.measure, z: z, sampleSize: items.count,
                           textFa: PersianText.normalize(fa), textEn: en)
        }
    }

    /// The year-on-year unit of a line (see ``AnomalyDetector``).
    public static func unitKey(_ line: BudgetLine) -> String {
        if let id = line.projectId, !id.isEmpty { return "project:\(id)" }
        return [line.department, line.program ?? "", line.regionCode, line.function, line.economicClass.rawValue]
            .map { PersianText.key($0) }.joined(separator: "|")
    }

    static func changeAnomalies(_ lines: [BudgetLine], year: Int, threshold: Decimal) -> [Anomaly] {
        var current: [String: (Decimal, [BudgetLine])] = [:]
        var previous: [String: Decimal] = [:]
        for line in lines {
            if line.year == year {
                let key = unitKey(line)
                var entry = current[key] ?? (0, [])
                entry.0 += line.approved.decimal
                entry.1.append(line)
                current[key] = entry
            } else if line.year == year - 1 {
                previous[unitKey(line), default: 0] += line.approved.decimal
            }
        }
        let items: [(String, Decimal, [BudgetLine])] = current.keys.sorted().compactMap { key in
            guard let before = previous[key], before > 0, let now = current[key] else { return nil }
            return (key, now.0 / before - 1, now.1.sorted { $0.lineId < $1.lineId })
        }
        guard let robust = Robust(items.map(\.1)) else { return [] }
        let spread = spreadText(robust, points: true)
        return items.compactMap { key, change, unitLines in
            let z = RiskMath.round(robust.z(change), 4)
            guard abs(z) > threshold, let first = unitLines.first else { return nil }
            let what = key.hasPrefix("project:") ? "Project \(first.projectId!)" : "Unit"
            let whatFa = key.hasPrefix("project:") ? "پروژه \(PersianText.persianDigits(first.projectId!))" : "واحد"
            let dirEn = z > 0 ? "above" : "below"
            let dirFa = z > 0 ? "بالاتر" : "پایین‌تر"
            let fa = "\(whatFa) (\(labelFa(first))): بودجه مصوب \(RiskMath.yearFa(year)) نسبت به \(RiskMath.yearFa(year - 1)) \(RiskMath.signedPctFa(change)) تغییر کرد؛ میانه تغییرها \(RiskMath.signedPctFa(robust.median)) است (\(spread.fa)). امتیاز z مقاوم \(RiskMath.fa(z, 2)) است، بسیار \(dirFa) از دامنه معمول."
            let en = "\(what) (\(label(first))): approved budget changed \(RiskMath.signedPctEn(change)) from \(year - 1) to \(year); the median change was \(RiskMath.signedPctEn(robust.median)) (\(spread.en)). Robust z = \(RiskMath.en(z, 2)), far \(dirEn) the usual range."
            return Anomaly(kind: .yearOnYearChange, year: year, key: key, lineIds: unitLines.map(\.lineId), label: label(first),
                           value: change, median: robust.median, mad: robust.mad, meanAbsoluteDeviation: robust.meanAD,
                           measure: robust.measure, z: z, sampleSize: items.count,
                           textFa: PersianText.normalize(fa), textEn: en)
        }
    }
}
