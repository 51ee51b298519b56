import Foundation
import Testing
import YusuanStore
import YusuanStoreSQLite
import struct YusuanCore.PrintedFigure

/// What only a SQLite file shows: WAL mode and data that outlives the store.
@Suite("SQLite file store")
struct SQLiteFileTests {
    @Test("a file store writes ahead (WAL) and keeps its data when reopened")
    func reopen() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("yusuan-sqlite-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("portal.sqlite").path

        let first = try SQLiteStore(path: path)
        try await first.migrate()
        let department = try await Fixture.department(first, "tongnan-xinfang")
        let saved = try await first.saveDraft(
            Fixture.version(department.id, figures: [PrintedFigure(table: "t", row: "r", column: "c", fen: 7)]),
            actor: .system)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "WAL mode: the -wal file beside the database")
        try await first.close()

        let second = try SQLiteStore(path: path)
        try await second.migrate()
        #expect(try await second.departments() == [department])
        #expect(try await second.version(id: saved.id) == saved)
        #expect(try await second.figures(versionID: saved.id) == [PrintedFigure(table: "t", row: "r", column: "c", fen: 7)])
        let next = try await second.saveDraft(Fixture.version(department.id), actor: .system)
        #expect(next.number == 2, "numbering goes on after a reopen")
        try await second.close()
    }

    @Test("a path that cannot be opened is a .backend error naming it")
    func unopenable() {
        do {
            _ = try SQLiteStore(path: "/nonexistent-yusuan-dir/sub/portal.sqlite")
            Issue.record("opened a database in a missing folder")
        } catch let error as StoreError {
            guard case .backend(let message) = error else {
                Issue.record("expected .backend, got \(error)")
                return
            }
            #expect(message.contains("/nonexistent-yusuan-dir/sub/portal.sqlite"))
        } catch {
            Issue.record("expected a StoreError, got \(error)")
        }
    }
}
