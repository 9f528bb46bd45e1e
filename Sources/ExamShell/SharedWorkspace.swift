import ExamStore
import ExamRules

/// A trust's shared workspace: a PostgreSQL database that several exq sessions use at once, where
/// a folder workspace serves one. The same workspace, kept in another store: the loaded pack's
/// rows in one table per pack file, the journal as an append-only table of canonical statements
/// (with who made each change, when, and on which clock), the audit log as an insert-only table,
/// and the settings, all in the schema `exq`, which exq creates and migrates itself.
///
/// Changes are serialized by a transaction-level advisory lock: a change takes it, applies what
/// other sessions journaled meanwhile, is checked again against that state by the command itself,
/// and is committed with its journal row, or refused and rolled back. Journal rows therefore
/// commit in the order of their numbers, so "every row after the last one seen" is never short.
final class SharedWorkspace {
    /// `postgresql://...` or `postgres://...` (libpq's URI forms).
    static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// The schema this exq writes; an older exq refuses a newer one.
    static let schemaVersion = 1
    /// The advisory lock every change (and the schema's creation) holds until it commits.
    static let lockKey = "7894113"

    /// The address as given, with any password hidden.
    let name: String
    let db: PostgreSQL
    /// The last journal row this session has applied.
    var seen: Int64 = 0
    /// True inside `change`, between taking the lock and committing or rolling back.
    private var changing = false
    private var committed = false

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// One journal row.
    struct Event {
        var seq: Int64
        var statement: String
    }

    init(address: String) throws {
        name = PostgreSQL.redacted(address)
        db = try PostgreSQL(address)
        try prepareSchema()
    }

    // MARK: Schema

    /// Creates the schema when the database has none, and refuses one written by a newer exq.
    func prepareSchema() throws {
        try transaction {
            try db.execute("SELECT pg_advisory_xact_lock(\(SharedWorkspace.lockKey))")
            let exists = try db.execute("SELECT to_regclass('exq.settings') IS NOT NULL")[0][0] == "t"
            if !exists {
                do {
                    try db.execute(SharedWorkspace.schema)
                } catch let f as PostgreSQL.Failure where f.state == "42501" {
                    throw Failure(description: "the database \(name) holds no exq workspace yet, and the login \(db.login) may not create one (\(f.description)); "
                                  + "the trust's technician creates it by opening it once as the database's owner (README: a trust's shared workspace)")
                }
            }
            let version = Int(try db.execute("SELECT value FROM exq.settings WHERE name = 'schema'").first?[0] ?? "") ?? 0
            if version > SharedWorkspace.schemaVersion {
                throw Failure(description: "the workspace \(name) was written by a newer exq (schema \(version)); this exq reads schema \(SharedWorkspace.schemaVersion) and older, "
                              + "so it was not opened: update exq to open it")
            }
            // Migrations from older schemas go here, one step per version, each in this transaction.
        }
    }

    /// The pack files as tables: `exq.results` for results.csv, a text column per declared
    /// column, and `line` keeping the rows in the file's order.
    static func table(_ file: String) -> String { "exq." + PostgreSQL.identifier(String(file.dropLast(4))) }

    static var schema: String {
        var sql = """
            CREATE SCHEMA exq;
            CREATE TABLE exq.settings (name text PRIMARY KEY, value text NOT NULL);
            INSERT INTO exq.settings VALUES ('schema', '\(schemaVersion)');
            CREATE TABLE exq.journal (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                statement text NOT NULL,
                login name NOT NULL DEFAULT session_user,
                at timestamptz NOT NULL DEFAULT now(),
                clock date NOT NULL);
            CREATE TABLE exq.audit (
                at timestamptz NOT NULL DEFAULT now(),
                login name NOT NULL DEFAULT session_user,
                role text NOT NULL,
                clock text NOT NULL,
                statement text NOT NULL);
            CREATE TABLE exq.pack_files (file text PRIMARY KEY, header text NOT NULL);
            CREATE FUNCTION exq.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'exq.% only grows: its rows are never changed or removed', TG_TABLE_NAME; END $$;
            CREATE TRIGGER only_grows BEFORE UPDATE OR DELETE OR TRUNCATE ON exq.journal FOR EACH STATEMENT EXECUTE FUNCTION exq.refuse_change();
            CREATE TRIGGER only_grows BEFORE UPDATE OR DELETE OR TRUNCATE ON exq.audit FOR EACH STATEMENT EXECUTE FUNCTION exq.refuse_change();

            """
        for file in PackSchema.files {
            let columns = file.headers.map { PostgreSQL.identifier($0.name) + " text" }
            sql += "CREATE TABLE \(table(file.name)) (line bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \(columns.joined(separator: ", ")));\n"
        }
        return sql
    }

