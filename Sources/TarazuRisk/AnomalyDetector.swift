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
    /// The whole explanation: the value, the set's median and spread, the score and the threshold.
    public var textFa: String
    public var textEn: String
    /// The value and its score only, for a list that states the set once (``setFa``).
    public var pointFa: String
    public var pointEn: String
    /// The set the value is compared with: its median and spread, the same for every anomaly of one kind
    /// and year.
    public var setFa: String
    public var setEn: String
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

    /// Rates and changes are rounded to this many decimals before the median and MAD are taken: equal
    /// ratios such as 1.23 / 1 and 2.46 / 2 must be equal, not differ in the 38th digit of a division
    /// (which made a MAD of 1e-37 and a z of 1e37).
    static let valueScale = 8

    public static func detect(book: BudgetBook, year: Int? = nil, threshold: Decimal = Decimal(string: "3.5")!) -> [Anomaly] {
        guard let year = year ?? RiskScorer.defaultYear(of: book) else { return [] }
        // The two populations are independent: each on its own core.
        let lines = book.budgetLines
        let parts = ConcurrentMap.indices(2) { part in
            part == 0 ? executionAnomalies(lines, year: year, threshold: threshold)
                : changeAnomalies(lines, year: year, threshold: threshold)
        }
        var out = parts[0] + parts[1]
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

        /// False only when `x` surely scores |z| ≤ `threshold` (a Double screen with a wide margin, so
        /// the exact Decimal z is computed for every value that may be flagged).
        func mayExceed(_ x: Decimal, _ threshold: Double) -> Bool {
            let spread = measure == .medianAbsoluteDeviation ? RiskMath.approximate(mad) / 0.6745
                : 1.253314 * RiskMath.approximate(meanAD)
            let z = (RiskMath.approximate(x) - RiskMath.approximate(median)) / spread
            guard z.isFinite else { return true }
            return abs(z) > threshold - 0.001 - abs(z) * 1e-9
        }

        static let madFactor = Decimal(string: "0.6745")!
        static let meanADFactor = Decimal(string: "1.253314")!

        func z(_ x: Decimal) -> Decimal {
            switch measure {
            case .medianAbsoluteDeviation: Robust.madFactor * (x - median) / mad
            case .meanAbsoluteDeviation: (x - median) / (Robust.meanADFactor * meanAD)
            }
        }
    }

    static func label(_ line: BudgetLine) -> String {
        [line.department, line.program, line.regionCode == Region.centralCode ? Region.centralName.en.lowercased() : "region \(line.regionCode)"]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// Department, program and region; the region left out when the department already names it
    /// («شهرداری منطقه ۶ · ...», not «... · منطقه ۶» again).
    static func labelFa(_ line: BudgetLine) -> String {
        let central = line.regionCode == Region.centralCode
        // As a department writes it («شهرداری منطقه ۶»), and as the label shows it (the code isolated).
        let written = central ? Region.centralName.fa : "منطقه \(PersianText.persianDigits(line.regionCode))"
        let named = line.department.hasSuffix(written) || line.department.contains(written + " ")
        let region = central ? written : "منطقه \(PersianText.identifier(line.regionCode))"
        return [line.department, line.program, named ? nil : region]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    static func spreadText(_ r: Robust, points: Bool) -> (fa: String, en: String) {
        let unitEn = points ? " points" : ""
        let unitFa = points ? " واحد درصد" : ""
        switch r.measure {
        case .medianAbsoluteDeviation:
            return ("میانهٔ انحراف مطلق \(RiskMath.fa(r.mad * 100))\(unitFa)", "MAD \(RiskMath.en(r.mad * 100))\(unitEn)")
        case .meanAbsoluteDeviation:
            return ("میانهٔ انحراف مطلق صفر است و میانگین انحراف مطلق \(RiskMath.fa(r.meanAD * 100))\(unitFa) به کار رفت",
                    "MAD is 0, so the mean absolute deviation \(RiskMath.en(r.meanAD * 100))\(unitEn) was used")
        }
    }

    /// An anomaly's texts from its value and its set: the whole («value؛ set. score (آستانه t).») and the
    /// point alone («value؛ score.»).
    static func texts(value: (fa: String, en: String), set: (fa: String, en: String), z: Decimal,
                      threshold: Decimal) -> (fa: String, en: String, pointFa: String, pointEn: String) {
        let score = score(z, threshold: threshold)
        return (fa: "\(value.fa)؛ \(set.fa). \(score.fa) (آستانه \(RiskMath.fa(threshold))).",
                en: "\(value.en); \(set.en). \(score.en) (threshold \(RiskMath.en(threshold))).",
                pointFa: "\(value.fa)؛ \(score.fa).", pointEn: "\(value.en). \(score.en).")
    }

    /// The score in words: «امتیاز z مقاوم ⁦−۲۶٫۸۱⁩ است، بسیار پایین‌تر از دامنهٔ معمول»; "far" only when
    /// the score is at least twice the threshold.
    static func score(_ z: Decimal, threshold: Decimal) -> (fa: String, en: String) {
        let far = abs(z) >= 2 * threshold
        return ("امتیاز z مقاوم \(RiskMath.signedFa(z, 2)) است، \(far ? "بسیار " : "")\(z > 0 ? "بالاتر" : "پایین‌تر") از دامنهٔ معمول",
                "Robust z = \(RiskMath.en(z, 2)), \(far ? "far " : "")\(z > 0 ? "above" : "below") the usual range")
    }

    static func executionAnomalies(_ lines: [BudgetLine], year: Int, threshold: Decimal) -> [Anomaly] {
        let items: [(BudgetLine, Decimal)] = lines.compactMap { line in
            guard line.year == year, !line.isContingency, line.approved.rials > 0, let r = line.realized else { return nil }
            return (line, RiskMath.round(r.decimal / line.approved.decimal, valueScale))
        }
        guard let robust = Robust(items.map(\.1)) else { return [] }
        let spread = spreadText(robust, points: true)
        let screen = RiskMath.approximate(threshold)
        return items.compactMap { line, rate in
            guard robust.mayExceed(rate, screen) else { return nil }
            let z = RiskMath.round(robust.z(rate), 4)
            guard abs(z) > threshold else { return nil }
            let set = (fa: "میانهٔ نرخ تحقق ردیف‌ها در سال \(RiskMath.yearFa(year)) برابر \(RiskMath.pctFa(robust.median)) است (\(spread.fa))",
                       en: "the median line realized \(RiskMath.pctEn(robust.median)) in \(year) (\(spread.en))")
            var text = texts(value: (fa: "نرخ تحقق ردیف \(PersianText.identifier(line.lineId)) (\(labelFa(line))) در \(RiskMath.yearFa(year)) برابر \(RiskMath.pctFa(rate)) است",
                                     en: "Line \(line.lineId) (\(label(line))) realized \(RiskMath.pctEn(rate)) of its approved budget in \(year)"),
                             set: set, z: z, threshold: threshold)
            // An approved revision may explain it: say how the realized amount compares with it.
            if let revised = line.revised, revised != line.approved, revised.rials > 0, let realized = line.realized {
                let ofRevised = realized.decimal / revised.decimal
                let revisedFa = " اصلاحیهٔ این ردیف با مصوب فرق دارد و عملکرد آن \(RiskMath.pctFa(ofRevised)) اصلاحیه است."
                let revisedEn = " The line was revised, and it realized \(RiskMath.pctEn(ofRevised)) of its revised amount."
                text.fa += revisedFa
                text.en += revisedEn
                text.pointFa += revisedFa
                text.pointEn += revisedEn
            }
            return Anomaly(kind: .executionRate, year: year, key: line.lineId, lineIds: [line.lineId], label: label(line),
                           value: rate, median: robust.median, mad: robust.mad, meanAbsoluteDeviation: robust.meanAD,
                           measure: robust.measure, z: z, sampleSize: items.count,
                           textFa: text.fa, textEn: text.en, pointFa: text.pointFa, pointEn: text.pointEn, setFa: set.fa, setEn: set.en)
        }
    }

    /// The year-on-year unit of a line (see ``AnomalyDetector``).
    public static func unitKey(_ line: BudgetLine) -> String {
        if let id = line.projectId, !id.isEmpty { return "project:\(id)" }
        return [line.department, line.program ?? "", line.regionCode, line.function, line.economicClass.rawValue]
            .map { PersianText.key($0) }.joined(separator: "|")
    }

    static func changeAnomalies(_ lines: [BudgetLine], year: Int, threshold: Decimal) -> [Anomaly] {
        // Approved per unit, summed in whole rials as Int64 (exact; Decimal sums when that overflows);
        // each unit's line indices in book order.
        var current: [String: (sum: Int64, lines: [Int])] = [:]
        var previous: [String: Int64] = [:]
        var overflow = false
        for index in lines.indices {
            let line = lines[index]
            if line.year == year {
                let key = unitKey(line)
                var entry = current.removeValue(forKey: key) ?? (0, [])
                let (sum, o) = entry.sum.addingReportingOverflow(line.approved.rials)
                overflow = overflow || o
                entry.sum = sum
                entry.lines.append(index)
                current[key] = entry
            } else if line.year == year - 1 {
                let key = unitKey(line)
                let (sum, o) = previous[key, default: 0].addingReportingOverflow(line.approved.rials)
                overflow = overflow || o
                previous[key] = sum
            }
        }
        if overflow { return changeAnomaliesDecimal(lines, year: year, threshold: threshold) }
        let items: [(String, Decimal, [Int])] = current.keys.sorted().compactMap { key in
            guard let before = previous[key], before > 0, let now = current[key] else { return nil }
            return (key, RiskMath.round(Decimal(now.sum) / Decimal(before) - 1, valueScale), now.lines)
        }
        return changeAnomalies(items.map { ($0.0, $0.1, $0.2.map { lines[$0] }) }, year: year, threshold: threshold,
                               lazily: true)
    }

    static func changeAnomaliesDecimal(_ lines: [BudgetLine], year: Int, threshold: Decimal) -> [Anomaly] {
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
            return (key, RiskMath.round(now.0 / before - 1, valueScale), now.1.sorted { $0.lineId < $1.lineId })
        }
        return changeAnomalies(items, year: year, threshold: threshold, lazily: false)
    }

    /// `items`: (unit key, change, the unit's lines; sorted by line id unless `lazily`, when they are sorted
    /// only for flagged units).
    static func changeAnomalies(_ items: [(String, Decimal, [BudgetLine])], year: Int, threshold: Decimal,
                                lazily: Bool) -> [Anomaly] {
        guard let robust = Robust(items.map(\.1)) else { return [] }
        let spread = spreadText(robust, points: true)
        let screen = RiskMath.approximate(threshold)
        return items.compactMap { key, change, unsortedLines in
            guard robust.mayExceed(change, screen) else { return nil }
            let z = RiskMath.round(robust.z(change), 4)
            let unitLines = lazily ? unsortedLines.sorted { $0.lineId < $1.lineId } : unsortedLines
            guard abs(z) > threshold, let first = unitLines.first else { return nil }
            // A project by its id; other lines of one department, program, region, function and class by
            // their line id, or by their number when several.
            let project = key.hasPrefix("project:") ? first.projectId : nil
            let what = project.map { "Project \($0)" }
                ?? (unitLines.count == 1 ? "Line \(first.lineId)" : "\(unitLines.count) lines")
            let whatFa = project.map { "پروژه \(PersianText.identifier($0))" }
                ?? (unitLines.count == 1 ? "ردیف \(PersianText.identifier(first.lineId))"
                    : "\(RiskMath.fa(Decimal(unitLines.count), 0)) ردیف")
            let set = (fa: "میانهٔ تغییر سالانهٔ اعتبار مصوب در سال \(RiskMath.yearFa(year)) برابر \(RiskMath.changeFa(robust.median)) است (\(spread.fa))",
                       en: "the median change of the approved budget in \(year) was \(RiskMath.signedPctEn(robust.median)) (\(spread.en))")
            let text = texts(value: (fa: "\(whatFa) (\(labelFa(first))): اعتبار مصوب در \(RiskMath.yearFa(year)) نسبت به سال پیش \(RiskMath.changeFa(change)) داشت",
                                     en: "\(what) (\(label(first))): approved budget changed \(RiskMath.signedPctEn(change)) from \(year - 1) to \(year)"),
                             set: set, z: z, threshold: threshold)
            return Anomaly(kind: .yearOnYearChange, year: year, key: key, lineIds: unitLines.map(\.lineId), label: label(first),
                           value: change, median: robust.median, mad: robust.mad, meanAbsoluteDeviation: robust.meanAD,
                           measure: robust.measure, z: z, sampleSize: items.count,
                           textFa: text.fa, textEn: text.en, pointFa: text.pointFa, pointEn: text.pointEn, setFa: set.fa, setEn: set.en)
        }
    }
}
