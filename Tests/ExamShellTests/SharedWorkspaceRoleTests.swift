import Foundation
import Testing

/// Roles the database enforces: exq's roles are PostgreSQL roles, the login decides the session's
/// role, and row-level security withholds embargoed results from a teacher's login, in exq and
/// in psql alike, by the database's own clock.
@Suite(.serialized) struct SharedWorkspaceRoleTests {
    /// The demo centre as a pack whose GCSE results days (Summer 2024 and Summer 2025) are in 2099:
    /// those results are under embargo by any clock, while the level 3 results (released 2024-08-15
    /// and 2025-08-14) are not.
    static func embargoedPack() throws -> String {
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("exq-pg-embargo-\(UUID().uuidString)").path
        #expect(try ExqProcess.run(["--demo", "--export-pack", pack]).status == 0)
        let calendar = pack + "/calendar.csv"
        let text = try String(contentsOfFile: calendar, encoding: .utf8)
        #expect(text.contains("Summer 2024,results_day,2024-08-22,08:00,\n"))
        #expect(text.contains("Summer 2025,results_day,2025-08-21,08:00,\n"))
        try text.replacingOccurrences(of: "Summer 2024,results_day,2024-08-22,08:00,\n", with: "Summer 2024,results_day,2099-08-22,08:00,\n")
            .replacingOccurrences(of: "Summer 2025,results_day,2025-08-21,08:00,\n", with: "Summer 2025,results_day,2099-08-21,08:00,\n")
            .write(toFile: calendar, atomically: true, encoding: .utf8)
        return pack
    }

    /// A workspace set up as a trust's technician would: the roles, the schema (made by the
    /// first opening), then an officer's login loading the pack. Returns the database and the logins.
    static func trust() throws -> (db: TestDatabase, officer: String, teacher: String) {
        let db = try TestDatabase()
        let roles = try ExqProcess.run(["setup-roles", "--apply", db.url])
        #expect(roles.status == 0, "\(roles.stderr)")
        let first = try ExqProcess.run(["--workspace", db.url, "-c", "candidates | count"])
        #expect(first.status == 0 && first.stderr.contains("as postgres (exams-officer)"), "a superuser is the technician: \(first.stderr)")
        let suffix = db.name.suffix(8)
        let officer = "officer_\(suffix)", teacher = "teacher_\(suffix)"
        try db.psql("CREATE ROLE \(officer) LOGIN IN ROLE exq_officer; CREATE ROLE \(teacher) LOGIN IN ROLE exq_teacher")
        let pack = try embargoedPack()
        defer { try? FileManager.default.removeItem(atPath: pack) }
        let load = try ExqProcess.run(["--workspace", try db.address(login: officer), "--pack", pack])
        #expect(load.status == 0, "\(load.stderr)")
        return (db, officer, teacher)
    }

