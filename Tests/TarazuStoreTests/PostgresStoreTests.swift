import Foundation
import Testing
@testable import TarazuStore

/// Each test works in a schema of its own, dropped at the end, so tests run in parallel and reruns pass.
@Suite("Store on PostgreSQL (TARAZU_TEST_POSTGRES_URL)",
       .enabled(if: Backend.postgresURL != nil, "TARAZU_TEST_POSTGRES_URL is not set (scripts/pg-test-setup prints it)"))
struct PostgresStoreTests {
    @Test func roundTripIsExact() async throws { try await StoreChecks.roundTripIsExact(.postgres) }
    @Test func entitiesAndTransfersRoundTrip() async throws { try await StoreChecks.entitiesAndTransfersRoundTrip(.postgres) }
    @Test func emptyBookRoundTrips() async throws { try await StoreChecks.emptyBookRoundTrips(.postgres) }
    @Test func reimportReplacesAndKeepsHistory() async throws { try await StoreChecks.reimportReplacesAndKeepsHistory(.postgres) }
    @Test func citiesLiveSideBySide() async throws { try await StoreChecks.citiesLiveSideBySide(.postgres) }
    @Test func constraintViolationChangesNothing() async throws { try await StoreChecks.constraintViolationChangesNothing(.postgres) }
    @Test func injectedFailureChangesNothing() async throws { try await StoreChecks.injectedFailureChangesNothing(.postgres) }
    @Test func reopenKeepsBooks() async throws { try await StoreChecks.reopenKeepsBooks(.postgres) }

    @Test func wrongPasswordIsAClearError() async throws {
        let url = try #require(Backend.postgresURL)
        guard case .postgres(let parsed, _) = try StoreLocation.parse(url) else { Issue.record("not a PostgreSQL URL"); return }
        var components = try #require(URLComponents(string: parsed))
        components.password = "definitely-wrong"
        let location = StoreLocation.postgres(url: try #require(components.string))
        await #expect {
            _ = try await BudgetStore.open(location)
        } throws: { error in
            guard case StoreError.cannotOpen = error else { return false }
            let message = "\(error)"
            return message.contains("***") && !message.contains("definitely-wrong")
                && message.contains("password authentication failed")
        }
    }
}
