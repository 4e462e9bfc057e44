import Foundation

/// Reads pabulib files (pabulib.org/format): META, PROJECTS and VOTES sections, every vote type.
///
/// All text is normalized (ي -> ی, ك -> ک; identifiers and numbers also turn Persian and
/// Arabic-Indic digits into ASCII). Numbers are exact decimals. Every problem is reported as a
/// `PabulibError` naming the file, the line and the reason.
public enum PabulibParser {
    /// Reads and parses the file at `url`; errors name the file by its last path component.
    public static func parse(contentsOf url: URL) throws(PabulibError) -> PBElection {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PabulibError(file: name, line: 0, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(bytes: [UInt8](data), file: name)
    }

    /// Parses pabulib text; `file` labels the errors.
    public static func parse(bytes: [UInt8], file: String) throws(PabulibError) -> PBElection {
        let sections = try Sections(records: PabulibRecords.split(bytes, file: file), file: file)
        let meta = try readMeta(sections.meta, file: file)
        func required(_ key: String) throws(PabulibError) -> String {
            guard let value = meta.first(where: { $0.key == key })?.value, !value.isEmpty else {
                throw PabulibError(file: file, line: sections.meta.titleLine, reason: "META has no \(key)")
            }
            return value
        }
        let budgetText = try required("budget")
        guard let budget = PBDecimal(parsing: budgetText), budget.mantissa >= 0 else {
            throw PabulibError(file: file, line: sections.meta.titleLine,
                               reason: "META budget \"\(budgetText)\" is not a non-negative number")
        }
        let voteTypeText = try required("vote_type")
        let voteType: PBVoteType
        switch voteTypeText.lowercased() {
        case "approval", "choose-1": voteType = .approval
        case "ordinal": voteType = .ordinal
        case "cumulative": voteType = .cumulative
        case "scoring": voteType = .scoring
        default:
            throw PabulibError(file: file, line: sections.meta.titleLine,
                               reason: "META vote_type \"\(voteTypeText)\" is not approval, ordinal, cumulative or scoring")
        }
        let projects = try readProjects(sections.projects, file: file)
        let ballots = try readBallots(sections.votes, voteType: voteType, projects: projects, file: file)
        return PBElection(meta: meta, voteType: voteType, budget: budget, projects: projects, ballots: ballots)
    }

    // MARK: Sections

    struct Section {
        var titleLine = 0
        var rows: [PabulibRecord] = []
    }

    struct Sections {
        var meta = Section()
        var projects = Section()
        var votes = Section()

        init(records: [PabulibRecord], file: String) throws(PabulibError) {
            var current: WritableKeyPath<Sections, Section>?
            var seen: Set<String> = []
            for record in records where !record.isBlank {
                let first = record.fields[0].trimmingWhiteSpace().lowercased()
                let titleOnly = record.fields.dropFirst().allSatisfy { $0.trimmingWhiteSpace().isEmpty }
                if titleOnly, ["meta", "projects", "votes"].contains(first) {
                    if !seen.insert(first).inserted {
                        throw PabulibError(file: file, line: record.line, reason: "section \(first.uppercased()) appears twice")
                    }
                    current = first == "meta" ? \.meta : first == "projects" ? \.projects : \.votes
                    self[keyPath: current!].titleLine = record.line
                    continue
                }
                guard let section = current else {
                    throw PabulibError(file: file, line: record.line,
                                       reason: "expected a section title (META, PROJECTS or VOTES)")
                }
                self[keyPath: section].rows.append(record)
            }
            let lastLine = records.last?.line ?? 0
            for name in ["meta", "projects", "votes"] where !seen.contains(name) {
                throw PabulibError(file: file, line: lastLine, reason: "the file has no \(name.uppercased()) section")
            }
        }
    }

    // MARK: META

    static func readMeta(_ section: Section, file: String) throws(PabulibError) -> [(key: String, value: String)] {
        var rows = section.rows[...]
        if let first = rows.first, first.fields.count >= 2,
           first.fields[0].trimmingWhiteSpace().lowercased() == "key",
           first.fields[1].trimmingWhiteSpace().lowercased() == "value" {
            rows = rows.dropFirst()
        }
        var meta: [(key: String, value: String)] = []
        var firstLine: [String: Int] = [:]
        for row in rows {
            guard row.fields.count >= 2 else {
                throw PabulibError(file: file, line: row.line, reason: "a META row needs key;value")
            }
            let key = PBText.normalized(row.fields[0]).lowercased()
            if let earlier = firstLine[key] {
                throw PabulibError(file: file, line: row.line,
                                   reason: "META key \(key) repeats (first on line \(earlier))")
            }
            firstLine[key] = row.line
            meta.append((key, PBText.normalized(row.fields[1])))
        }
        return meta
    }

    // MARK: Rows with a header

    /// The header of a section and its data rows as column-name dictionaries.
    static func table(_ section: Section, name: String, required: [String], file: String)
        throws(PabulibError) -> (rows: [(line: Int, values: [String: String])], header: [String]) {
        guard let headerRecord = section.rows.first else {
            throw PabulibError(file: file, line: section.titleLine, reason: "\(name) has no header row")
        }
        let header = headerRecord.fields.map { PBText.normalized($0).lowercased() }
        for column in required where !header.contains(column) {
            throw PabulibError(file: file, line: headerRecord.line, reason: "\(name) header has no \(column) column")
        }
        var rows: [(line: Int, values: [String: String])] = []
        rows.reserveCapacity(section.rows.count - 1)
        for record in section.rows.dropFirst() {
            if record.fields.count > header.count,
               record.fields[header.count...].contains(where: { !$0.trimmingWhiteSpace().isEmpty }) {
                throw PabulibError(file: file, line: record.line,
                                   reason: "\(record.fields.count) fields but the \(name) header has \(header.count)")
            }
            var values: [String: String] = [:]
            for (column, text) in zip(header, record.fields) {
                let value = PBText.normalized(text)
                if !value.isEmpty && value.lowercased() != "none" { values[column] = value }
            }
            rows.append((record.line, values))
        }
        return (rows, header)
    }

    // MARK: PROJECTS

    static func readProjects(_ section: Section, file: String) throws(PabulibError) -> [PBProject] {
        let table = try table(section, name: "PROJECTS", required: ["project_id", "cost"], file: file)
        var projects: [PBProject] = []
        var lineOfID: [String: Int] = [:]
        for (line, values) in table.rows {
            guard let rawID = values["project_id"] else {
                throw PabulibError(file: file, line: line, reason: "project without project_id")
            }
            let id = PBText.normalizedIdentifier(rawID)
            if let earlier = lineOfID[id] {
                throw PabulibError(file: file, line: line, reason: "project_id \(id) repeats (first on line \(earlier))")
            }
            lineOfID[id] = line
            let costText = values["cost"] ?? ""
            guard let cost = PBDecimal(parsing: costText), cost.mantissa >= 0 else {
                throw PabulibError(file: file, line: line,
                                   reason: "project \(id): cost \"\(costText)\" is not a non-negative number")
            }
            var votes: Int?
            if let text = values["votes"] {
                guard let value = Int(PBText.normalizedIdentifier(text)) else {
                    throw PabulibError(file: file, line: line, reason: "project \(id): votes \"\(text)\" is not a whole number")
                }
                votes = value
            }
            var score: PBDecimal?
            if let text = values["score"] {
                guard let value = PBDecimal(parsing: text) else {
                    throw PabulibError(file: file, line: line, reason: "project \(id): score \"\(text)\" is not a number")
                }
                score = value
            }
            var selected: Int?
            if let text = values["selected"] {
                guard let value = Int(PBText.normalizedIdentifier(text)) else {
                    throw PabulibError(file: file, line: line, reason: "project \(id): selected \"\(text)\" is not a whole number")
                }
                selected = value
            }
            projects.append(PBProject(id: id, cost: cost, name: values["name"], votes: votes, score: score,
                                      selected: selected, fields: values))
        }
        return projects
    }

    // MARK: VOTES

    static func readBallots(_ section: Section, voteType: PBVoteType, projects: [PBProject], file: String)
        throws(PabulibError) -> [PBBallot] {
        let table = try table(section, name: "VOTES", required: ["vote"], file: file)
        var indexOfID: [String: Int] = [:]
        for (index, project) in projects.enumerated() { indexOfID[project.id] = index }
        let usesPoints = voteType != .approval
        var lastBallotOf = [Int](repeating: -1, count: projects.count)
        var ballots: [PBBallot] = []
        ballots.reserveCapacity(table.rows.count)
        for (line, values) in table.rows {
            let voter = values["voter_id"].map { PBText.normalizedIdentifier($0) } ?? ""
            var chosen: [Int] = []
            for item in (values["vote"] ?? "").split(separator: ",") {
                let id = PBText.normalizedIdentifier(item)
                if id.isEmpty { continue }
                guard let index = indexOfID[id] else {
                    throw PabulibError(file: file, line: line, reason: "voter \(voter): project \(id) is not in PROJECTS")
                }
                if lastBallotOf[index] == ballots.count {
                    throw PabulibError(file: file, line: line, reason: "voter \(voter): project \(id) is on the ballot twice")
                }
                lastBallotOf[index] = ballots.count
                chosen.append(index)
            }
            var points: [PBDecimal]?
            if usesPoints, let text = values["points"] {
                let items = text.split(separator: ",", omittingEmptySubsequences: false)
                guard items.count == chosen.count else {
                    throw PabulibError(file: file, line: line,
                                       reason: "voter \(voter): \(items.count) points for \(chosen.count) projects")
                }
                var parsed: [PBDecimal] = []
                for item in items {
                    guard let value = PBDecimal(parsing: String(item)) else {
                        throw PabulibError(file: file, line: line, reason: "voter \(voter): points \"\(item)\" is not a number")
                    }
                    if value.mantissa < 0 && voteType != .scoring {
                        throw PabulibError(file: file, line: line, reason: "voter \(voter): negative points \(value)")
                    }
                    parsed.append(value)
                }
                points = parsed
            } else if (voteType == .cumulative || voteType == .scoring) && !chosen.isEmpty {
                throw PabulibError(file: file, line: line, reason: "voter \(voter): \(voteType.rawValue) ballot without points")
            }
            var fields = values
            for column in ["voter_id", "vote", "points"] { fields[column] = nil }
            ballots.append(PBBallot(voterID: voter, projects: chosen, points: points, fields: fields))
        }
        return ballots
    }
}
