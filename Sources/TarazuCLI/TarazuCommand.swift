import ArgumentParser
import Foundation
import TarazuCore

/// The `tarazu` command: the root of every subcommand.
public struct TarazuCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tarazu",
        abstract: "Tarazu (ترازو): see, judge and share where a city's public money goes.",
        version: TarazuVersion.current,
        subcommands: [DemoCommand.self, ImportCommand.self, AggregateCommand.self, AnalyzeCommand.self, ReportCommand.self, ForecastCommand.self, RiskCommand.self, ServeCommand.self, BooksCommand.self,
                      HistoryCommand.self, SampleCommand.self, PBCommand.self, UserCommand.self, AuditCommand.self, RollbackCommand.self])

    public init() {}

    /// Runs the command line and returns the process exit code: 0 success, 1 bad input, 2 usage error.
    public static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as BadInput {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            return 1
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            if code == .validationFailure { return 2 }
            return code.rawValue
        }
    }
}

/// Input that cannot be used: printed as located diagnostics, exit code 1.
public struct BadInput: Error, CustomStringConvertible {
    public var lines: [String]

    public init(_ lines: [String]) { self.lines = lines }
    public init(_ rejected: InputRejected) { lines = rejected.diagnostics.map(\.description) }

    public var description: String { lines.joined(separator: "\n") }
}

/// Writes warnings to standard error, at most `limit` of them.
func printWarnings(_ diagnostics: [Diagnostic], limit: Int = 20) {
    let warnings = diagnostics.filter { $0.severity == .warning }
    for warning in warnings.prefix(limit) {
        FileHandle.standardError.write(Data((warning.description + "\n").utf8))
    }
    if warnings.count > limit {
        FileHandle.standardError.write(Data("… and \(warnings.count - limit) more warnings\n".utf8))
    }
}
