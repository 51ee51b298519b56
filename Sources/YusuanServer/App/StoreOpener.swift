import Foundation
import YusuanCore
import YusuanStore
import YusuanStorePostgres
import YusuanStoreSQLite

/// Opens the store `yusuan serve --database` names: a postgres:// URL is PostgreSQL, anything else a
/// SQLite file path (created when absent).
public enum StoreOpener {
    public static let defaultPath = "yusuan.db"

    public static func open(_ database: String) async throws -> any YusuanStore {
        let trimmed = database.trimmed
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return try PostgresStore(url: trimmed)
        }
        return try SQLiteStore(path: trimmed.isEmpty ? defaultPath : trimmed)
    }
}
