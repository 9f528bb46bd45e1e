import Foundation
import Testing
@testable import ExamShell
import ExamDemo

/// A database of its own, for one test, in the cluster `.ci/run` starts (EXQ_TEST_PG). Without
/// it these tests fail, never skip: run them with `.ci/run`, or leave them out while iterating
/// with `swift test --skip SharedWorkspace`.
struct TestDatabase {
    /// The cluster's address, as .ci/run exports it (a superuser login: the trust's technician).
    static func server() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["EXQ_TEST_PG"], !url.isEmpty else {
            throw Missing()
        }
        return url
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "EXQ_TEST_PG is not set: the shared-workspace tests need a PostgreSQL server. Run them with .ci/run "
                + "(it starts a cluster of its own and sets EXQ_TEST_PG), or leave them out with swift test --skip SharedWorkspace"
        }
    }

    /// The technician's address of the new database.
    let url: String
    let name: String

    init() throws {
        let server = try Self.server()
        name = "exq_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let result = try Self.psql(server, "CREATE DATABASE \(name)")
        guard result.status == 0 else { throw Failed(description: "cannot create a test database: " + result.stderr) }
        url = Self.address(server, database: name)
    }

    struct Failed: Error, CustomStringConvertible { var description: String }

    /// `server` with its database (and, when given, its login) replaced.
    static func address(_ server: String, database: String, login: String? = nil) -> String {
        var c = URLComponents(string: server)!
        c.path = "/" + database
        if let login { c.user = login; c.password = nil }
        return c.string!
    }

    /// This database's address for another login (the cluster trusts loopback logins).
    func address(login: String) throws -> String { Self.address(try Self.server(), database: name, login: login) }

    /// Runs SQL with psql (as `login`, default the technician), stopping at the first error.
    @discardableResult
    func psql(_ sql: String, login: String? = nil) throws -> ExqProcess.Outcome {
        try Self.psql(login.map { try address(login: $0) } ?? url, sql)
    }

    static func psql(_ address: String, _ sql: String) throws -> ExqProcess.Outcome {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        p.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", address, "-c", sql]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return ExqProcess.Outcome(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), status: p.terminationStatus)
    }
}

