import Foundation
import YusuanCore

/// A department that publishes disclosures. `code` is the stable key used in URLs ("tongnan-xinfang").
public struct DepartmentRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var code: String
    public var name: String
    public var region: String

    public init(id: Int64, code: String, name: String, region: String) {
        self.id = id
        self.code = code
        self.name = name
        self.region = region
    }
}

/// Budget (预算) or final accounts (决算).
public enum VersionPhase: String, Sendable, Codable, CaseIterable {
    case budget, finalAccounts = "final"
}

/// A version is a draft until it is published; a published version never changes.
public enum VersionStatus: String, Sendable, Codable, CaseIterable {
    case draft, published
}

/// One stored version of a department's disclosure for a year: the source it was built from (or the
/// document it was read from), the built disclosure as JSON, and the audit counts.
public struct VersionRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var departmentID: Int64
    public var year: Int
    public var phase: VersionPhase
    /// 1, 2, 3… within (department, year, phase), in the order of upload.
    public var number: Int
    public var status: VersionStatus
    public var createdAt: Date
    public var createdBy: String
    public var publishedAt: Date?
    /// The uploaded file's name as given by the user (shown escaped, never used as a path).
    public var sourceName: String
    /// "yaml", "csv", "xlsx" for budget sources; "text", "html", "xlsx", "pdf" for published documents.
    public var sourceFormat: String
    public var errors: Int
    public var warnings: Int
    public var notices: Int

    public init(id: Int64, departmentID: Int64, year: Int, phase: VersionPhase, number: Int, status: VersionStatus,
                createdAt: Date, createdBy: String, publishedAt: Date?, sourceName: String, sourceFormat: String,
                errors: Int, warnings: Int, notices: Int) {
        self.id = id
        self.departmentID = departmentID
        self.year = year
        self.phase = phase
        self.number = number
        self.status = status
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.publishedAt = publishedAt
        self.sourceName = sourceName
        self.sourceFormat = sourceFormat
        self.errors = errors
        self.warnings = warnings
        self.notices = notices
    }
}

/// A version's large parts, read only when needed.
public struct VersionContent: Sendable, Hashable {
    /// The canonical budget source (YAML) or the uploaded document's bytes.
    public var source: Data
    /// The disclosure as JSON (YusuanCore's `Disclosure`, Codable).
    public var disclosure: Data

    public init(source: Data, disclosure: Data) {
        self.source = source
        self.disclosure = disclosure
    }
}

/// One audit finding of a version.
public struct FindingRecord: Sendable, Hashable, Codable {
    public var ruleID: String
    /// "error", "warning" or "notice".
    public var severity: String
    public var message: String
    /// Where, as the report prints it ("附件1 row 3 column 合计").
    public var location: String
    /// The message in English; empty for findings stored before English was kept (migration v3).
    public var messageEnglish: String

    public init(ruleID: String, severity: String, message: String, location: String, messageEnglish: String = "") {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.messageEnglish = messageEnglish
    }
}

/// What a caller hands to `saveDraft`.
public struct NewVersion: Sendable {
    public var departmentID: Int64
    public var year: Int
    public var phase: VersionPhase
    public var sourceName: String
    public var sourceFormat: String
    public var content: VersionContent
    public var figures: [PrintedFigure]
    public var findings: [FindingRecord]

    public init(departmentID: Int64, year: Int, phase: VersionPhase, sourceName: String, sourceFormat: String,
                content: VersionContent, figures: [PrintedFigure], findings: [FindingRecord]) {
        self.departmentID = departmentID
        self.year = year
        self.phase = phase
        self.sourceName = sourceName
        self.sourceFormat = sourceFormat
        self.content = content
        self.figures = figures
        self.findings = findings
    }

    public var errors: Int { findings.filter { $0.severity == "error" }.count }
    public var warnings: Int { findings.filter { $0.severity == "warning" }.count }
    public var notices: Int { findings.filter { $0.severity == "notice" }.count }
}

public enum UserRole: String, Sendable, Codable, CaseIterable {
    case admin, reviewer, officer
}

public struct UserRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var username: String
    /// bcrypt hash; never logged, never rendered.
    public var passwordHash: String
    public var role: UserRole
    /// For officers: the one department they may write.
    public var departmentID: Int64?
    public var createdAt: Date

    public init(id: Int64, username: String, passwordHash: String, role: UserRole, departmentID: Int64?, createdAt: Date) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.role = role
        self.departmentID = departmentID
        self.createdAt = createdAt
    }
}

/// A login session. The store keeps only a hash of the cookie's token.
public struct SessionRecord: Sendable, Hashable, Codable {
    public var tokenHash: String
    public var userID: Int64
    public var csrfToken: String
    public var expiresAt: Date

    public init(tokenHash: String, userID: Int64, csrfToken: String, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// Who performs a write; recorded in the audit log in the same transaction as the write.
public struct Actor: Sendable, Hashable {
    public var userID: Int64?
    public var username: String

    public init(userID: Int64?, username: String) {
        self.userID = userID
        self.username = username
    }

    /// Writes made by the system itself (migrations, loading the bundled example, `yusuan user add`).
    public static let system = Actor(userID: nil, username: "system")
}

/// One line of the audit log: who did what, when.
public struct AuditLogEntry: Sendable, Hashable, Codable {
    public var id: Int64
    public var at: Date
    public var username: String
    /// "department.create", "version.upload", "version.publish", "user.create", "login", "logout"…
    public var action: String
    /// What it was done to ("department tongnan-xinfang", "version 12").
    public var target: String
    public var detail: String

    public init(id: Int64, at: Date, username: String, action: String, target: String, detail: String) {
        self.id = id
        self.at = at
        self.username = username
        self.action = action
        self.target = target
        self.detail = detail
    }
}

/// A department with the state of its newest version, for the reviewer's overview.
public struct DepartmentStatus: Sendable, Hashable {
    public var department: DepartmentRecord
    /// The newest version (any year, phase or status), if any.
    public var latest: VersionRecord?
    /// The newest published version, if any.
    public var latestPublished: VersionRecord?

    public init(department: DepartmentRecord, latest: VersionRecord?, latestPublished: VersionRecord?) {
        self.department = department
        self.latest = latest
        self.latestPublished = latestPublished
    }
}

/// How often a rule fires across the newest version of every department.
public struct RuleTally: Sendable, Hashable {
    public var ruleID: String
    public var severity: String
    /// Findings in all.
    public var findings: Int
    /// Departments with at least one.
    public var departments: Int

    public init(ruleID: String, severity: String, findings: Int, departments: Int) {
        self.ruleID = ruleID
        self.severity = severity
        self.findings = findings
        self.departments = departments
    }
}
