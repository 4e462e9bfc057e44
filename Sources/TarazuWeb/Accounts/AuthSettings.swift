import Foundation
import TarazuStore
import Vapor

/// The security settings of the web application.
public struct AuthSettings: Sendable {
    /// Bcrypt cost of new password hashes and of the dummy hash verified for unknown accounts.
    public var bcryptCost: Int
    /// How long a session lasts after sign-in.
    public var sessionLifetime: TimeInterval
    /// Failed sign-ins allowed per username and per client address within ``failureWindow``.
    public var maxFailedLogins: Int
    public var failureWindow: TimeInterval
    /// The largest book upload accepted at /manage, in bytes (default 100 MB).
    public var uploadLimit: Int
    /// How long an uploaded book waits for its import to be confirmed.
    public var stagingLifetime: TimeInterval
    /// Uploaded books waiting for confirmation, across all sessions (each session has at most one).
    public var maxStagedUploads: Int
    /// Uploads being received or checked at once; more are answered 503 with Retry-After.
    public var maxUploadsInFlight: Int
    /// Password checks (bcrypt) running at once, on threads of their own.
    public var passwordThreads: Int
    /// Password checks running or waiting; a sign-in beyond them is answered 503 with Retry-After.
    public var maxPendingPasswordChecks: Int

    /// The defaults: bcrypt cost 12, 8-hour sessions, 5 failures in 15 minutes, 100 MB uploads staged 1 hour
    /// (8 at most, 2 received or checked at once), password checks on one thread fewer than the cores (at
    /// least one; a core stays free for pages) with 16 more waiting.
    public init(bcryptCost: Int = 12, sessionLifetime: TimeInterval = 8 * 3600, maxFailedLogins: Int = 5,
                failureWindow: TimeInterval = 15 * 60, uploadLimit: Int = 100 * 1024 * 1024, stagingLifetime: TimeInterval = 3600,
                maxStagedUploads: Int = 8, maxUploadsInFlight: Int = 2, passwordThreads: Int = max(1, System.coreCount - 1),
                maxPendingPasswordChecks: Int? = nil) {
        self.uploadLimit = uploadLimit
        self.stagingLifetime = stagingLifetime
        self.maxStagedUploads = maxStagedUploads
        self.maxUploadsInFlight = max(1, maxUploadsInFlight)
        self.passwordThreads = max(1, passwordThreads)
        self.maxPendingPasswordChecks = maxPendingPasswordChecks ?? max(1, passwordThreads) + 16
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.maxFailedLogins = maxFailedLogins
        self.failureWindow = failureWindow
    }
}

/// What the account routes share: the repositories, the settings, the sign-in throttle and the dummy hash.
struct AuthContext: Sendable {
    let accounts: any AccountRepository
    let audit: any AuditRepository
    /// What `/manage` imports into.
    let books: any BookImportRepository
    let settings: AuthSettings
    let throttle: LoginThrottle
    let staging: UploadStaging
    let passwords: PasswordChecks
    /// Verified when the account is unknown or disabled, so that a refusal takes as long as a wrong password.
    let dummyHash: String

    init(repositories: Repositories, settings: AuthSettings) throws {
        accounts = repositories.accounts
        audit = repositories.audit
        books = repositories.books
        self.settings = settings
        self.throttle = LoginThrottle(limit: settings.maxFailedLogins, window: settings.failureWindow)
        self.staging = UploadStaging(lifetime: settings.stagingLifetime, capacity: settings.maxStagedUploads)
        self.passwords = PasswordChecks(threads: settings.passwordThreads, capacity: settings.maxPendingPasswordChecks)
        self.dummyHash = try AccountPasswords.hash("tarazu-dummy-password-never-valid", cost: settings.bcryptCost)
    }
}

/// Stops the password threads when the application shuts down.
struct PasswordChecksLifecycle: LifecycleHandler {
    let checks: PasswordChecks

    func shutdownAsync(_ application: Application) async {
        await checks.shutdown()
    }
}