/// A trust's shared workspace on PostgreSQL: the schema exq keeps there, loads copied in whole,
/// a journal that only grows, and what one session changes seen by the next.
@Suite struct SharedWorkspaceTests {
    /// The demo copied into the pack tables comes back as exactly the same data in a new session.
    @Test func dataCopiedInComesBackTheSame() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        let session = Session()
        session.console.muted = true
        #expect(session.run(OpenCommand(folder: Word(db.url)).statement))
        #expect(Session.difference(session.store, DemoCentre.make()) == nil)
        #expect(session.base == "demo")
    }

    /// A pack loaded into a shared workspace is in its tables, one row per pack row, and the next
    /// session opens the same data without the pack folder.
    @Test func aLoadCopiesThePackIntoTables() throws {
        let db = try TestDatabase()
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("exq-pg-pack-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pack) }
        #expect(try ExqProcess.run(["generate", "--candidates", "120", "--seed", "3", pack]).status == 0)
        let first = try ExqProcess.run(["--workspace", db.url, "--pack", pack, "-c", "candidates | count", "-c", "entries | count"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try db.psql("SELECT count(*) FROM exq.candidates").stdout == "120\n")
        try FileManager.default.removeItem(atPath: pack)
        let second = try ExqProcess.run(["--workspace", db.url, "-c", "candidates | count", "-c", "entries | count"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == first.stdout)
        #expect(try db.psql("SELECT count(*) FROM exq.journal WHERE statement LIKE 'load %'").stdout == "1\n")
    }

    /// Each change is one journal row: its canonical statement (today resolved), the login and the clock.
    @Test func aChangeIsOneJournalRowWithWhoAndWhen() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        let change = try ExqProcess.run(["--workspace", db.url, "--today", "2024-08-20", "-c", "acknowledge 0020 H240"])
        #expect(change.status == 0, "\(change.stderr)")
        #expect(try db.psql("SELECT statement, login, clock FROM exq.journal ORDER BY seq OFFSET 1").stdout
                == "acknowledge 0020 H240|postgres|2024-08-20\n")
        let next = try ExqProcess.run(["--workspace", db.url, "-c", "entries | where acknowledged | count"])
        let before = try ExqProcess.run(["--demo", "-c", "entries | where acknowledged | count"])
        #expect(Int(next.stdout.trimmingCharacters(in: .whitespacesAndNewlines))! == Int(before.stdout.trimmingCharacters(in: .whitespacesAndNewlines))! + 1)
    }

    /// A broadsheet one session adds is kept in the workspace, so another session replays it
    /// though the file is gone (it was on the first officer's machine).
    @Test func aBroadsheetIsReplayedFromTheWorkspace() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("exq-pg-broadsheet-\(UUID().uuidString).csv")
        try FileManager.default.copyItem(at: ExqProcess.root.appendingPathComponent("Examples/broadsheet-summer-2025.csv"), to: file)
        let count = "results | where series = \"Summer 2025\" | count"
        let first = try ExqProcess.run(["--workspace", db.url, "-c", "load broadsheet \(file.path) series \"Summer 2025\"", "-c", count])
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.removeItem(at: file)
        let second = try ExqProcess.run(["--workspace", db.url, "-c", count])
        #expect(second.status == 0 && !second.stderr.contains("did not apply"), "\(second.stderr)")
        #expect(second.stdout == first.stdout.split(separator: "\n").last.map { $0 + "\n" })
        #expect(Int(second.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
    }

    /// The journal and the audit table only grow: no login, not even the owner, changes or removes a row.
    @Test func theJournalOnlyGrows() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        for sql in ["DELETE FROM exq.journal", "UPDATE exq.journal SET statement = 'demo'", "TRUNCATE exq.journal", "DELETE FROM exq.audit"] {
            let r = try db.psql(sql)
            #expect(r.status != 0 && r.stderr.contains("only grows"), "\(sql): \(r.stderr)")
        }
    }

    /// A workspace written by a newer exq is refused, with what to do, and left as it was.
    @Test func aNewerSchemaIsRefused() throws {
        let db = try TestDatabase()
        #expect(try ExqProcess.run(["--workspace", db.url, "--demo"]).status == 0)
        try db.psql("UPDATE exq.settings SET value = '99' WHERE name = 'schema'")
        let r = try ExqProcess.run(["--workspace", db.url, "-c", "candidates | count"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("written by a newer exq (schema 99)") && r.stderr.contains("update exq"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    /// The README's set-up, line by line as a trust's technician types it (on this test's cluster:
    /// PGHOST and PGPORT say where it is, as a server's own defaults would, and the names are made
    /// this test's own): the roles, the workspace, a login per member of staff, the password file;
    /// then an officer loads the cohort and a teacher opens it.
    @Test func theReadmesSetUpWorksAsWritten() throws {
        let server = URLComponents(string: try TestDatabase.server())!
        let readme = try String(contentsOf: ExqProcess.root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "**Setting it up.**"),
              let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex) else {
            Issue.record("the README has no **Setting it up.** paragraph")
            return
        }
        let typed = readme[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("    ") }.map { String($0.dropFirst(4)) }
        #expect(typed.count == 10, "\(typed)")
        let suffix = "_" + UUID().uuidString.prefix(8).lowercased()
        let database = "exams" + suffix
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("exq-pg-readme-\(UUID().uuidString)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("exq-pg-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: pack); try? FileManager.default.removeItem(at: home) }
        #expect(try ExqProcess.run(["generate", "--candidates", "50", "--seed", "5", pack.path]).status == 0)
        let place = "127.0.0.1:\(server.port!)"
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = ExqProcess.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["PGHOST"] = "127.0.0.1"
        environment["PGPORT"] = String(server.port!)
        environment["HOME"] = home.path
        environment["NO_COLOR"] = "1"
        var said = ""
        for line in typed where !line.hasPrefix("apt-get ") {
            var command = line.replacingOccurrences(of: "runuser -u postgres -- ", with: "")
                .replacingOccurrences(of: "db.trust.example:5432", with: place).replacingOccurrences(of: "db.trust.example", with: place)
                .replacingOccurrences(of: "/srv/packs/summer-2024", with: pack.path)
            for name in ["j_smith", "a_khan", "p_jones"] { command = command.replacingOccurrences(of: name, with: name + suffix) }
            command = command.replacingOccurrences(of: #"\bexams\b"#, with: database, options: .regularExpression)
            // The technician's commands run as the cluster's superuser, as runuser makes them.
            let asTechnician = line.hasPrefix("runuser -u postgres") || line.hasPrefix("exq setup-roles")
            environment["PGUSER"] = asTechnician ? "postgres" : nil
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-o", "pipefail", "-c", command]
            p.environment = environment
            p.standardInput = FileHandle.nullDevice
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            said += String(decoding: o + e, as: UTF8.self)
            #expect(p.terminationStatus == 0, "\(command): \(String(decoding: e, as: UTF8.self))")
        }
        #expect(said.contains("as j_smith\(suffix) (exams-officer)") && said.contains("Loaded 50 candidates"), "\(said)")
        #expect(said.contains("as p_jones\(suffix) (teacher)"), "\(said)")
        #expect(try String(contentsOf: home.appendingPathComponent(".pgpass"), encoding: .utf8).hasSuffix(":j_smith\(suffix):change-me\n"))
        #expect(try TestDatabase.psql(TestDatabase.address(try TestDatabase.server(), database: database), "SELECT count(*) FROM exq.candidates").stdout == "50\n")
    }

    /// A server that is not there is a clear error naming the address, not a crash or a hang.
    @Test func anUnreachableServerIsAClearError() throws {
        _ = try TestDatabase.server()
        let r = try ExqProcess.run(["--workspace", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=5", "-c", "candidates | count"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("cannot connect to postgresql://nobody@127.0.0.1:1/none"), "\(r.stderr)")
    }
}
