import Foundation
import Testing
import YusuanStore
import struct YusuanCore.PrintedFigure

extension StoreContract {
    /// Text the database must store as given: never interpreted as SQL, never re-encoded.
    static let oddTexts = [
        "重庆市潼南区信访办公室（本级）",
        "'; DROP TABLE departments; --",
        #"Robert"); DROP TABLE versions;--"#,
        "it's \"quoted\" `back` 'single'",
        "$1 $$ %s %d ? :name @p \\ \\\\ \\x00",
        "tab\tnewline\ncarriage\r end",
        "emoji 📊💴 and combining é (e\u{301}) and ﬁ",
        "  leading and trailing spaces  ",
        "",
    ]

    static func textRoundTrip(_ store: any YusuanStore) async throws {
        for (i, text) in oddTexts.enumerated() {
            let department = try await store.createDepartment(code: "code-\(i)-\(text)", name: text, region: text,
                                                              actor: Actor(userID: nil, username: text))
            #expect(try await store.department(code: "code-\(i)-\(text)") == department)
            #expect(department.name == text && department.region == text)

            let figures = [PrintedFigure(table: text, row: text, column: text, fen: -12_345)]
            let findings = [FindingRecord(ruleID: text, severity: "warning", message: text, location: text, messageEnglish: text)]
            let version = NewVersion(departmentID: department.id, year: 2024, phase: .budget, sourceName: text,
                                     sourceFormat: text, content: VersionContent(source: Data(text.utf8),
                                                                                 disclosure: Data(text.utf8)),
                                     figures: figures, findings: findings)
            let saved = try await store.saveDraft(version, actor: Actor(userID: nil, username: text))
            #expect(saved.sourceName == text && saved.sourceFormat == text && saved.createdBy == text)
            #expect(try await store.figures(versionID: saved.id) == figures)
            #expect(try await store.findings(versionID: saved.id) == findings)
            #expect(try await store.content(versionID: saved.id)?.source == Data(text.utf8))

            let user = try await store.createUser(username: "user-\(i)-\(text)", passwordHash: text, role: .reviewer,
                                                  departmentID: nil, actor: .system)
            #expect(try await store.user(username: "user-\(i)-\(text)") == user)
            #expect(user.passwordHash == text)
            try await store.log(action: text, target: text, detail: text, actor: Actor(userID: nil, username: text))
            let line = try await store.auditLog(limit: 1).first
            #expect(line?.action == text && line?.target == text && line?.detail == text && line?.username == text)
        }
        #expect(try await store.departments().count == oddTexts.count, "every department still there")
        #expect(try await store.departments().map(\.name).sorted() == oddTexts.sorted())
        let codes = try await store.departments().map(\.code)
        #expect(codes == codes.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }),
                "ordered by code, byte by byte")
    }
}
