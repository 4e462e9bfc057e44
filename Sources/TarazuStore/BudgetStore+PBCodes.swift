import Foundation
import SQLKit
import TarazuParticipation

/// One-time codes for voters' phone numbers: only hashes are stored (the voter key and the code's HMAC);
/// the rules are ``PBRules``' (see ``PBRepository``).
extension BudgetStore {
    /// Records a new code for `phoneHash` in `process` unless the previous one is within the cooldown.
    public func issuePBCode(process: String, phoneHash: String, codeHash: String, at date: Date, policy: OneTimeCodePolicy) async throws {
        let now = StoreTime.milliseconds(date)
        do {
            try await transaction { sql in
                let previous = try await Self.pbCode(process: process, phoneHash: phoneHash, on: sql)
                let code = try PBRules.issue(codeHash, at: now, previous: previous?.code, policy: policy)
                if let previous { try await sql.delete(from: "pb_codes").where("id", .equal, previous.id).run() }
                try await sql.insert(into: "pb_codes")
                    .columns("process", "phone_hash", "code_hash", "issued_at_ms", "expires_at_ms", "attempts", "used")
                    .values([Value.of(process), Value.of(phoneHash), Value.of(code.codeHash), Value.of(code.issuedAt),
                             Value.of(code.expiresAt), Value.of(Int64(code.attempts)), Value.of(code.used)]).run()
            }
        } catch let error as OneTimeCodeIssueError {
            throw error
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.failed(operation: "issuing a code", reason: DatabaseErrorText.describe(error), underlying: error)
        }
    }

    /// Checks the code whose hash is `codeHash` for `phoneHash` and records the try, in one transaction.
    public func verifyPBCode(process: String, phoneHash: String, codeHash: String, at date: Date,
                             policy: OneTimeCodePolicy) async throws -> OneTimeCodeVerification {
        let now = StoreTime.milliseconds(date)
        return try await DatabaseErrorText.during("checking a code") {
            try await transaction { sql -> OneTimeCodeVerification in
                let stored = try await Self.pbCode(process: process, phoneHash: phoneHash, on: sql)
                let (answer, changed) = PBRules.verify(stored?.code, codeHash: codeHash, at: now, policy: policy)
                if let stored, let changed {
                    try await sql.update("pb_codes").where("id", .equal, stored.id)
                        .set("attempts", to: Value.of(Int64(changed.attempts))).set("used", to: Value.of(changed.used)).run()
                }
                return answer
            }
        }
    }

    /// The code of `phoneHash` in `process` with its row id, or nil.
    private static func pbCode(process: String, phoneHash: String, on sql: any SQLDatabase) async throws -> (id: Int64, code: PBRules.Code)? {
        guard let row = try await sql.select().columns("id", "code_hash", "issued_at_ms", "expires_at_ms", "attempts", "used")
            .from("pb_codes").where("process", .equal, process).where("phone_hash", .equal, phoneHash).first() else { return nil }
        let reader = ColumnReader(row: row, table: "pb_codes")
        return try (reader.int64("id"), PBRules.Code(codeHash: reader.text("code_hash"), issuedAt: reader.int64("issued_at_ms"),
                                                     expiresAt: reader.int64("expires_at_ms"), attempts: Int(reader.int64("attempts")),
                                                     used: reader.bool("used")))
    }
}