    // MARK: Transactions

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ isolation: String = "", _ body: () throws -> T) throws -> T {
        try db.execute("BEGIN" + (isolation.isEmpty ? "" : " ISOLATION LEVEL " + isolation))
        do {
            let value = try body()
            try db.execute("COMMIT")
            return value
        } catch {
            _ = try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs a change: takes the lock, then `body` applies the unseen events, checks the change
    /// and calls `append`, which commits. A change that throws, or makes no change, is rolled back.
    func change<T>(_ body: () throws -> T) throws -> T {
        try db.execute("BEGIN; SELECT pg_advisory_xact_lock(\(SharedWorkspace.lockKey))")
        changing = true
        committed = false
        defer { changing = false }
        do {
            let value = try body()
            if !committed { try db.execute("ROLLBACK") }
            return value
        } catch {
            if !committed { _ = try? db.execute("ROLLBACK") }
            throw error
        }
    }

    /// Journals `statement` and commits. `base`, for a load or the demo, is the new data: its
    /// pack files replace the pack tables, by COPY, in the same transaction. When this returns,
    /// the change is in the database.
    func append(_ statement: String, clock: Day, base: Store?) throws {
        guard changing else {
            try change { try append(statement, clock: clock, base: base) }
            return
        }
        if let base {
            try db.execute("TRUNCATE " + PackSchema.files.map { SharedWorkspace.table($0.name) }.joined(separator: ", ") + " RESTART IDENTITY; DELETE FROM exq.pack_files")
            for (file, bytes) in PackWriter.files(base).sorted(by: { $0.key < $1.key }) {
                let end = bytes.firstIndex(of: 10) ?? bytes.count
                let header = String(decoding: bytes[..<end], as: UTF8.self)
                let columns = header.split(separator: ",").map { PostgreSQL.identifier(String($0)) }.joined(separator: ", ")
                try db.copyIn("COPY \(SharedWorkspace.table(file)) (\(columns)) FROM STDIN WITH (FORMAT csv, HEADER true)", bytes)
                try db.execute("INSERT INTO exq.pack_files VALUES ($1, $2)", [file, header])
            }
        }
        let seq = try db.execute("INSERT INTO exq.journal (statement, clock) VALUES ($1, $2) RETURNING seq", [statement, clock.iso])[0][0] ?? ""
        do {
            try db.execute("COMMIT")
        } catch {
            committed = true  // nothing is left to roll back: the transaction has ended, one way or the other
            throw Failure(description: "the change could not be confirmed by \(name) (\(error)); it may or may not have been saved: open the workspace again to see")
        }
        committed = true
        seen = Int64(seq) ?? seen
    }

    // MARK: Reading

    /// The journal rows after `seen`: one cheap query, run before every statement.
    func unseen() throws -> [Event] {
        try db.execute("SELECT seq, statement FROM exq.journal WHERE seq > $1 ORDER BY seq", [String(seen)]).map {
            Event(seq: Int64($0[0] ?? "") ?? 0, statement: $0[1] ?? "")
        }
    }

    /// The pack tables, as the pack files they were copied from (`FORCE_QUOTE`, so that a value
    /// with a space at either end comes back as it went in).
    func packFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for row in try db.execute("SELECT file, header FROM exq.pack_files ORDER BY file") {
            guard let file = row[0], let header = row[1], PackSchema.file(file) != nil else { continue }
            let columns = header.split(separator: ",").map { PostgreSQL.identifier(String($0)) }.joined(separator: ", ")
            files[file] = try db.copyOut("COPY (SELECT \(columns) FROM \(SharedWorkspace.table(file)) ORDER BY line) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)")
        }
        return files
    }

    /// Whether this session is inside a change (holding the lock), where reads need no snapshot of their own.
    var inChange: Bool { changing }

    /// One row of the audit table: who read embargoed results, on which clock, with which statement.
    func audit(role: String, clock: String, statement: String) throws {
        try db.execute("INSERT INTO exq.audit (role, clock, statement) VALUES ($1, $2, $3)", [role, clock, statement])
    }
}
