import Testing
import YusuanStorePostgres
import YusuanStoreSQLite

/// Released migrations are never edited: a database migrated yesterday must mean what a fresh one
/// means today. Each released migration's text is pinned here by checksum. To change the schema,
/// append a migration (and record its checksum); never edit a released one or its recorded value.
@Suite("Released migrations")
struct MigrationChecksumTests {
    static let sqlite: [(identifier: String, checksum: String)] = [
        ("v1-schema", "10cec1847a9a604d"),
        ("v2-line-items", "8e53835e2353a33d"),
        ("v3-finding-english", "bf798fc3e01e39b8"),
    ]
    static let postgres: [(identifier: String, checksum: String)] = [
        ("v1-schema", "f39410e56326f45e"),
        ("v2-line-items", "36d95407089e444c"),
        ("v3-finding-english", "4aa2389684edd353"),
    ]

    @Test("SQLite migrations are the released ones, unedited")
    func sqliteMigrations() {
        let actual = SQLiteMigrations.released.map { ($0.identifier, fnv1a64($0.sql)) }
        Self.compare(actual, Self.sqlite, store: "SQLite")
    }

    @Test("the index a first SQLite line-item import rebuilds is the one migration v2-line-items creates")
    func sqliteLineItemsIndex() {
        let v2 = SQLiteMigrations.released.first { $0.identifier == "v2-line-items" }
        #expect(v2?.sql.contains(SQLiteStore.lineItemsIndex) == true)
    }

    @Test("PostgreSQL migrations are the released ones, unedited")
    func postgresMigrations() {
        let actual = PostgresMigrations.released.map { ($0.identifier, fnv1a64($0.statements.joined(separator: "\n;\n"))) }
        Self.compare(actual, Self.postgres, store: "PostgreSQL")
    }

    static func compare(_ actual: [(String, String)], _ recorded: [(identifier: String, checksum: String)], store: String) {
        #expect(actual.count >= recorded.count, "\(store): a released migration was removed")
        for (index, released) in recorded.enumerated() where index < actual.count {
            #expect(actual[index].0 == released.identifier,
                    "\(store) migration \(index): identifier \(actual[index].0), released as \(released.identifier)")
            #expect(actual[index].1 == released.checksum, """
                \(store) migration \(released.identifier) was edited (checksum \(actual[index].1), released as \
                \(released.checksum)): append a new migration instead
                """)
        }
        for unrecorded in actual.dropFirst(recorded.count) {
            Issue.record("\(store) migration \(unrecorded.0) has no recorded checksum: record \(unrecorded.1)")
        }
    }
}

/// FNV-1a, 64 bits, over the UTF-8 bytes, as 16 hex digits: enough to notice any edit.
func fnv1a64(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
