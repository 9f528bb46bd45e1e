import Foundation
import Testing

/// Roles the database enforces: exq's roles are PostgreSQL roles, the login decides the session's
/// role, and row-level security withholds embargoed results from a teacher's login, in exq and
/// in psql alike, by the database's own clock.
@Suite(.serialized) struct SharedWorkspaceRoleTests {
    /// The demo centre as a pack whose GCSE results day (Summer 2024) is in 2099: those results are
    /// under embargo by any clock, while the level 3 results (released 2024-08-15) are not.
    static func embargoedPack() throws -> String {
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("exq-pg-embargo-\(UUID().uuidString)").path
        #expect(try ExqProcess.run(["--demo", "--export-pack", pack]).status == 0)
        let calendar = pack + "/calendar.csv"
        let text = try String(contentsOfFile: calendar, encoding: .utf8)
        #expect(text.contains("Summer 2024,results_day,2024-08-22,08:00,\n"))
        try text.replacingOccurrences(of: "Summer 2024,results_day,2024-08-22,08:00,\n", with: "Summer 2024,results_day,2099-08-22,08:00,\n")
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

    /// An officer's reads of embargoed results are in the audit table, with the login.
    @Test func anOfficersEmbargoedReadsAreAudited() throws {
        let (db, officer, _) = try Self.trust()
        let read = try ExqProcess.run(["--workspace", try db.address(login: officer), "-c", "results | where qualification = \"J560\" | count"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(try db.psql("SELECT login, role, statement FROM exq.audit").stdout
                == "\(officer)|exams-officer|results | where qualification = \"J560\" | count\n")
    }

    /// A teacher's login cannot write the audit, the journal or the pack tables, through psql or exq.
    @Test func aTeacherLoginCannotWrite() throws {
        let (db, _, teacher) = try Self.trust()
        for sql in ["INSERT INTO exq.audit (role, clock, statement) VALUES ('teacher', '2024-08-22', 'x')",
                    "INSERT INTO exq.journal (statement, clock) VALUES ('demo', '2024-08-22')",
                    "UPDATE exq.results SET grade = '9'", "DELETE FROM exq.candidates", "TRUNCATE exq.results",
                    "INSERT INTO exq.results (candidate, qualification, series, grade) VALUES ('0001', 'J560', 'Summer 2024', '9')",
                    "DELETE FROM exq.releases"] {
            let r = try db.psql(sql, login: teacher)
            #expect(r.status != 0 && r.stderr.contains("permission denied"), "\(sql): \(r.stderr)")
        }
        let change = try ExqProcess.run(["--workspace", try db.address(login: teacher), "-c", "acknowledge 0020 H240"])
        #expect(change.status != 0)
        #expect(change.stderr.contains("may not change"), "\(change.stderr)")
        #expect(try db.psql("SELECT count(*) FROM exq.journal").stdout == "1\n")
    }
}
