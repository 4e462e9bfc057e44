import Foundation
import OpenAPIKit
import Testing
@testable import TarazuWeb

/// The served OpenAPI document read and validated by OpenAPIKit (structure, references, operation ids,
/// path parameters), with the license of the project.
@Suite struct OpenAPIValidationTests {
    @Test func theDocumentIsValidOpenAPI31() throws {
        let document = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(OpenAPIDocument.json.utf8))
        try document.validate()
        #expect(document.openAPIVersion == .v3_1_0)
        #expect(document.info.license?.name == "GNU Affero General Public License v3.0 or later")
        #expect(document.paths.count > 20)
        // Every operation has an id, and no two share one.
        let ids = document.allOperationIds
        #expect(Set(ids).count == ids.count)
        #expect(ids.count == document.paths.values.compactMap { $0.pathItemValue }.flatMap(\.endpoints).count)
    }
}
