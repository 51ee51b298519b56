import Foundation
import Testing
import YusuanStore
import struct YusuanCore.PrintedFigure

extension StoreContract {
    static func versionNumbering(_ store: any YusuanStore) async throws {
        let a = try await Fixture.department(store, "a")
        let b = try await Fixture.department(store, "b")
        var numbers: [Int] = []
        for _ in 0..<3 {
            numbers.append(try await store.saveDraft(Fixture.version(a.id), actor: Fixture.officer).number)
        }
        #expect(numbers == [1, 2, 3], "numbered 1, 2, 3 within (department, year, phase)")
        let final2024 = try await store.saveDraft(Fixture.version(a.id, phase: .finalAccounts), actor: Fixture.officer)
        let budget2023 = try await store.saveDraft(Fixture.version(a.id, year: 2023), actor: Fixture.officer)
        let otherDepartment = try await store.saveDraft(Fixture.version(b.id), actor: Fixture.officer)
        #expect(final2024.number == 1, "another phase is numbered on its own")
        #expect(budget2023.number == 1, "another year is numbered on its own")
        #expect(otherDepartment.number == 1, "another department is numbered on its own")
        let fourth = try await store.saveDraft(Fixture.version(a.id), actor: Fixture.officer)
        #expect(fourth.number == 4)

        let listed = try await store.versions(departmentID: a.id)
        #expect(listed.map { "\($0.year) \($0.phase.rawValue) \($0.number)" } == [
            "2024 budget 4", "2024 budget 3", "2024 budget 2", "2024 budget 1", "2024 final 1", "2023 budget 1",
        ], "newest year first, then phase, then newest number first")
        #expect(listed.allSatisfy { $0.departmentID == a.id && $0.status == .draft && $0.publishedAt == nil })
        #expect(try await store.versions(departmentID: b.id) == [otherDepartment])
        #expect(try await store.versions(departmentID: 987_654) == [])
    }

    static func draftContent(_ store: any YusuanStore) async throws {
        let department = try await Fixture.department(store, "tongnan-xinfang")
        let figures = [
            PrintedFigure(table: "收支总表", row: "一般公共预算拨款收入", column: "预算数", fen: 1_000_000_000_000_000),
            PrintedFigure(table: "收支总表", row: "上年结转", column: "预算数", fen: -1_000_000_000_000_000),
            PrintedFigure(table: "收支总表", row: "合计", column: "预算数", fen: 999_999_999_999_999),
            PrintedFigure(table: "收入总表", row: "2010308", column: "合计", fen: -1),
            PrintedFigure(table: "收入总表", row: "2010308", column: "其他", fen: 0),
            PrintedFigure(table: "极值", row: "max", column: "Int64", fen: .max),
            PrintedFigure(table: "极值", row: "min", column: "Int64", fen: .min),
            PrintedFigure(table: "A 乱序", row: "z", column: "a", fen: 12_345),
        ]
        let findings = Fixture.findings("arith.total-row", "error", count: 2)
            + Fixture.findings("narrative.change", "warning", count: 3)
            + [Fixture.finding("completeness.table", "notice")]
            + [Fixture.finding("arith.total-row", "error", 9)]
        let source = Data([0x00, 0xFF, 0x10, 0x00] + Array("预算: 1\n".utf8))
        let disclosure = Data(#"{"title":"重庆市潼南区信访办公室2024年部门预算"}"#.utf8)
        let new = Fixture.version(department.id, figures: figures, findings: findings, source: source, disclosure: disclosure)
        let saved = try await store.saveDraft(new, actor: Fixture.officer)

        #expect(saved.departmentID == department.id && saved.year == 2024 && saved.phase == .budget)
        #expect(saved.status == .draft && saved.publishedAt == nil && saved.createdBy == "officer-wang")
        #expect(saved.sourceName == "budget-2024.yaml" && saved.sourceFormat == "yaml")
        #expect(abs(saved.createdAt.timeIntervalSinceNow) < 60, "created now")
        #expect(saved.errors == 3 && saved.warnings == 3 && saved.notices == 1, "counted from the findings")
        #expect(try await store.version(id: saved.id) == saved)
        #expect(try await store.figures(versionID: saved.id) == figures, "figures in saved order, every fen exact")
        #expect(try await store.findings(versionID: saved.id) == findings, "findings in saved order")
        #expect(try await store.content(versionID: saved.id) == VersionContent(source: source, disclosure: disclosure))

        let empty = try await store.saveDraft(Fixture.version(department.id, source: Data(), disclosure: Data()),
                                              actor: Fixture.officer)
        #expect(try await store.content(versionID: empty.id) == VersionContent(source: Data(), disclosure: Data()),
                "empty content reads back empty, not missing")
        #expect(try await store.figures(versionID: empty.id) == [])
        #expect(empty.errors == 0 && empty.warnings == 0 && empty.notices == 0)
        #expect(try await store.content(versionID: 987_654) == nil)

        let log = try await store.auditLog(limit: 10)
        #expect(log.count == 3, "department, two uploads")
        #expect(log.dropFirst().first?.action == "version.upload")
        #expect(log.dropFirst().first?.target == "version \(saved.id)")
        #expect(log.dropFirst().first?.username == "officer-wang")
    }

    /// A whole department's disclosure: thousands of figures and findings in one transaction.
    static func largeDraft(_ store: any YusuanStore) async throws {
        let department = try await Fixture.department(store, "a")
        let figures = (0..<20_000).map { i in
            PrintedFigure(table: "附件\(i % 9 + 1)", row: "\(2_010_000 + i)", column: i.isMultiple(of: 2) ? "合计" : "基本支出",
                         fen: Int64(i) * 1_000_003 - 7_000_000_000)
        }
        let findings = (0..<2_000).map { i in
            Fixture.finding("rule-\(i % 17)", ["error", "warning", "notice"][i % 3], i)
        }
        let saved = try await store.saveDraft(Fixture.version(department.id, figures: figures, findings: findings),
                                              actor: Fixture.officer)
        #expect(try await store.figures(versionID: saved.id) == figures)
        #expect(try await store.findings(versionID: saved.id) == findings)
        #expect(saved.errors == 667 && saved.warnings == 667 && saved.notices == 666)
    }

    static func publishAndImmutability(_ store: any YusuanStore) async throws {
        let department = try await Fixture.department(store, "a")
        let figures = [PrintedFigure(table: "t", row: "r", column: "c", fen: 100)]
        let findings = [Fixture.finding("rule", "warning")]
        let draft = try await store.saveDraft(Fixture.version(department.id, figures: figures, findings: findings),
                                              actor: Fixture.officer)
        let reviewer = Actor(userID: nil, username: "reviewer-li")
        let published = try await store.publish(versionID: draft.id, actor: reviewer)
        #expect(published.status == .published)
        #expect(published.publishedAt != nil)
        #expect(published.id == draft.id && published.number == draft.number && published.createdAt == draft.createdAt)
        #expect(try await store.version(id: draft.id) == published)

        await expectStoreError(.immutable, "publishing a published version again") {
            _ = try await store.publish(versionID: draft.id, actor: reviewer)
        }
        await expectStoreError(.immutable, "deleting a published version") {
            try await store.deleteDraft(versionID: draft.id, actor: reviewer)
        }
        await expectStoreError(.notFound, "publishing a missing version") {
            _ = try await store.publish(versionID: 987_654, actor: reviewer)
        }
        #expect(try await store.version(id: draft.id) == published, "unchanged by the refused writes")
        #expect(try await store.figures(versionID: draft.id) == figures)
        #expect(try await store.findings(versionID: draft.id) == findings)

        let log = try await store.auditLog(limit: 10)
        #expect(log.map(\.action) == ["version.publish", "version.upload", "department.create"],
                "one line per write that happened, none for refused ones")
        #expect(log.first?.username == "reviewer-li" && log.first?.target == "version \(draft.id)")
    }

    static func deleteDraft(_ store: any YusuanStore) async throws {
        let department = try await Fixture.department(store, "a")
        let figures = [PrintedFigure(table: "t", row: "r", column: "c", fen: 100)]
        let keep = try await store.saveDraft(Fixture.version(department.id, figures: figures,
                                                             findings: [Fixture.finding("rule", "error")]),
                                             actor: Fixture.officer)
        let drop = try await store.saveDraft(Fixture.version(department.id, figures: figures,
                                                             findings: [Fixture.finding("rule", "error")]),
                                             actor: Fixture.officer)
        try await store.deleteDraft(versionID: drop.id, actor: Fixture.officer)
        #expect(try await store.version(id: drop.id) == nil)
        #expect(try await store.content(versionID: drop.id) == nil)
        #expect(try await store.figures(versionID: drop.id) == [], "its figures are gone")
        #expect(try await store.findings(versionID: drop.id) == [], "its findings are gone")
        #expect(try await store.figures(versionID: keep.id) == figures, "the other version keeps its own")
        #expect(try await store.versions(departmentID: department.id) == [keep])
        await expectStoreError(.notFound, "deleting a missing version") {
            try await store.deleteDraft(versionID: drop.id, actor: Fixture.officer)
        }
        #expect(try await store.auditLog(limit: 1).first?.action == "version.delete")
        #expect(try await store.auditLog(limit: 1).first?.target == "version \(drop.id)")
    }

    static func failedSaveLeavesNothing(_ store: any YusuanStore) async throws {
        let department = try await Fixture.department(store, "a")
        let logBefore = try await store.auditLog(limit: 100)
        let figures = (0..<50).map { PrintedFigure(table: "t", row: "r\($0)", column: "c", fen: Int64($0)) }

        await expectStoreError(.notFound, "a draft of an unknown department") {
            _ = try await store.saveDraft(Fixture.version(987_654, figures: figures,
                                                          findings: [Fixture.finding("rule", "error")]),
                                          actor: Fixture.officer)
        }
        // The last finding breaks the schema's severity check after the version, every figure and the
        // other findings were written: the whole transaction must roll back.
        let broken = Fixture.version(department.id, figures: figures,
                                     findings: Fixture.findings("rule", "error", count: 5) + [Fixture.finding("rule", "fatal")])
        await expectStoreError(.invalid, "a finding with an unknown severity") {
            _ = try await store.saveDraft(broken, actor: Fixture.officer)
        }

        #expect(try await store.versions(departmentID: department.id) == [], "no version left")
        #expect(try await store.versions(departmentID: 987_654) == [])
        #expect(try await store.auditLog(limit: 100) == logBefore, "no audit-log line for a failed save")
        #expect(try await store.ruleTallies() == [])
        let good = try await store.saveDraft(Fixture.version(department.id), actor: Fixture.officer)
        #expect(good.number == 1, "the failed saves took no number")
        for id in 1..<max(good.id, 1) {
            #expect(try await store.version(id: id) == nil)
            #expect(try await store.figures(versionID: id) == [], "no figures of a failed save (id \(id))")
            #expect(try await store.findings(versionID: id) == [], "no findings of a failed save (id \(id))")
        }
    }
}
