import ArgumentParser
import Foundation
import TarazuParticipation
import TarazuStore

/// `tarazu pb process add FILE.json | list`: participatory budgeting processes in the store.
struct PBProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Add or list participatory budgeting processes (see docs/participation.md for the file format).",
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a process from its JSON definition (phases, budgets, rules, proposals, settings).")

        @Argument(help: "The process file (.json), e.g. samples/pb/tabriz-1404.json.")
        var file: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw BadInput(["\(file): cannot read the file"])
            }
            let definition: PBProcessDefinition
            do {
                definition = try PBProcessFile.parse(data)
            } catch {
                throw BadInput(["\(file): \(error.description)"])
            }
            try await store.withStore { store in
                do {
                    _ = try await store.addPBProcess(definition, audit: AuditEntry(
                        actor: "cli", action: "pb.process.add", target: definition.process.id, client: "cli"))
                } catch StoreError.conflict(let text) {
                    throw BadInput(["\(file): \(text)"])
                }
            }
            let process = definition.process
            print("added \(process.id): \(process.proposals.count) proposals, \(process.regionBudgets.count) regional budgets, voting \(PBProcessFile.instant(process.phase(.voting).start)) to \(PBProcessFile.instant(process.phase(.voting).end))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the processes with their phase and ballots.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await store.withStore { store in
                let now = Date()
                for stored in try await store.pbProcesses() {
                    let process = stored.definition.process
                    let phase = process.phase(at: now).map(PBCLIText.phaseName) ?? "between phases"
                    let ballots = try await store.pbBallots(process: stored.slug).count
                    print("\(stored.slug)\t\(process.year)\t\(phase)\t\(ballots) ballots\t\(process.title.en)")
                }
            }
        }
    }
}

/// Names used in the PB commands' output.
enum PBCLIText {
    static func phaseName(_ kind: PBPhaseKind) -> String {
        switch kind {
        case .drafting: "drafting"
        case .proposals: "proposals"
        case .feasibilityReview: "feasibility_review"
        case .voting: "voting"
        case .tally: "tally"
        case .published: "published"
        }
    }
}
