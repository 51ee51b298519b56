/// The SQLite schema, as an ordered list of released migrations.
///
/// A released migration is never edited: the contract suite pins each one's text by checksum
/// (`Tests/YusuanStoreTests/MigrationChecksumTests.swift`). Change the schema by appending a migration.
package enum SQLiteMigrations {
    /// (identifier, SQL) in the order they are applied. GRDB's `DatabaseMigrator` records applied
    /// identifiers in its `grdb_migrations` table.
    package static let released: [(identifier: String, sql: String)] = [
        ("v1-schema", v1Schema),
        ("v2-line-items", v2LineItems),
        ("v3-finding-english", v3FindingEnglish),
    ]

    /// Findings keep their English message beside the Chinese one; findings stored earlier get an empty one.
    static let v3FindingEnglish = """
        ALTER TABLE findings ADD COLUMN message_en TEXT NOT NULL DEFAULT '';
        """

    /// Imported line items (`yusuan import`): one batch per import (a year's file), its rows with their
    /// line in the file; amounts in 分. Rows go with their batch (ON DELETE CASCADE).
    static let v2LineItems = """
        CREATE TABLE line_item_batches (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            year INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
            file_name TEXT NOT NULL,
            row_count INTEGER NOT NULL CHECK (row_count >= 0),
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL
        ) STRICT;

        CREATE TABLE line_items (
            batch_id INTEGER NOT NULL REFERENCES line_item_batches(id) ON DELETE CASCADE,
            line INTEGER NOT NULL,
            department TEXT NOT NULL CHECK (length(department) > 0),
            unit TEXT NOT NULL CHECK (length(unit) > 0),
            functional TEXT NOT NULL,
            economic TEXT NOT NULL,
            nature TEXT NOT NULL,
            project TEXT NOT NULL,
            fund TEXT NOT NULL,
            fen INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX line_items_by_department ON line_items(batch_id, department);
        """

    /// Departments, versions with their figures and findings, users, sessions and the audit log.
    /// Money (`fen`) is INTEGER in STRICT tables: SQLite refuses any other type there. A published
    /// version can be neither updated nor deleted (triggers), nor can its figures and findings change.
    static let v1Schema = """
        CREATE TABLE departments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
            name TEXT NOT NULL,
            region TEXT NOT NULL
        ) STRICT;

        CREATE TABLE versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            department_id INTEGER NOT NULL REFERENCES departments(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
            phase TEXT NOT NULL CHECK (phase IN ('budget', 'final')),
            number INTEGER NOT NULL CHECK (number >= 1),
            status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            published_at TEXT,
            source_name TEXT NOT NULL,
            source_format TEXT NOT NULL,
            errors INTEGER NOT NULL CHECK (errors >= 0),
            warnings INTEGER NOT NULL CHECK (warnings >= 0),
            notices INTEGER NOT NULL CHECK (notices >= 0),
            source BLOB NOT NULL,
            disclosure BLOB NOT NULL,
            UNIQUE (department_id, year, phase, number),
            CHECK ((status = 'published') = (published_at IS NOT NULL))
        ) STRICT;
        CREATE INDEX versions_by_department ON versions(department_id, id);

        CREATE TABLE figures (
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            table_name TEXT NOT NULL,
            row_label TEXT NOT NULL,
            column_label TEXT NOT NULL,
            fen INTEGER NOT NULL,
            PRIMARY KEY (version_id, seq)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE findings (
            version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'notice')),
            message TEXT NOT NULL,
            location TEXT NOT NULL,
            PRIMARY KEY (version_id, seq)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            username TEXT NOT NULL UNIQUE CHECK (length(username) > 0),
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'officer')),
            department_id INTEGER REFERENCES departments(id),
            created_at TEXT NOT NULL,
            CHECK (role <> 'officer' OR department_id IS NOT NULL)
        ) STRICT;

        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            expires_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sessions_by_user ON sessions(user_id);
        CREATE INDEX sessions_by_expiry ON sessions(expires_at);

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            username TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT NOT NULL
        ) STRICT;

        CREATE TRIGGER versions_published_no_update BEFORE UPDATE ON versions
        WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'immutable: a published version cannot be changed'); END;

        CREATE TRIGGER versions_published_no_delete BEFORE DELETE ON versions
        WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'immutable: a published version cannot be deleted'); END;

        CREATE TRIGGER figures_published_no_insert BEFORE INSERT ON figures
        WHEN (SELECT status FROM versions WHERE id = NEW.version_id) = 'published'
        BEGIN SELECT RAISE(ABORT, 'immutable: a published version cannot be changed'); END;

        CREATE TRIGGER figures_published_no_update BEFORE UPDATE ON figures
        WHEN (SELECT status FROM versions WHERE id = OLD.version_id) = 'published'
        BEGIN SELECT RAISE(ABORT, 'immutable: a published version cannot be changed'); END;

        CREATE TRIGGER figures_published_no_delete BEFORE DELETE ON figures
        WHEN (SELECT status FROM versions WHERE id = OLD.version_id) = 'published'
        BEGIN SELECT RAISE(ABORT, 'immutable: a published version cannot be changed'); END;

        CREATE TRIGGER findings_published_no_insert BEFORE INSERT ON findings
        WHEN (SELECT status FROM versions WHERE id = NEW.version_id) = 'published'
        BEGIN SELECT RAISE(ABORT, 'immutable: a published version cannot be changed'); END;

        CREATE TRIGGER findings_published_no_update BEFORE UPDATE ON findings
        WHEN (SELECT status FROM versions WHERE id = OLD.version_id) = 'published'
        BEGIN SELECT RAISE(ABORT, 'immutable: a published version cannot be changed'); END;

        CREATE TRIGGER findings_published_no_delete BEFORE DELETE ON findings
        WHEN (SELECT status FROM versions WHERE id = OLD.version_id) = 'published'
        BEGIN SELECT RAISE(ABORT, 'immutable: a published version cannot be changed'); END;
        """
}