    static func count(_ outcome: ExqProcess.Outcome) -> Int? { Int(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }

    /// A teacher's login reads no embargoed result, whether through exq (whatever --role it
    /// claims) or straight from the tables with psql; an officer's login reads them all.
    @Test func aTeacherLoginReadsNoEmbargoedResult() throws {
        let (db, officer, teacher) = try Self.trust()
        let gcse = "results | where qualification = \"J560\" | count"
        let asOfficer = try ExqProcess.run(["--workspace", try db.address(login: officer), "-c", gcse])
        #expect(asOfficer.status == 0, "\(asOfficer.stderr)")
        #expect((Self.count(asOfficer) ?? 0) > 0)
        let asTeacher = try ExqProcess.run(["--workspace", try db.address(login: teacher), "--role", "exams-officer", "-c", gcse, "-c", "results | count"])
        #expect(asTeacher.status == 0, "\(asTeacher.stderr)")
        #expect(asTeacher.stderr.contains("(teacher)"), "the login's role decides: \(asTeacher.stderr)")
        #expect(asTeacher.stdout.split(separator: "\n").first == "0")
        // psql, no exq in between: the rows are not there for the teacher's login.
        let sql = "SELECT count(*) FROM exq.results WHERE qualification = 'J560'"
        #expect(try db.psql(sql, login: teacher).stdout == "0\n")
        #expect(try db.psql(sql, login: officer).stdout == asOfficer.stdout)
        // Level 3 results, released in 2024, are there for both.
        let released = "SELECT count(*) FROM exq.results WHERE qualification = 'H446'"
        #expect(try db.psql(released, login: teacher).stdout == db.psql(released, login: officer).stdout)
        #expect(try db.psql(released, login: teacher).stdout != "0\n")
        // Nor can a session's time zone or a copy of the table move the database's clock.
        #expect(try db.psql("SET TIME ZONE 'Pacific/Kiritimati'; \(sql)", login: teacher).stdout == "0\n")
        #expect(try db.psql("COPY (SELECT * FROM exq.results WHERE qualification = 'J560') TO STDOUT", login: teacher).stdout == "")
        // A review's outcome of a withheld result is withheld too.
        let outcomes = "SELECT count(*) FROM exq.reviews v WHERE v.outcome IS NOT NULL AND v.qualification IN (SELECT q.qualification FROM exq.qualifications q WHERE q.qualification = 'J560')"
        #expect(try db.psql(outcomes, login: teacher).stdout == "0\n")
    }

    /// The tables exq creates. A table added to the schema must be added here once it is known
    /// what of it a teacher's login may read (`aTeacherLoginReadsNoEmbargoedGradeFromAnyTable`).
    static let tables = ["achievements", "audit", "broadsheets", "calendar", "candidates", "centres", "certificates", "entries", "journal",
                         "pack_files", "qualifications", "releases", "results", "reviews", "settings", "units"]

    /// The tables of schema `exq`, as the technician sees them.
    static func tablesInSchema(_ db: TestDatabase) throws -> [String] {
        try db.psql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'exq' ORDER BY 1").stdout.split(separator: "\n").map(String.init)
    }

    /// The embargo holds in every table exq creates, not only the results: an officer records a
    /// review's outcome and new grade, and adds a broadsheet's grades, for GCSEs still under
    /// embargo (and an A level that is not); logged in as a teacher, neither psql nor exq reads
    /// any of it, from any table, until the database's clock passes the release in `exq.releases`.
    @Test func aTeacherLoginReadsNoEmbargoedGradeFromAnyTable() throws {
        let (db, officer, teacher) = try Self.trust()
        #expect(try Self.tablesInSchema(db) == Self.tables, "a new table: decide what a teacher may read of it, and test it here")
        let broadsheet = ExqProcess.root.appendingPathComponent("Examples/broadsheet-summer-2025.csv").path
        let changes = try ExqProcess.run(["--workspace", try db.address(login: officer), "--today", "2024-08-25",
                                          "-c", "update review R002 set submitted = 2024-08-23",
                                          "-c", "update review R002 set outcome = raised, outcome_date = 2024-08-24, new_grade = 8",
                                          "-c", "update review R002 set outcome = raised",
                                          "-c", "acknowledge 0020 H240",
                                          "-c", "load broadsheet \(broadsheet) series \"Summer 2025\"",
                                          "-c", "results | where qualification = \"J560\" and grade = \"9\" | count"])
        #expect(changes.status == 0, "\(changes.stderr)")
        #expect(changes.stdout.contains("Added "), "\(changes.stdout)")

        // psql as the teacher, table by table.
        func read(_ sql: String) throws -> String {
            let r = try db.psql(sql, login: teacher)
            #expect(r.status == 0, "\(sql): \(r.stderr)")
            return r.stdout
        }
        let journal = try read("SELECT statement FROM exq.journal ORDER BY seq")
        #expect(!journal.contains("outcome") && !journal.contains("new_grade") && !journal.contains("broadsheet"), "\(journal)")
        #expect(journal.contains("update review R002 set submitted = 2024-08-23\n") && journal.contains("acknowledge 0020 H240\n"),
                "changes that tell no grade are read by all: \(journal)")
        let unguarded = try db.psql("SET row_security = off; SELECT count(*) FROM exq.journal", login: teacher)
        #expect(unguarded.status != 0 && unguarded.stderr.contains("row-level security"), "row security cannot be turned off: \(unguarded.stderr)")
        let audit = try db.psql("SELECT statement FROM exq.audit", login: teacher)
        #expect(audit.status != 0 && audit.stderr.contains("permission denied"), "the audit is not a teacher's to read: \(audit.stderr)")
        #expect(try read("SELECT count(*) FROM exq.results WHERE qualification IN ('J560', 'J260', 'J351')") == "0\n")
        #expect(try read("SELECT count(*) FROM exq.reviews WHERE qualification IN ('J560', 'J260', 'J351') AND (outcome <> '' OR new_grade <> '')") == "0\n")
        #expect(try read("SELECT name, value FROM exq.settings") == "schema|3\n")
        #expect(try read("SELECT count(*) FROM exq.broadsheets") == "0\n", "the broadsheet's file, kept for other sessions, is withheld with its journal row")
        #expect(try db.psql("SELECT count(*) FROM exq.broadsheets", login: officer).stdout == "1\n")
        #expect(try read("SELECT count(*) FROM exq.pack_files WHERE header LIKE '%grade%'") == "3\n", "pack_files holds the headers, no values")
        #expect(try read("SELECT DISTINCT series FROM exq.releases ORDER BY 1") == "January 2024\nSummer 2023\nSummer 2024\nSummer 2025\n",
                "the broadsheet's series has its releases, so its rows are read once they pass")
        // The officer's login reads it all, and its read under embargo is audited.
        let all = try db.psql("SELECT statement FROM exq.journal ORDER BY seq", login: officer).stdout
        #expect(all.contains("new_grade = 8") && all.contains("load broadsheet"), "\(all)")
        #expect(try db.psql("SELECT count(*) FROM exq.audit", login: officer).stdout == "1\n")

