import ArgumentParser
import Foundation
import TarazuStore
import TarazuWeb

/// `tarazu serve`: the public portal and the JSON API over the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the public portal (Persian first, ?lang=en) and the JSON API (/api/v1, /openapi.json) from the store.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var hostname: String = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: "Seconds a connection may stay silent (nothing read or written) before it is closed (1-3600).")
    var idleTimeout: Int = TarazuWebApp.defaultIdleTimeoutSeconds

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 1 and 3600 seconds") }
    }

    func run() async throws {
        try await store.withStore { store in
            try await TarazuWebApp.serve(repositories: Repositories(store), hostname: hostname, port: port, idleTimeoutSeconds: idleTimeout)
        }
    }
}
