import Foundation
import TarazuStore
import Testing
import Vapor
import VaporTesting
@testable import TarazuWeb

/// Every registered route is in the access table, and every protected route refuses the signed-out and
/// the too-low role.
@Suite struct AccessPolicyTests {
    @Test func everyRouteIsCoveredAndProtectedRoutesRefuse() async throws {
        try await WebHarness.withApp { app, stores in
            let sessions = [
                AccountRole.council: try await AuthHarness.signedIn(stores.accounts, "c-user", role: .council),
                AccountRole.analyst: try await AuthHarness.signedIn(stores.accounts, "a-user", role: .analyst),
            ]
            let loginToken = try await AuthHarness.loginToken(app)
            var protectedCount = 0
            for route in app.routes.all {
                let first = route.path.first?.description ?? ""
                let requirement = try #require(AccessPolicy.requirement(forFirstComponent: first),
                                               "\(route.method) /\(route.path.map(\.description).joined(separator: "/")) is not in the access table")
                guard case .role(let role) = requirement else { continue }
                protectedCount += 1
                let path = "/" + route.path.map { component -> String in
                    if case .parameter = component { return "x" }
                    return component.description
                }.joined(separator: "/")
                // Signed out.
                if route.method == .GET {
                    let response = try await WebHarness.get(app, path)
                    #expect(response.status == .seeOther, "\(path)")
                    #expect(response.headers.first(name: .location)?.hasPrefix("/login?next=") == true, "\(path)")
                } else {
                    let response = try await AuthHarness.post(app, path, cookie: "tarazu_csrf=\(loginToken)",
                                                              fields: [("csrf_token", loginToken)])
                    #expect(response.status == .forbidden, "\(route.method) \(path)")
                    #expect(response.text.contains("باید وارد شوید"), "\(path)")
                }
                // Every role below the one required.
                for lower in AccountRole.allCases where lower < role {
                    let session = try #require(sessions[lower])
                    let response = route.method == .GET
                        ? try await WebHarness.get(app, path, headers: session.headers)
                        : try await AuthHarness.post(app, path, cookie: session.cookie, fields: [("csrf_token", session.csrf)])
                    #expect(response.status == .forbidden, "\(route.method) \(path) as \(lower)")
                }
            }
            #expect(protectedCount >= 5)
            #expect(try await stores.accounts.accounts().count == 2)
        }
    }

    @Test func theTableNamesTheThreeAreas() {
        #expect(AccessPolicy.requirement(forFirstComponent: "dashboard") == .role(.council))
        #expect(AccessPolicy.requirement(forFirstComponent: "manage") == .role(.analyst))
        #expect(AccessPolicy.requirement(forFirstComponent: "admin") == .role(.admin))
        #expect(AccessPolicy.requirement(forFirstComponent: "books") == .everyone)
    }
}