        // exq as the teacher (whatever --role it claims) reads the same rows.
        let asTeacher = try ExqProcess.run(["--workspace", try db.address(login: teacher), "--role", "exams-officer", "--format", "csv",
                                            "-c", "reviews | where not (outcome is blank and new_grade is blank) | where qualification in (\"J560\", \"J260\", \"J351\") | count",
                                            "-c", "results | where series = \"Summer 2025\" | count by qualification",
                                            "-c", "entries | where acknowledged and qualification = \"H240\" and candidate = \"0020\" | count"])
        #expect(asTeacher.status == 0, "\(asTeacher.stderr)")
        #expect(asTeacher.stderr.contains("(teacher)"), "\(asTeacher.stderr)")
        // The broadsheet's row is withheld whole until all of its results are released (its A level ones too).
        #expect(asTeacher.stdout == "count\n0\nqualification,count,share\ncount\n1\n", "no outcome, no Summer 2025 result, the acknowledgement: \(asTeacher.stdout)")

        // Once the database's clock passes the GCSE release (here: the release is moved to the
        // past by the technician), the teacher's login reads those journal rows too.
        try db.psql("UPDATE exq.releases SET released_at = now() - interval '1 minute' WHERE qualification IN ('J560', 'J260', 'J351')")
        let released = try read("SELECT statement FROM exq.journal ORDER BY seq")
        #expect(released.contains("new_grade = 8") && released.contains("load broadsheet"), "\(released)")
        #expect(try read("SELECT count(*) FROM exq.broadsheets") == "1\n")
    }

    /// A workspace of schema 1 (whose journal every login read whole) is brought up to date
    /// when the technician opens it: its rows that may name an outcome or a broadsheet's grades are
    /// withheld from teachers' logins for good (they name no results day), the rest read as
    /// before. A teacher's login that opens it first is told the technician must, and changes nothing.
    @Test func aSchemaOneWorkspaceIsMigrated() throws {
        let (db, officer, teacher) = try Self.trust()
        let changes = try ExqProcess.run(["--workspace", try db.address(login: officer), "--today", "2024-08-25",
                                          "-c", "update review R002 set submitted = 2024-08-23, outcome = raised, outcome_date = 2024-08-24, new_grade = 8",
                                          "-c", "acknowledge 0020 H240"])
        #expect(changes.status == 0, "\(changes.stderr)")
        // The workspace as schema 1 left it.
        try db.psql("""
            DROP POLICY released ON exq.journal; DROP POLICY officers_write ON exq.journal; ALTER TABLE exq.journal DISABLE ROW LEVEL SECURITY;
            DROP TABLE exq.broadsheets; DROP FUNCTION exq.all_released(text[], text[]); ALTER TABLE exq.journal DROP COLUMN qualifications, DROP COLUMN series;
            GRANT SELECT ON exq.audit TO exq_teacher; REVOKE INSERT ON exq.releases FROM exq_senior;
            UPDATE exq.settings SET value = '1' WHERE name = 'schema'
            """)
        #expect(try db.psql("SELECT statement FROM exq.journal", login: teacher).stdout.contains("new_grade = 8"), "schema 1's hole")
        let early = try ExqProcess.run(["--workspace", try db.address(login: teacher), "-c", "candidates | count"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("has schema 1") && early.stderr.contains("login \(teacher) may not") && early.stderr.contains("technician"), "\(early.stderr)")
        #expect(try db.psql("SELECT value FROM exq.settings WHERE name = 'schema'").stdout == "1\n")

        let opened = try ExqProcess.run(["--workspace", db.url, "-c", "candidates | count"])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(try db.psql("SELECT value FROM exq.settings WHERE name = 'schema'").stdout == "3\n")
        #expect(try Self.tablesInSchema(db) == Self.tables)
        let journal = try db.psql("SELECT statement FROM exq.journal ORDER BY seq", login: teacher)
        #expect(journal.status == 0 && !journal.stdout.contains("new_grade") && journal.stdout.contains("acknowledge 0020 H240\n"), "\(journal.stdout)")
        #expect(try db.psql("SELECT count(*) FROM exq.audit", login: teacher).stderr.contains("permission denied"))
        #expect(try db.psql("SELECT count(*) FROM exq.journal", login: officer).stdout == "3\n")
        let asTeacher = try ExqProcess.run(["--workspace", try db.address(login: teacher), "--format", "csv", "-c", "entries | where acknowledged and candidate = \"0020\" and qualification = \"H240\" | count"])
        #expect(asTeacher.status == 0 && asTeacher.stdout == "count\n1\n", "\(asTeacher.stdout) \(asTeacher.stderr)")
    }

    /// An officer's and a senior leader's reads of embargoed results are in the audit table, with the login.
    @Test func anOfficersEmbargoedReadsAreAudited() throws {
        let (db, officer, _) = try Self.trust()
        let senior = "senior_\(db.name.suffix(8))"
        try db.psql("CREATE ROLE \(senior) LOGIN IN ROLE exq_senior")
        let read = try ExqProcess.run(["--workspace", try db.address(login: officer), "-c", "results | where qualification = \"J560\" | count"])
        #expect(read.status == 0, "\(read.stderr)")
        let released = try ExqProcess.run(["--workspace", try db.address(login: senior), "-c", "results | where qualification = \"H446\" | count"])
        #expect(released.status == 0, "\(released.stderr)")
        let seniorRead = try ExqProcess.run(["--workspace", try db.address(login: senior), "-c", "why 0018"])
        #expect(seniorRead.status == 0, "\(seniorRead.stderr)")
        #expect(try db.psql("SELECT login, role, statement FROM exq.audit ORDER BY at").stdout
                == "\(officer)|exams-officer|results | where qualification = \"J560\" | count\n\(senior)|senior-leader|why 0018\n",
                "a read of released results only is not audited")
    }

    /// A teacher's login cannot write any table exq creates (the audit, the journal, the pack
    /// tables, the releases, the settings), nor change the schema, through psql or exq.
    @Test func aTeacherLoginCannotWrite() throws {
        let (db, _, teacher) = try Self.trust()
        #expect(try Self.tablesInSchema(db) == Self.tables)
        var statements = ["CREATE TABLE exq.mine (x text)", "ALTER TABLE exq.journal DISABLE ROW LEVEL SECURITY",
                          "DROP POLICY released ON exq.results",
                          "INSERT INTO exq.results (candidate, qualification, series, grade) VALUES ('0001', 'J560', 'Summer 2024', '9')",
                          "INSERT INTO exq.journal (statement, clock) VALUES ('demo', '2024-08-22')",
                          "INSERT INTO exq.audit (role, clock, statement) VALUES ('teacher', '2024-08-22', 'x')"]
        for table in Self.tables {
            let column = try db.psql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'exq' AND table_name = '\(table)' ORDER BY ordinal_position DESC LIMIT 1").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            statements += ["INSERT INTO exq.\(table) DEFAULT VALUES", "UPDATE exq.\(table) SET \(column) = \(column)",
                           "DELETE FROM exq.\(table)", "TRUNCATE exq.\(table)"]
        }
        for sql in statements {
            let r = try db.psql(sql, login: teacher)
            #expect(r.status != 0 && (r.stderr.contains("permission denied") || r.stderr.contains("must be owner")), "\(sql): \(r.stderr)")
        }
        let change = try ExqProcess.run(["--workspace", try db.address(login: teacher), "-c", "acknowledge 0020 H240"])
        #expect(change.status != 0)
        #expect(change.stderr.contains("may not change"), "\(change.stderr)")
        #expect(try db.psql("SELECT count(*) FROM exq.journal").stdout == "1\n")
    }
}
