import ArgumentParser
import Foundation
import TarazuParticipation

/// `tarazu pb`: participatory budgeting.
public struct PBCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pb",
        abstract: "Participatory budgeting.",
        subcommands: [PBTallyCommand.self, PBProcessCommand.self, PBPaperCommand.self, PBResultsCommand.self, PBExportCommand.self])

    public init() {}
}

/// `tarazu pb tally FILE.pb --rule greedy|mes|mes-add1 ...`: the outcome of a pabulib election.
///
/// Exit codes: 0 success, 1 bad input (FILE:LINE: reason on standard error), 2 usage error.
public struct PBTallyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Tally a pabulib election: greedy, Method of Equal Shares, or MES completed by Add1.",
        discussion: """
            `selected` lists project ids in the order the rule selected them. Utility defaults to \
            cost for approval ballots and to points for cumulative, scoring and ordinal ballots \
            (ordinal points: the file's points column, else Borda max_length - position). Greedy \
            orders by approvals or points and skips what does not fit. Ties go to the project id \
            that sorts first as a string (pabutools' order) unless --tie-break min-cost.
            """)

    @Argument(help: "The pabulib file (.pb).")
    var file: String

    @Option(help: "greedy, mes or mes-add1.")
    var rule: String

    @Option(help: "MES utility: cost, cardinality or points (greedy always orders by approvals or points).")
    var utility: String?

    @Flag(help: "mes-add1: stop at the first exhaustive outcome (other rules ignore it).")
    var exhaustiveStop = false

    @Option(help: "mes-add1: amount added to the total budget per step (default: 1 per voter).")
    var budgetStep: String?

    @Flag(help: "mes, mes-add1: fill what is left with greedy (Add1u).")
    var thenGreedy = false

    @Flag(help: "mes, mes-add1: take the greedy outcome if more voters prefer it.")
    var comparisonStep = false

    @Option(help: "Ties: lexicographic (pabutools) or min-cost (equalshares.net).")
    var tieBreak = "lexicographic"

    @Option(help: "text or json.")
    var format = "text"

    @Flag(help: "Print the seconds spent reading the file and tallying to standard error.")
    var timings = false

    public init() {}

    public func run() throws {
        let options = try parseOptions()
        let url = URL(fileURLWithPath: file)
        let result: PBTallyResult
        let clock = ContinuousClock()
        do {
            let start = clock.now
            let election = try PabulibParser.parse(contentsOf: url)
            let parsed = clock.now
            result = try PBTally.run(election, options: options)
            if timings {
                let seconds = { (d: Duration) in String(format: "%.4f", Double(d.components.attoseconds) / 1e18 + Double(d.components.seconds)) }
                FileHandle.standardError.write(Data("read \(seconds(parsed - start)) s, tally \(seconds(clock.now - parsed)) s\n".utf8))
            }
        } catch let error as PabulibError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as PBTallyError {
            FileHandle.standardError.write(Data("\(url.lastPathComponent): \(error)\n".utf8))
            throw ExitCode(1)
        }
        let name = url.lastPathComponent
        print(format == "json" ? PBTallyReport.json(result, file: name) : PBTallyReport.text(result, file: name),
              terminator: "")
    }

    /// The options, or a usage message and exit code 2.
    func parseOptions() throws -> PBTallyOptions {
        func usage(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("Error: \(message)\nUsage: tarazu pb \(PBTallyCommand.usageString())\n".utf8))
            return ExitCode(2)
        }
        guard let rule = PBRule(rawValue: rule) else {
            throw usage("--rule must be greedy, mes or mes-add1, not \"\(self.rule)\"")
        }
        var chosenUtility: PBUtility?
        if let utility {
            guard let value = PBUtility(rawValue: utility) else {
                throw usage("--utility must be cost, cardinality or points, not \"\(utility)\"")
            }
            chosenUtility = value
        }
        guard let tie = PBTieBreak(rawValue: tieBreak) else {
            throw usage("--tie-break must be lexicographic or min-cost, not \"\(tieBreak)\"")
        }
        guard ["text", "json"].contains(format) else {
            throw usage("--format must be text or json, not \"\(format)\"")
        }
        var step: PBDecimal?
        if let budgetStep {
            guard let value = PBDecimal(parsing: budgetStep), value.mantissa > 0 else {
                throw usage("--budget-step must be a positive number, not \"\(budgetStep)\"")
            }
            step = value
        }
        return PBTallyOptions(rule: rule, utility: chosenUtility, exhaustiveStop: exhaustiveStop, budgetStep: step,
                              completeWithGreedy: thenGreedy, comparisonStep: comparisonStep, tieBreak: tie)
    }
}
