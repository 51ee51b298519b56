import Foundation
import Testing
import YusuanStore
import struct YusuanCore.PrintedFigure

/// Small builders for the contract checks.
enum Fixture {
    static let officer = Actor(userID: nil, username: "officer-wang")

    static func department(_ store: any YusuanStore, _ code: String, name: String? = nil) async throws -> DepartmentRecord {
        try await store.createDepartment(code: code, name: name ?? "部门 \(code)", region: "潼南区", actor: .system)
    }

    static func version(_ departmentID: Int64, year: Int = 2024, phase: VersionPhase = .budget,
                        figures: [PrintedFigure] = [], findings: [FindingRecord] = [],
                        source: Data = Data("department: x\n".utf8), disclosure: Data = Data("{}".utf8)) -> NewVersion {
        NewVersion(departmentID: departmentID, year: year, phase: phase, sourceName: "budget-\(year).yaml",
                   sourceFormat: "yaml", content: VersionContent(source: source, disclosure: disclosure),
                   figures: figures, findings: findings)
    }

    static func finding(_ ruleID: String, _ severity: String, _ n: Int = 0) -> FindingRecord {
        FindingRecord(ruleID: ruleID, severity: severity, message: "\(ruleID) 第\(n)处", location: "附件1 第\(n)行",
                      messageEnglish: "\(ruleID) no. \(n)")
    }

    static func findings(_ ruleID: String, _ severity: String, count: Int) -> [FindingRecord] {
        (0..<count).map { finding(ruleID, severity, $0) }
    }
}

/// What kind of `StoreError` a call must throw.
enum StoreErrorKind: Sendable {
    case notFound, conflict, immutable, invalid, backend

    init(_ error: StoreError) {
        switch error {
        case .notFound: self = .notFound
        case .conflict: self = .conflict
        case .immutable: self = .immutable
        case .invalid: self = .invalid
        case .backend: self = .backend
        }
    }
}

/// Expects `body` to throw a `StoreError` of the given kind.
func expectStoreError(_ kind: StoreErrorKind, _ what: Comment,
                      sourceLocation: SourceLocation = #_sourceLocation,
                      _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("\(what): expected a .\(kind) store error, but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(StoreErrorKind(error) == kind, "\(what): expected .\(kind), got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(what): expected a .\(kind) store error, got \(error)", sourceLocation: sourceLocation)
    }
}
