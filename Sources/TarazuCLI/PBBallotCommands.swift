import ArgumentParser
import Foundation
import TarazuParticipation
import TarazuStore

/// `tarazu pb paper SLUG FILE.csv`: paper ballots typed in from polling stations, all or nothing.
struct PBPaperCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "Import paper ballots (CSV: voter_id, district, choices[, phone]); all or nothing.",
        discussion: """
            voter_id is the paper serial; district is 0 (citywide) or a region code; choices are project \
            numbers ("12 15 31", Persian digits allowed) or project:points pairs. An optional phone column \
            (the voter's mobile, confirmed at the station) makes the voter the same person as on the web \
            and by SMS: one ballot per person. Voting must be open. Any bad row refuses the whole file.
            """)

    @Argument(help: "The process slug.")
    var slug: String
    @Argument(help: "The CSV file.")
    var file: String
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard let bytes = FileManager.default.contents(atPath: file), let text = String(data: bytes, encoding: .utf8) else {
            throw BadInput(["\(file): cannot read the file as UTF-8"])
        }
        try await store.withStore { store in
            guard let stored = try await store.pbProcess(slug) else { throw BadInput(["no PB process '\(slug)'"]) }
            let hasher = try await store.pbVoterHasher()
            let ballots: [CitizenBallot]
            do {
                ballots = try PaperBallotImport.parse(text, process: stored.definition.process,
                                                      phoneKey: { hasher.voterKey(phone: $0) })
            } catch let error as PaperImportError {
                throw BadInput(error.issues.map { issue in
                    "\(file):\(issue.line)" + (issue.column.isEmpty ? "" : ":\(issue.column)") + ": \(issue.message.en)"
                })
            }
            do {
                let receipts = try await store.castPBBallots(process: slug, ballots, channel: .paper)
                let replaced = receipts.filter { $0.replaced != nil }.count
                print("imported \(receipts.count) paper ballots into \(slug)" + (replaced > 0 ? " (\(replaced) replaced earlier ballots)" : ""))
            } catch let refusal as PBBatchRefusal {
                let lines = PaperLines.dataLines(text)
                throw BadInput(["\(file): nothing was imported"] + refusal.refusals.map { refused in
                    let line = refused.index < lines.count ? lines[refused.index] : refused.index + 2
                    return "\(file):\(line): \(refused.error.message.en)"
                })
            }
        }
    }
}

/// The file lines of the non-empty data rows (ballots come out of the parser in this order).
enum PaperLines {
    static func dataLines(_ text: String) -> [Int] {
        var lines: [Int] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index > 0 {
            if !line.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;\t"))).isEmpty {
                lines.append(index + 1)
            }
        }
        return lines
    }
}

/// `tarazu pb results SLUG [--rule R] [--format text|json]`: the tally of every budget.
struct PBResultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Tally every budget of a process (citywide and per region) with greedy, mes or mes-add1.",
        discussion: "The rule defaults to the process's settings.rule. mes-add1 steps by 0.5 % of the budget (see docs/participation.md).")

    @Argument(help: "The process slug.")
    var slug: String
    @Option(help: "greedy, mes or mes-add1 (default: the process setting).")
    var rule: String?
    @Option(help: "text or json.")
    var format = "text"
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let rule, PBRule(rawValue: rule) == nil { throw ValidationError("--rule must be greedy, mes or mes-add1, not \"\(rule)\"") }
        if !["text", "json"].contains(format) { throw ValidationError("--format must be text or json, not \"\(format)\"") }
    }

    func run() async throws {
        try await store.withStore { store in
            guard try await store.pbProcess(slug) != nil else { throw BadInput(["no PB process '\(slug)'"]) }
            let (definition, box) = try await store.pbBox(process: slug)
            let chosen = rule.flatMap(PBRule.init(rawValue:)) ?? definition.settings.rule
            let results: [PBBudgetResult]
            do {
                results = try PBProcessResults.run(definition.process, box: box, rule: chosen)
            } catch let error as PBTallyError {
                throw BadInput(["\(slug): \(error)"])
            }
            if format == "json" {
                print(PBProcessResults.json(results, process: definition.process, rule: chosen, ballots: box.ballots.count), terminator: "")
                return
            }
            print("\(slug): \(box.ballots.count) ballots, rule \(chosen.rawValue)")
            for result in results {
                let name = result.district == .citywide ? "citywide" : "region \(result.district.code)"
                print("\n\(name): budget \(result.budget) rials, \(result.ballots) ballots, funded \(result.fundedCost) rials")
                for row in result.projects {
                    let mark = row.funded ? "*" : " "
                    print("  \(mark) \(row.proposal.id)\t\(row.proposal.cost)\t\(row.votes) votes" + (row.points.map { ", \($0) points" } ?? "") + "\t\(row.proposal.title)")
                }
            }
        }
    }
}

/// `tarazu pb export SLUG --district D --out FILE.pb`: one ballot district as anonymized pabulib.
struct PBExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one budget (district 0 = citywide, or a region code) as an anonymized pabulib file.",
        discussion: "Voters are numbered 1..n in an order that depends only on their choices; no phone number, hash, receipt or time is written.")

    @Argument(help: "The process slug.")
    var slug: String
    @Option(help: "0 (citywide) or a region code.")
    var district: String
    @Option(help: "The .pb file to write.")
    var out: String
    @Option(help: "The rule written to META (greedy, mes or mes-add1; default: the process setting).")
    var rule: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
        if let rule, PBRule(rawValue: rule) == nil { throw ValidationError("--rule must be greedy, mes or mes-add1, not \"\(rule)\"") }
        try await store.withStore { store in
            guard try await store.pbProcess(slug) != nil else { throw BadInput(["no PB process '\(slug)'"]) }
            let (definition, box) = try await store.pbBox(process: slug)
            let place = PBDistrict(code: district)
            guard definition.process.budget(for: place) != nil else {
                throw BadInput(["\(slug): district \(district) has no budget"])
            }
            let chosen = rule.flatMap(PBRule.init(rawValue:)) ?? definition.settings.rule
            let election = PBElection(process: definition.process, box: box, district: place,
                                      rule: PBProcessResults.pabulibRule(chosen))
            do {
                try PabulibWriter.write(election: election).write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw BadInput(["\(out): cannot write the file: \(error.localizedDescription)"])
            }
            print("wrote \(out): \(election.ballots.count) ballots, \(election.projects.count) projects")
        }
    }
}
