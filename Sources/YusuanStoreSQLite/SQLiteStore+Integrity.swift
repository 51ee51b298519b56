import GRDB
import YusuanStore

extension SQLiteStore {
    /// SQLite's own check of the file (`PRAGMA integrity_check`) and of its foreign keys
    /// (`PRAGMA foreign_key_check`): an empty list when the database is sound, else one line per problem.
    /// The crash tests run it after killing the server mid-write.
    public func integrityProblems() async throws -> [String] {
        try await read("checking the integrity of the SQLite database") { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "foreign key: \(row.description)"
            }
            return integrity + foreignKeys
        }
    }
}
