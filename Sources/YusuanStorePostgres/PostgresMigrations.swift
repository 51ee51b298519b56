/// The PostgreSQL schema, as an ordered list of released migrations, each a list of statements
/// (postgres-nio runs one statement per query).
///
/// A released migration is never edited: the contract suite pins each one's text by checksum
/// (`Tests/YusuanStoreTests/MigrationChecksumTests.swift`). Change the schema by appending a migration.
/// Applied identifiers are recorded in `schema_migrations`; each migration runs in its own transaction.
package enum PostgresMigrations {
    package static let released: [(identifier: String, statements: [String])] = [
        ("v1-schema", v1Schema),
        ("v2-line-items", v2LineItems),
        ("v3-finding-english", v3FindingEnglish),
    ]

    /// Findings keep their English message beside the Chinese one; findings stored earlier get an empty one.
    static let v3FindingEnglish = [
        "ALTER TABLE findings ADD COLUMN message_en TEXT NOT NULL DEFAULT ''",
    ]

    /// Imported line items (`yusuan import`), as in the SQLite schema: one batch per import, its rows
    /// with their line in the file, amounts in 分 (BIGINT). Built for COPY: `line_items.batch_id` names
    /// its batch without a foreign key (a per-row RI trigger made COPY about 4× slower; the import writes
    /// the batch and its rows in one transaction, and nothing deletes a batch), and a BRIN index on
    /// (batch_id, department) instead of a B-tree (rows of a batch, and usually of a department, are
    /// contiguous; a B-tree doubled the COPY time).
    static let v2LineItems = [
        """
        CREATE TABLE line_item_batches (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            year INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
            file_name TEXT NOT NULL,
            row_count BIGINT NOT NULL CHECK (row_count >= 0),
            imported_at TIMESTAMPTZ NOT NULL,
            imported_by TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE line_items (
            batch_id BIGINT NOT NULL,
            line BIGINT NOT NULL,
            department TEXT NOT NULL CHECK (length(department) > 0),
            unit TEXT NOT NULL CHECK (length(unit) > 0),
            functional TEXT NOT NULL,
            economic TEXT NOT NULL,
            nature TEXT NOT NULL,
            project TEXT NOT NULL,
            fund TEXT NOT NULL,
            fen BIGINT NOT NULL
        )
        """,
        "CREATE INDEX line_items_by_batch ON line_items USING brin (batch_id, department)",
    ]

    /// Same tables and meaning as the SQLite schema. Money (`fen`) is BIGINT. A published version can
    /// be neither updated nor deleted, nor can its figures and findings change (triggers raising
    /// SQLSTATE YU001).
    static let v1Schema = [
        """
        CREATE TABLE departments (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            code TEXT NOT NULL UNIQUE CHECK (length(code) > 0),
            name TEXT NOT NULL,
            region TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE versions (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            department_id BIGINT NOT NULL REFERENCES departments(id),
            year INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
            phase TEXT NOT NULL CHECK (phase IN ('budget', 'final')),
            number INTEGER NOT NULL CHECK (number >= 1),
            status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
            created_at TIMESTAMPTZ NOT NULL,
            created_by TEXT NOT NULL,
            published_at TIMESTAMPTZ,
            source_name TEXT NOT NULL,
            source_format TEXT NOT NULL,
            errors INTEGER NOT NULL CHECK (errors >= 0),
            warnings INTEGER NOT NULL CHECK (warnings >= 0),
            notices INTEGER NOT NULL CHECK (notices >= 0),
            source BYTEA NOT NULL,
            disclosure BYTEA NOT NULL,
            UNIQUE (department_id, year, phase, number),
            CHECK ((status = 'published') = (published_at IS NOT NULL))
        )
        """,
        "CREATE INDEX versions_by_department ON versions (department_id, id)",
        """
        CREATE TABLE figures (
            version_id BIGINT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            table_name TEXT NOT NULL,
            row_label TEXT NOT NULL,
            column_label TEXT NOT NULL,
            fen BIGINT NOT NULL,
            PRIMARY KEY (version_id, seq)
        )
        """,
        """
        CREATE TABLE findings (
            version_id BIGINT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'notice')),
            message TEXT NOT NULL,
            location TEXT NOT NULL,
            PRIMARY KEY (version_id, seq)
        )
        """,
        """
        CREATE TABLE users (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            username TEXT NOT NULL UNIQUE CHECK (length(username) > 0),
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'officer')),
            department_id BIGINT REFERENCES departments(id),
            created_at TIMESTAMPTZ NOT NULL,
            CHECK (role <> 'officer' OR department_id IS NOT NULL)
        )
        """,
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            expires_at TIMESTAMPTZ NOT NULL
        )
        """,
        "CREATE INDEX sessions_by_user ON sessions (user_id)",
        "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
        """
        CREATE TABLE audit_log (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at TIMESTAMPTZ NOT NULL,
            username TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT NOT NULL
        )
        """,
        """
        CREATE FUNCTION yusuan_refuse_published_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.status = 'published' THEN
                RAISE EXCEPTION 'immutable: version % is published', OLD.id USING ERRCODE = 'YU001';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END
        $$
        """,
        """
        CREATE TRIGGER versions_published_immutable BEFORE UPDATE OR DELETE ON versions
        FOR EACH ROW EXECUTE FUNCTION yusuan_refuse_published_version()
        """,
        """
        CREATE FUNCTION yusuan_refuse_published_part() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            target_version BIGINT;
        BEGIN
            IF TG_OP = 'INSERT' THEN
                target_version := NEW.version_id;
            ELSE
                target_version := OLD.version_id;
            END IF;
            IF EXISTS (SELECT 1 FROM versions WHERE id = target_version AND status = 'published') THEN
                RAISE EXCEPTION 'immutable: version % is published', target_version USING ERRCODE = 'YU001';
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END
        $$
        """,
        """
        CREATE TRIGGER figures_published_immutable BEFORE INSERT OR UPDATE OR DELETE ON figures
        FOR EACH ROW EXECUTE FUNCTION yusuan_refuse_published_part()
        """,
        """
        CREATE TRIGGER findings_published_immutable BEFORE INSERT OR UPDATE OR DELETE ON findings
        FOR EACH ROW EXECUTE FUNCTION yusuan_refuse_published_part()
        """,
    ]
}
