import Foundation
import TarazuCore
import SQLKit
import TarazuParticipation

/// One-time codes for voters' phone numbers: only hashes are stored (the voter key and the code's HMAC).
extension BudgetStore {
    /// Records a new code for `phoneHash` in `process` (replacing the previous one), or throws
    /// `OneTimeCodeIssueError.cooldown` while the previous one is younger than the policy's cooldown.
    public func issuePBCode(process: String, phoneHash: String, codeHash: String, at date: Date = Date(),
                            policy: OneTimeCodePolicy = .standard) async throws {
        let now = StoreTime.milliseconds(date)
        do {
            try await transaction { sql in
                if let row = try await sql.select().column("issued_at_ms").from("pb_codes")
                    .where("process", .equal, process).where("phone_hash", .equal, phoneHash).first() {
                    let issued = try row.decode(column: "issued_at_ms", as: Int64.self)
                    let elapsed = Double(now - issued) / 1000
                    if elapsed < policy.resendCooldown {
                        throw OneTimeCodeIssueError.cooldown(secondsLeft: Int((policy.resendCooldown - elapsed).rounded(.up)))
                    }
                    try await sql.delete(from: "pb_codes").where("process", .equal, process).where("phone_hash", .equal, phoneHash).run()
                }
                try await sql.insert(into: "pb_codes")
                    .columns("process", "phone_hash", "code_hash", "issued_at_ms", "expires_at_ms", "attempts", "used")
                    .values([Value.of(process), Value.of(phoneHash), Value.of(codeHash), Value.of(now),
                             Value.of(now + Int64(policy.lifetime * 1000)), Value.of(Int64(0)), Value.of(false)]).run()
            }
        } catch let error as OneTimeCodeIssueError {
            throw error
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.failed(operation: "issuing a code", reason: DatabaseErrorText.describe(error), underlying: error)
        }
    }

    /// Checks the code whose hash is `codeHash` for `phoneHash` and records the try, in one
    /// transaction. Without an issued code the answer is `.expired`.
    public func verifyPBCode(process: String, phoneHash: String, codeHash: String, at date: Date = Date(),
                             policy: OneTimeCodePolicy = .standard) async throws -> OneTimeCodeVerification {
        let now = StoreTime.milliseconds(date)
        return try await DatabaseErrorText.during("checking a code") {
            try await transaction { sql -> OneTimeCodeVerification in
                guard let row = try await sql.select().columns("id", "code_hash", "expires_at_ms", "attempts", "used")
                    .from("pb_codes").where("process", .equal, process).where("phone_hash", .equal, phoneHash).first() else {
                    return .expired
                }
                let reader = ColumnReader(row: row, table: "pb_codes")
                let id = try reader.int64("id")
                let attempts = Int(try reader.int64("attempts"))
                if try reader.bool("used") { return .alreadyUsed }
                if attempts >= policy.maxAttempts { return .locked }
                if now >= (try reader.int64("expires_at_ms")) { return .expired }
                if ConstantTime.equal(try reader.text("code_hash"), codeHash) {
                    try await sql.update("pb_codes").where("id", .equal, id).set("used", to: Value.of(true)).run()
                    return .ok
                }
                try await sql.update("pb_codes").where("id", .equal, id).set("attempts", to: Value.of(Int64(attempts + 1))).run()
                let left = policy.maxAttempts - attempts - 1
                return left > 0 ? .wrong(attemptsLeft: left) : .locked
            }
        }
    }
}
