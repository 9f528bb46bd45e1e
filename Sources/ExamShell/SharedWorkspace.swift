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
    static let schemaVersion = 3
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
    /// The journal rows a change read when it took the lock, for its `unseen`.
    private var prefetched: [Event]?

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// One journal row.
    struct Event {
        var seq: Int64
        var statement: String
    }

    /// The address as given (for the extra connections that copy the pack tables at once).
    private let address: String

    init(address: String) throws {
        self.address = address
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
            if version < SharedWorkspace.schemaVersion {
                do {
                    for from in max(version, 1)..<SharedWorkspace.schemaVersion { try db.execute(SharedWorkspace.migrations[from - 1]) }
                    try db.execute(SharedWorkspace.grantsSQL)
                    try db.execute("UPDATE exq.settings SET value = '\(SharedWorkspace.schemaVersion)' WHERE name = 'schema'")
                } catch let f as PostgreSQL.Failure where f.state == "42501" {
                    throw Failure(description: "the workspace \(name) has schema \(version), which this exq brings up to \(SharedWorkspace.schemaVersion), "
                                  + "and the login \(db.login) may not do that (\(f.description)); the trust's technician opens it once as the database's owner "
                                  + "(README: a trust's shared workspace)")
                }
            }
        }
    }

    /// The step from each older schema to the next, in order: `migrations[n - 1]` takes schema n to
    /// n + 1. The roles' rights (`grantsSQL`) are given again after the last step.
    static let migrations: [String] = [
        // 2: the journal withholds, from a login that may not see results under embargo, the rows
        // that carry a grade or a review's outcome until their results day; the audit is not theirs
        // to read. A journal row of schema 1 that may carry one is withheld from them for good (it
        // names no results day), the only change ever made to a journal row.
        """
            ALTER TABLE exq.journal ADD COLUMN qualifications text[] NOT NULL DEFAULT '{}', ADD COLUMN series text[] NOT NULL DEFAULT '{}';
            ALTER TABLE exq.journal DISABLE TRIGGER only_grows;
            UPDATE exq.journal SET qualifications = '{?}', series = '{?}'
                WHERE statement ~ '^update review .*(outcome|new_grade)' OR statement LIKE 'load broadsheet %';
            ALTER TABLE exq.journal ENABLE TRIGGER only_grows;

            """ + journalEmbargoSQL,
        // 3: the broadsheets changes add, kept for other sessions to replay.
        broadsheetsTableSQL + broadsheetsEmbargoSQL,
    ]

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
                clock date NOT NULL,
                qualifications text[] NOT NULL DEFAULT '{}',
                series text[] NOT NULL DEFAULT '{}');
            CREATE TABLE exq.audit (
                at timestamptz NOT NULL DEFAULT now(),
                login name NOT NULL DEFAULT session_user,
                role text NOT NULL,
                clock text NOT NULL,
                statement text NOT NULL);
            CREATE TABLE exq.pack_files (file text PRIMARY KEY, header text NOT NULL);
            \(broadsheetsTableSQL)
            CREATE TABLE exq.releases (
                qualification text NOT NULL,
                series text NOT NULL,
                released_at timestamptz NOT NULL,
                PRIMARY KEY (qualification, series));
            CREATE FUNCTION exq.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'exq.% only grows: its rows are never changed or removed', TG_TABLE_NAME; END $$;
            CREATE TRIGGER only_grows BEFORE UPDATE OR DELETE OR TRUNCATE ON exq.journal FOR EACH STATEMENT EXECUTE FUNCTION exq.refuse_change();
            CREATE TRIGGER only_grows BEFORE UPDATE OR DELETE OR TRUNCATE ON exq.audit FOR EACH STATEMENT EXECUTE FUNCTION exq.refuse_change();

            """
        for file in PackSchema.files {
            let columns = file.headers.map { PostgreSQL.identifier($0.name) + " text" }
            sql += "CREATE TABLE \(table(file.name)) (line bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \(columns.joined(separator: ", ")));\n"
        }
        return sql + embargoSQL + journalEmbargoSQL + broadsheetsEmbargoSQL + grantsSQL
    }

    /// Row-level security: a login that is not an exams officer or senior leader (a teacher, or
    /// any login given SELECT) reads a result, and a review with an outcome or new grade, only
    /// once `exq.releases` says its results day has come by the database's own clock (`now()`,
    /// absolute, so no session time zone moves it). A result with no release row is withheld (fails closed).
    static let embargoSQL = """
        CREATE FUNCTION exq.entitled() RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname IN ('exq_officer', 'exq_senior')
                           AND pg_has_role(current_user, r.oid, 'MEMBER')) $$;
        CREATE FUNCTION exq.released(q text, s text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = pg_catalog AS $$
            SELECT EXISTS (SELECT 1 FROM exq.releases r WHERE r.qualification = q AND r.series = s AND r.released_at <= now()) $$;
        CREATE FUNCTION exq.result_withheld(c text, q text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = pg_catalog AS $$
            SELECT EXISTS (SELECT 1 FROM exq.results x WHERE x.candidate = c AND x.qualification = q AND NOT exq.released(x.qualification, x.series)) $$;
        ALTER TABLE exq.results ENABLE ROW LEVEL SECURITY;
        CREATE POLICY released ON exq.results FOR SELECT USING ((SELECT exq.entitled()) OR exq.released(qualification, series));
        CREATE POLICY officers_write ON exq.results FOR ALL USING ((SELECT exq.entitled())) WITH CHECK ((SELECT exq.entitled()));
        ALTER TABLE exq.reviews ENABLE ROW LEVEL SECURITY;
        CREATE POLICY released ON exq.reviews FOR SELECT USING ((SELECT exq.entitled())
            OR (outcome IS NULL AND new_grade IS NULL) OR NOT exq.result_withheld(candidate, qualification));
        CREATE POLICY officers_write ON exq.reviews FOR ALL USING ((SELECT exq.entitled())) WITH CHECK ((SELECT exq.entitled()));

        """

    /// The journal under embargo: a row carrying a grade or a review's outcome or new grade
    /// names the (qualification, series) pairs of the results it is about; a login that is not an
    /// officer or senior leader reads it only once every one of them is released (a pair with no
    /// release, such as `?`, never is). Rows naming none (most changes, and loads, whose data is in
    /// the pack tables) are read by all.
    static let journalEmbargoSQL = """
        CREATE FUNCTION exq.all_released(q text[], s text[]) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = pg_catalog AS $$
            SELECT NOT EXISTS (SELECT 1 FROM unnest(q, s) AS k(q, s) WHERE NOT exq.released(k.q, k.s)) $$;
        ALTER TABLE exq.journal ENABLE ROW LEVEL SECURITY;
        CREATE POLICY released ON exq.journal FOR SELECT USING ((SELECT exq.entitled())
            OR cardinality(qualifications) = 0 OR exq.all_released(qualifications, series));
        CREATE POLICY officers_write ON exq.journal FOR INSERT WITH CHECK ((SELECT exq.entitled()));

        """

    /// The broadsheets changes added (their files as read, for other sessions to replay them
    /// wherever the file was), under the embargo as their journal rows are.
    static let broadsheetsTableSQL = """
        CREATE TABLE exq.broadsheets (
            fingerprint text PRIMARY KEY,
            bytes bytea NOT NULL,
            qualifications text[] NOT NULL DEFAULT '{}',
            series text[] NOT NULL DEFAULT '{}');

        """
    static let broadsheetsEmbargoSQL = """
        ALTER TABLE exq.broadsheets ENABLE ROW LEVEL SECURITY;
        CREATE POLICY released ON exq.broadsheets FOR SELECT USING ((SELECT exq.entitled())
            OR cardinality(qualifications) = 0 OR exq.all_released(qualifications, series));
        CREATE POLICY officers_write ON exq.broadsheets FOR INSERT WITH CHECK ((SELECT exq.entitled()));

        """

    /// What each role may do, where the roles exist (`exq setup-roles` creates them): everyone
    /// reads (what row-level security lets them), except the audit, which a teacher may not read
    /// (it names what officers asked, which may be a grade); officers and senior leaders journal
    /// changes, audit their reads and add the release of results a change adds; only officers
    /// load (replace the pack tables). Nobody may change the journal or the audit (triggers).
    static let grantsSQL = """
        DO $grants$ BEGIN
            IF (SELECT count(*) FROM pg_roles WHERE rolname IN ('exq_officer', 'exq_senior', 'exq_teacher')) = 3
               AND to_regclass('exq.settings') IS NOT NULL THEN
                GRANT USAGE ON SCHEMA exq TO exq_officer, exq_senior, exq_teacher;
                GRANT SELECT ON ALL TABLES IN SCHEMA exq TO exq_officer, exq_senior, exq_teacher;
                REVOKE SELECT ON exq.audit FROM exq_teacher;
                GRANT INSERT ON exq.journal, exq.audit, exq.releases, exq.broadsheets TO exq_officer, exq_senior;
                GRANT INSERT, DELETE, TRUNCATE ON \(packTables), exq.pack_files, exq.releases TO exq_officer;
            END IF;
        END $grants$;

        """

    /// The pack files whose tables have row-level security.
    static let embargoed: Set<String> = ["results.csv", "reviews.csv"]

    static var packTables: String { PackSchema.files.map { table($0.name) }.joined(separator: ", ") }

    /// `exq setup-roles`: the three group roles (no login of their own: a trust grants them to its
    /// staff's logins), then their rights in this database's workspace, when it has one. Run as a
    /// superuser or a login with CREATEROLE; running it again changes nothing.
    static var rolesSQL: String {
        """
        -- exq's roles: grant one to each member of staff's login, e.g.
        --   CREATE ROLE j_smith LOGIN PASSWORD '...' IN ROLE exq_teacher;
        DO $roles$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'exq_officer') THEN CREATE ROLE exq_officer NOLOGIN; END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'exq_senior') THEN CREATE ROLE exq_senior NOLOGIN; END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'exq_teacher') THEN CREATE ROLE exq_teacher NOLOGIN; END IF;
        END $roles$;
        -- Their rights in this database's exq workspace (when it has one; opening it first creates it).

        """ + grantsSQL
    }

    /// The release moment of every qualification and series with results, as CSV rows for
    /// `exq.releases`: the one rule (`Embargo.release`, the calendar's results day, else the
    /// built-in one) worked out when the pack goes in, as UK time. A release no calendar gives has no row.
    static func releases(_ store: Store) -> [UInt8] {
        var out = ""
        var done = Set<Int64>()
        for r in 0..<store.results.count {
            let q = store.results.qualification[r], s = store.results.series[r]
            guard done.insert(Int64(q) << 32 | Int64(UInt32(bitPattern: s))).inserted,
                  let at = release(store, qualification: q, series: s) else { continue }
            out += csv(store.pool[store.qualifications.code[Int(q)]]) + "," + csv(store.pool[s]) + "," + at + "\n"
        }
        return Array(out.utf8)
    }

    /// When results of the qualification in the series are released, as `exq.releases` keeps it; nil when no calendar says.
    static func release(_ store: Store, qualification q: Int32, series s: Int32) -> String? {
        switch Embargo.release(store: store, qualification: q, series: s) {
        case .open: return "-infinity"
        case .at(let m): return "\(m.day.iso) \(m.minutes / 60):\(m.minutes % 60 < 10 ? "0" : "")\(m.minutes % 60) Europe/London"
        case .unknown: return nil
        }
    }

    /// A qualification and series whose results a journal row tells something of (a grade, a
    /// review's outcome or new grade), with their release (nil: no calendar gives one).
    struct Grades: Hashable {
        var qualification: String
        var series: String
        var release: String?
    }

    /// What a change from `before` to `after` tells of results: the qualification and series of
    /// every result it adds or alters, and, for a review whose outcome or new grade it sets, clears
    /// or names (`review`, the id its statement is about, even when nothing changed), of every
    /// result of that candidate's qualification (a series no result has when there is none, so the
    /// row is withheld for good: the embargo fails closed).
    static func grades(from before: Store, to after: Store, review: String? = nil) -> [Grades] {
        var pairs = Set<Int64>()
        func pair(_ q: Int32, _ s: Int32) { pairs.insert(Int64(q) << 32 | Int64(UInt32(bitPattern: s))) }
        var unreleased = Set<Int32>()
        let a = after.results, b = before.results
        if a.count != b.count || a.grade != b.grade || a.mark != b.mark || a.status != b.status || a.candidate != b.candidate
            || a.qualification != b.qualification || a.series != b.series {
            for r in 0..<a.count where r >= b.count || a.grade[r] != b.grade[r] || a.mark[r] != b.mark[r] || a.status[r] != b.status[r]
                || a.candidate[r] != b.candidate[r] || a.qualification[r] != b.qualification[r] || a.series[r] != b.series[r] {
                pair(a.qualification[r], a.series[r])
            }
        }
        let v = after.reviews, w = before.reviews
        let named = review.flatMap { after.review(id: $0) }
        for i in 0..<v.count {
            let old = i < w.count
            let carries = v.outcome[i] != .none || v.newGrade[i] != 0 || (old && (w.outcome[i] != .none || w.newGrade[i] != 0))
            guard carries else { continue }
            let touched = named == Int32(i) || !old || v.id[i] != w.id[i] || v.candidate[i] != w.candidate[i] || v.qualification[i] != w.qualification[i]
                || v.series[i] != w.series[i] || v.outcome[i] != w.outcome[i] || v.newGrade[i] != w.newGrade[i] || v.outcomeDate[i] != w.outcomeDate[i]
                || v.component[i] != w.component[i] || v.service[i] != w.service[i] || v.requested[i] != w.requested[i]
                || v.consent[i] != w.consent[i] || v.submitted[i] != w.submitted[i] || v.fee[i] != w.fee[i]
            guard touched else { continue }
            let c = v.candidate[i], q = v.qualification[i]
            var found = false
            for r in after.resultsByCandidate[c] where after.results.qualification[Int(r)] == q {
                pair(q, after.results.series[Int(r)])
                found = true
            }
            if !found { unreleased.insert(q) }
        }
        var out = pairs.map { key -> Grades in
            let q = Int32(truncatingIfNeeded: key >> 32), s = Int32(truncatingIfNeeded: key)
            return Grades(qualification: after.pool[after.qualifications.code[Int(q)]], series: after.pool[s],
                          release: release(after, qualification: q, series: s))
        }
        out += unreleased.map { Grades(qualification: after.pool[after.qualifications.code[Int($0)]], series: "?", release: nil) }
        return out.sorted { ($0.qualification, $0.series) < ($1.qualification, $1.series) }
    }

    static func csv(_ value: String) -> String { "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" }

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
        // One round trip: begin, wait for the lock, and read what other sessions journaled meanwhile.
        do {
            let results = try db.executeAll("BEGIN; SELECT pg_advisory_xact_lock(\(SharedWorkspace.lockKey)); "
                                            + "SELECT seq, statement FROM exq.journal WHERE seq > \(seen) ORDER BY seq")
            prefetched = SharedWorkspace.events(results.last ?? [])
        } catch {
            _ = try? db.execute("ROLLBACK")
            throw error
        }
        changing = true
        committed = false
        defer { changing = false; prefetched = nil }
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
    /// `grades`: what the row tells of results (`grades(from:to:review:)`), which withholds it
    /// from a teacher's login until they are released.
    /// `broadsheet`: the fingerprint and bytes of a broadsheet the change adds, kept in `exq.broadsheets`.
    func append(_ statement: String, clock: Day, base: Store?, grades: [Grades] = [], broadsheet: (String, [UInt8])? = nil) throws {
        guard changing else {
            try change { try append(statement, clock: clock, base: base, grades: grades, broadsheet: broadsheet) }
            return
        }
        do {
            try write(statement, clock: clock, base: base, grades: grades, broadsheet: broadsheet)
        } catch let f as PostgreSQL.Failure where f.state == "42501" {
            throw Failure(description: "the login \(db.login) may not change the workspace \(name) (\(f.description)), so nothing was changed; "
                          + (base == nil ? "changes are made by exq_officer and exq_senior logins" : "loads are made by exq_officer logins"))
        }
    }

    private func write(_ statement: String, clock: Day, base: Store?, grades: [Grades], broadsheet: (String, [UInt8])?) throws {
        if let base {
            try db.execute("TRUNCATE " + PackSchema.files.map { SharedWorkspace.table($0.name) }.joined(separator: ", ") + "; DELETE FROM exq.pack_files; DELETE FROM exq.releases")
            for (file, bytes) in PackWriter.files(base).sorted(by: { $0.key < $1.key }) {
                let end = bytes.firstIndex(of: 10) ?? bytes.count
                let header = String(decoding: bytes[..<end], as: UTF8.self)
                let columns = header.split(separator: ",").map { PostgreSQL.identifier(String($0)) }.joined(separator: ", ")
                if SharedWorkspace.embargoed.contains(file) {
                    // COPY FROM is not allowed into a table with row-level security: copied into a
                    // table of this transaction's own first, then inserted in the file's order.
                    let staging = "pg_temp." + PostgreSQL.identifier("load_" + file.dropLast(4))
                    let texts = header.split(separator: ",").map { PostgreSQL.identifier(String($0)) + " text" }.joined(separator: ", ")
                    try db.execute("CREATE TEMP TABLE \(staging) (n bigint GENERATED ALWAYS AS IDENTITY, \(texts)) ON COMMIT DROP")
                    try db.copyIn("COPY \(staging) (\(columns)) FROM STDIN WITH (FORMAT csv, HEADER true)", bytes)
                    try db.execute("INSERT INTO \(SharedWorkspace.table(file)) (\(columns)) SELECT \(columns) FROM \(staging) ORDER BY n")
                } else {
                    try db.copyIn("COPY \(SharedWorkspace.table(file)) (\(columns)) FROM STDIN WITH (FORMAT csv, HEADER true)", bytes)
                }
                try db.execute("INSERT INTO exq.pack_files VALUES ($1, $2)", [file, header])
            }
            try db.copyIn("COPY exq.releases (qualification, series, released_at) FROM STDIN WITH (FORMAT csv)", SharedWorkspace.releases(base))
        }
        // Results a change adds (a broadsheet) get their release, so that the row is read by all once it has passed.
        let releases = grades.compactMap { g in g.release.map { "(\(db.literal(g.qualification)), \(db.literal(g.series)), \(db.literal($0)))" } }
        if !releases.isEmpty {
            try db.execute("INSERT INTO exq.releases (qualification, series, released_at) VALUES " + releases.joined(separator: ", ") + " ON CONFLICT DO NOTHING")
        }
        let about = grades.isEmpty ? "'{}', '{}'"
            : "ARRAY[\(grades.map { db.literal($0.qualification) }.joined(separator: ", "))]::text[], ARRAY[\(grades.map { db.literal($0.series) }.joined(separator: ", "))]::text[]"
        if let (fingerprint, bytes) = broadsheet {
            try db.execute("INSERT INTO exq.broadsheets (fingerprint, bytes, qualifications, series) VALUES ($1, decode($2, 'hex'), \(about)) ON CONFLICT (fingerprint) DO NOTHING",
                           [fingerprint, SharedWorkspace.hex(bytes)])
        }
        // One round trip: the journal row and the commit.
        let results: [[[String?]]]
        do {
            results = try db.executeAll("INSERT INTO exq.journal (statement, clock, qualifications, series) VALUES (\(db.literal(statement)), \(db.literal(clock.iso)), \(about)) RETURNING seq; COMMIT")
        } catch let f as PostgreSQL.Failure where f.completed >= 1 || f.state == nil {
            committed = true  // nothing is left to roll back: the transaction has ended, one way or the other
            throw Failure(description: "the change could not be confirmed by \(name) (\(f)); it may or may not have been saved: open the workspace again to see")
        }
        committed = true
        seen = Int64(results.first?.first?[0] ?? "") ?? seen
    }

    // MARK: Reading

    /// The journal rows after `seen`: one cheap query, run before every statement.
    /// Inside a change, the first call gives the rows read with the lock, without asking again.
    func unseen() throws -> [Event] {
        if let prefetched {
            self.prefetched = nil
            return prefetched
        }
        return SharedWorkspace.events(try db.execute("SELECT seq, statement FROM exq.journal WHERE seq > $1 ORDER BY seq", [String(seen)]))
    }

    /// The bytes of the broadsheet with this fingerprint, as a session added it; nil when the
    /// workspace does not hold it (or this login may not read it yet).
    func broadsheet(_ fingerprint: String) throws -> [UInt8]? {
        guard let hex = try db.execute("SELECT encode(bytes, 'hex') FROM exq.broadsheets WHERE fingerprint = $1", [fingerprint]).first?[0].flatMap({ $0 }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for c in hex.utf8 {
            let v = c <= 57 ? c - 48 : c - 87
            if let h = high { bytes.append(h << 4 | v); high = nil } else { high = v }
        }
        return bytes
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func events(_ rows: [[String?]]) -> [Event] {
        rows.map { Event(seq: Int64($0[0] ?? "") ?? 0, statement: $0[1] ?? "") }
    }

    /// The pack tables, as the pack files they were copied from (`FORCE_QUOTE`, so that a value
    /// with a space at either end comes back as it went in).
    /// They are copied several at once, the largest first, on this session's connection and on
    /// up to three more of the same login that read the same snapshot (as pg_dump's parallel jobs
    /// do), so the server copies them on several cores; where a connection cannot be made, fewer.
    /// Called inside a transaction (whose snapshot the others share).
    func packFiles() throws -> [String: [UInt8]] {
        var files: [String] = [], copies: [String] = []
        for row in try db.execute("SELECT file, header FROM exq.pack_files ORDER BY pg_relation_size(('exq.' || quote_ident(left(file, -4)))::regclass) DESC, file") {
            guard let file = row[0], let header = row[1], PackSchema.file(file) != nil else { continue }
            let columns = header.split(separator: ",").map { PostgreSQL.identifier(String($0)) }.joined(separator: ", ")
            files.append(file)
            copies.append("COPY (SELECT \(columns) FROM \(SharedWorkspace.table(file)) ORDER BY line) TO STDOUT WITH (FORMAT csv, HEADER true, FORCE_QUOTE *)")
        }
        var connections = [db]
        if files.count > 1, let snapshot = try db.execute("SELECT pg_export_snapshot()").first?[0].flatMap({ $0 }) {
            for _ in 0..<min(3, files.count - 1) {
                guard let helper = try? PostgreSQL(address),
                      (try? helper.executeAll("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT \(helper.literal(snapshot))")) != nil else { break }
                connections.append(helper)
            }
        }
        let bytes = try PostgreSQL.copyOut(copies, on: connections)
        return Dictionary(uniqueKeysWithValues: zip(files, bytes))
    }

    /// Whether this session is inside a change (holding the lock), where reads need no snapshot of their own.
    var inChange: Bool { changing }

    /// One row of the audit table: who read embargoed results, on which clock, with which statement.
    func audit(role: String, clock: String, statement: String) throws {
        try db.execute("INSERT INTO exq.audit (role, clock, statement) VALUES ($1, $2, $3)", [role, clock, statement])
    }
}

/// `exq setup-roles [--apply ADDRESS]`: prints the SQL that creates exq's roles in a PostgreSQL
/// cluster and gives them their rights in a shared workspace, or runs it on the database at ADDRESS.
public enum SetupRoles {
    public static func run(apply address: String?) -> Int32 {
        var console = Console()
        console.muted = false
        guard let address else {
            console.out(SharedWorkspace.rolesSQL)
            console.flush()
            return 0
        }
        do {
            let db = try PostgreSQL(address)
            try db.execute(SharedWorkspace.rolesSQL)
            let workspace = try db.execute("SELECT to_regclass('exq.settings') IS NOT NULL")[0][0] == "t"
            console.err("Roles exq_officer, exq_senior and exq_teacher are in place"
                + (workspace ? ", with their rights in the workspace at \(PostgreSQL.redacted(address))"
                             : "; \(PostgreSQL.redacted(address)) holds no workspace yet (opening it creates one, and gives them their rights)")
                + ". Grant one to each member of staff's login: GRANT exq_teacher TO j_smith;\n")
            return 0
        } catch {
            console.report("exq: error: \(error)\n")
            return 1
        }
    }
}
