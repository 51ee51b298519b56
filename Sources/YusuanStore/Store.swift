import Foundation
import YusuanCore

/// Why a store operation was refused. Every case says what; none leaves a write half-done.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    /// A uniqueness or state conflict ("department code exists", "user exists").
    case conflict(String)
    /// An attempt to change a published version.
    case immutable(String)
    case invalid(String)
    /// The database itself failed (connection lost, disk full): the transaction was rolled back.
    case backend(String)

    public var description: String {
        switch self {
        case .notFound(let s): "not found: \(s)"
        case .conflict(let s): "conflict: \(s)"
        case .immutable(let s): "immutable: \(s)"
        case .invalid(let s): "invalid: \(s)"
        case .backend(let s): "database error: \(s)"
        }
    }
}

/// The one storage contract of the portal. Two implementations (SQLite through GRDB, PostgreSQL
/// through postgres-nio) pass one contract test suite.
///
/// Every write is one transaction and writes its audit-log line in that same transaction: either
/// both are stored or neither. Money is stored as integers (分). Dates keep at least milliseconds
/// (SQLite: milliseconds, PostgreSQL: microseconds); a record returned by a write is read back from the
/// database, so it equals what later reads return. Text is ordered by its bytes (code points).
public protocol YusuanStore: Sendable {
    /// Creates or upgrades the schema. Released migrations are never edited; new ones are appended.
    func migrate() async throws
    /// Closes connections; the store is unusable afterwards.
    func close() async throws

    // MARK: Departments
    /// Creates a department; `.conflict` if the code exists.
    func createDepartment(code: String, name: String, region: String, actor: Actor) async throws -> DepartmentRecord
    func department(code: String) async throws -> DepartmentRecord?
    func department(id: Int64) async throws -> DepartmentRecord?
    /// Every department, ordered by code.
    func departments() async throws -> [DepartmentRecord]
    /// Every department with its newest (most recently saved) and newest published version, ordered by code.
    func departmentStatuses() async throws -> [DepartmentStatus]

    // MARK: Versions
    /// Stores a new draft with its content, figures and findings; numbers it after the newest
    /// version of (department, year, phase).
    func saveDraft(_ version: NewVersion, actor: Actor) async throws -> VersionRecord
    /// Publishes a draft. `.immutable` if it is already published, `.notFound` if absent.
    func publish(versionID: Int64, actor: Actor) async throws -> VersionRecord
    /// Deletes a draft (never a published version: `.immutable`).
    func deleteDraft(versionID: Int64, actor: Actor) async throws
    func version(id: Int64) async throws -> VersionRecord?
    func content(versionID: Int64) async throws -> VersionContent?
    /// A department's versions, newest year first, then phase, then newest number first.
    func versions(departmentID: Int64) async throws -> [VersionRecord]
    /// Figures in the order they were saved.
    func figures(versionID: Int64) async throws -> [PrintedFigure]
    /// Findings in the order they were saved.
    func findings(versionID: Int64) async throws -> [FindingRecord]
    /// Rule counts over the newest (most recently saved) version of each department (drafts included),
    /// most findings first, then by rule id.
    func ruleTallies() async throws -> [RuleTally]

    // MARK: Users and sessions
    /// `.conflict` if the username exists; `.invalid` if an officer has no department.
    func createUser(username: String, passwordHash: String, role: UserRole, departmentID: Int64?, actor: Actor) async throws -> UserRecord
    func user(username: String) async throws -> UserRecord?
    func user(id: Int64) async throws -> UserRecord?
    /// Every user, ordered by username.
    func users() async throws -> [UserRecord]
    func createSession(_ session: SessionRecord) async throws
    /// The session if it exists and has not expired at `now`.
    func session(tokenHash: String, now: Date) async throws -> SessionRecord?
    func deleteSession(tokenHash: String) async throws
    /// Removes sessions expired at `now`; returns how many.
    func deleteExpiredSessions(now: Date) async throws -> Int

    // MARK: Audit log
    /// Appends a line outside any other write (logins, logouts, refused attempts).
    func log(action: String, target: String, detail: String, actor: Actor) async throws
    /// The newest entries first.
    func auditLog(limit: Int) async throws -> [AuditLogEntry]

    // MARK: Line items
    /// Imports every row of `source` as one batch of `year`, in one transaction with its audit-log line,
    /// reading the source a chunk at a time. An error from the source (bad input, `.invalid` naming line
    /// and column) or the database rolls the whole import back: nothing is written.
    func importLineItems(_ source: any LineItemSource, year: Int, fileName: String, actor: Actor) async throws -> LineItemBatch
    /// Every import, newest first.
    func lineItemBatches() async throws -> [LineItemBatch]
    /// Per department: rows and total 分 of one batch, ordered by department code.
    func lineItemTotals(batchID: Int64) async throws -> [LineItemTotal]
    /// One department's rows of one batch, in file order (what a build of that department reads).
    func lineItems(batchID: Int64, department: String) async throws -> [LineItemRow]
}
