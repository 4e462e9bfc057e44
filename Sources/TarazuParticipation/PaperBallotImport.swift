import TarazuCore

/// One problem in a paper-ballot CSV.
public struct PaperImportIssue: Sendable, Equatable {
    /// Line of the file (the header is line 1).
    public let line: Int
    /// Column name ("voter_id", "district", "choices"), or "" for the whole row or file.
    public let column: String
    /// What is wrong.
    public let message: Bilingual
}

/// A paper-ballot file refused as a whole.
public struct PaperImportError: Error, Sendable, Equatable {
    /// Every problem found, by line.
    public let issues: [PaperImportIssue]
}

/// Reads paper ballots typed in from polling stations: a CSV (comma, semicolon or tab) with the
/// columns voter_id (paper serial), district ("0" or a region code) and choices ("12 15 31",
/// Persian digits, or "12:3 15:2" for cumulative). All or nothing: any bad row refuses the file.
public enum PaperBallotImport {
    /// The ballots, with voter keys "paper:<serial>". With a `process`, ranking rules read the
    /// choices in order as ranks 1...n and every ballot is checked by `BallotValidator`.
    ///
    /// With `phoneKey`, an optional `phone` column (the voter's mobile, as confirmed at the
    /// polling station) gives the voter key `phoneKey(normalized number)` instead, so that the
    /// person's web or SMS ballot and the paper one count once; the number itself is not kept.
    public static func parse(_ csv: String, process: PBProcess? = nil,
                             phoneKey: ((String) -> String)? = nil) throws(PaperImportError) -> [CitizenBallot] {
        let rows = split(csv)
        guard let header = rows.first else {
            throw PaperImportError(issues: [PaperImportIssue(line: 1, column: "", message: Bilingual(
                fa: "پرونده خالی است.", en: "The file is empty."))])
        }
        let names = header.fields.map { PBText.normalized($0).lowercased() }
        var issues: [PaperImportIssue] = []
        var columns: [String: Int] = [:]
        for column in ["voter_id", "district", "choices"] {
            if let index = names.firstIndex(of: column) {
                columns[column] = index
            } else {
                issues.append(PaperImportIssue(line: header.line, column: column, message: Bilingual(
                    fa: "ستون «\(column)» در سرستون‌ها نیست.", en: "The header has no \(column) column.")))
            }
        }
        if !issues.isEmpty { throw PaperImportError(issues: issues) }
        let phoneColumn = phoneKey == nil ? nil : names.firstIndex(of: "phone")
        var lineOfPhone: [String: Int] = [:]
        var ballots: [CitizenBallot] = []
        var lineOfSerial: [String: Int] = [:]
        for row in rows.dropFirst() where !row.fields.allSatisfy({ $0.trimmingWhiteSpace().isEmpty }) {
            func cell(_ column: String) -> String {
                let index = columns[column]!
                return index < row.fields.count ? row.fields[index] : ""
            }
            func issue(_ column: String, _ message: Bilingual) {
                issues.append(PaperImportIssue(line: row.line, column: column, message: message))
            }
            let serial = PBText.normalizedIdentifier(cell("voter_id"))
            if serial.isEmpty {
                issue("voter_id", Bilingual(fa: "شمارهٔ برگهٔ رأی خالی است.", en: "The paper serial is empty."))
            } else if let earlier = lineOfSerial[serial] {
                issue("voter_id", Bilingual(fa: "شمارهٔ برگهٔ رأی \(PersianText.persianDigits(serial)) تکراری است (سطر \(PersianText.persianDigits(String(earlier)))).",
                                            en: "Paper serial \(serial) repeats (line \(earlier))."))
            } else {
                lineOfSerial[serial] = row.line
            }
            let districtText = PBText.normalizedIdentifier(cell("district"))
            let district = PBDistrict(code: districtText)
            if districtText.isEmpty {
                issue("district", Bilingual(fa: "منطقه خالی است.", en: "The district is empty."))
            } else if let process, process.budget(for: district) == nil {
                issue("district", BallotProblem.unknownDistrict(district.code).message)
            }
            var choices: PBChoices
            do {
                choices = try ChoiceText.parseList(cell("choices"))
            } catch {
                issue("choices", error.message)
                continue
            }
            guard !serial.isEmpty else { continue }
            if case .ranking = process?.rules { choices = choices.asRanking() }
            var voterKey = "paper:" + serial
            if let phoneColumn, let phoneKey, phoneColumn < row.fields.count,
               !row.fields[phoneColumn].trimmingWhiteSpace().isEmpty {
                do {
                    let number = try PhoneNumber.normalize(row.fields[phoneColumn])
                    if let earlier = lineOfPhone[number] {
                        issue("phone", Bilingual(fa: "این شماره در سطر \(PersianText.persianDigits(String(earlier))) هم آمده است.",
                                                 en: "The same number is on line \(earlier)."))
                    }
                    lineOfPhone[number] = row.line
                    voterKey = phoneKey(number)
                } catch {
                    issue("phone", error.message)
                }
            }
            let ballot = CitizenBallot(voterKey: voterKey, district: district, choices: choices)
            if let process, !districtText.isEmpty, process.budget(for: district) != nil {
                for problem in BallotValidator.validate(ballot, process) { issue("choices", problem.message) }
            }
            ballots.append(ballot)
        }
        if !issues.isEmpty { throw PaperImportError(issues: issues) }
        return ballots
    }

    /// CSV records with their starting line; the separator (',', ';' or tab) is the first of them
    /// found in the header line. Quotes as in RFC 4180; an optional BOM; LF or CRLF.
    static func split(_ text: String) -> [(line: Int, fields: [String])] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let headerEnd = scalars.firstIndex(of: "\n") ?? scalars.count
        let separator: Unicode.Scalar = scalars[..<headerEnd].first { $0 == "," || $0 == ";" || $0 == "\t" } ?? ","
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < scalars.count && scalars[i] == "\"" { field.append(c); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == separator {
                fields.append(String(field)); field = String.UnicodeScalarView()
            } else if c == "\n" {
                if field.last == "\r" { field.removeLast() }
                fields.append(String(field)); field = String.UnicodeScalarView()
                records.append((recordLine, fields)); fields = []
                line += 1
                recordLine = line
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            if field.last == "\r" { field.removeLast() }
            fields.append(String(field))
            records.append((recordLine, fields))
        }
        return records
    }
}
