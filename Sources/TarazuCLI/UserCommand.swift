import ArgumentParser
import Foundation
import TarazuStore
import TarazuWeb
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tarazu user add|list|passwd|disable`: the accounts of the web application. Every change is audited
/// with the actor "cli".
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the accounts that sign in to the web application.",
        discussion: "Roles: council (dashboards) < analyst (also uploads, imports, rollbacks) < admin (also accounts and the audit log).",
        subcommands: [Add.self, List.self, Passwd.self, Disable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account.")

        @Argument(help: "The username: 2 to 64 of a-z, 0-9, '.', '_', '-'.")
        var name: String
        @Option(help: "admin, analyst or council.")
        var role: String
        @Option(name: .customLong("display-name"), help: "The name shown on pages (default: the username).")
        var displayName: String?
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input instead of prompting.")
        var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let username = try UserInput.username(name)
            guard let accountRole = AccountRole(rawValue: role) else {
                throw ValidationError("--role must be one of admin, analyst, council, not '\(role)'")
            }
            let password = try UserInput.password(fromStdin: passwordStdin)
            let hash = try AccountPasswords.hash(password)
            try await store.withStore { store in
                do {
                    let display = displayName?.trimmingCharacters(in: .whitespacesAndNewlines)
                    let account = try await store.addAccount(
                        username: username, displayName: (display?.isEmpty ?? true) ? username : display!, role: accountRole,
                        passwordHash: hash, audit: UserInput.audit("user.add", username, "role \(accountRole.rawValue)"))
                    print("added \(account.username) (\(account.role.rawValue))")
                } catch StoreError.conflict(let text) {
                    throw BadInput([text])
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { store in
                let accounts = try await store.accounts()
                if accounts.isEmpty { print("no accounts (add one with: tarazu user add NAME --role admin)") }
                for account in accounts {
                    let created = ISO8601DateFormatter().string(from: account.createdAt)
                    print("\(account.username)\t\(account.role.rawValue)\t\(account.disabled ? "disabled" : "active")\t\(created)\t\(account.displayName)")
                }
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set an account's password (ends its sessions).")
        @Argument var name: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
        var passwordStdin = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let username = try UserInput.username(name)
            let password = try UserInput.password(fromStdin: passwordStdin)
            let hash = try AccountPasswords.hash(password)
            try await store.withStore { store in
                try await UserInput.existing {
                    try await store.setPasswordHash(of: username, to: hash, audit: UserInput.audit("user.passwd", username, ""))
                }
                print("changed the password of \(username)")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account (ends its sessions).")
        @Argument var name: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let username = try UserInput.username(name)
            try await store.withStore { store in
                try await UserInput.existing {
                    try await store.setDisabled(username, true, audit: UserInput.audit("user.disable", username, ""))
                }
                print("disabled \(username)")
            }
        }
    }
}

/// Reading usernames and passwords on the command line.
enum UserInput {
    static func username(_ text: String) throws -> String {
        switch AccountPasswords.normalizedUsername(text) {
        case .success(let name): return name
        case .failure(let problem): throw ValidationError(problem.description)
        }
    }

    static func audit(_ action: String, _ target: String, _ detail: String) -> AuditEntry {
        AuditEntry(actor: "cli", action: action, target: target, detail: detail, client: "cli")
    }

    static func existing(_ body: () async throws -> Void) async throws {
        do { try await body() } catch StoreError.notFound(let text) { throw BadInput([text]) }
    }

    /// The password: the first line of standard input, or typed twice at the terminal without echo.
    static func password(fromStdin: Bool) throws -> String {
        let password: String
        if fromStdin {
            guard let line = readLine(strippingNewline: true) else { throw BadInput(["no password on standard input"]) }
            password = line
        } else {
            guard let first = prompt("Password: "), let second = prompt("Repeat the password: ") else {
                throw BadInput(["no password was typed (use --password-stdin to pipe one)"])
            }
            guard first == second else { throw BadInput(["the two passwords differ; nothing was changed"]) }
            password = first
        }
        if let problem = AccountPasswords.problem(password) { throw BadInput([problem.en + "; nothing was changed"]) }
        return password
    }

    /// Reads a line from the terminal with echo off (termios), or nil at end of input.
    private static func prompt(_ text: String) -> String? {
        FileHandle.standardError.write(Data(text.utf8))
        var saved = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        }
        let line = readLine(strippingNewline: true)
        if isTerminal {
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return line
    }
}
