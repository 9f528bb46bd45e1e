import Foundation
import Testing

/// The results embargo, its audit log, and where scripts may write.
@Suite struct ConfidentialityTests {
    static func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("exq-conf-\(name)-\(UUID().uuidString)").path
    }

    /// On GCSE restricted release day at 09:00, a teacher sees no GCSE results of the series.
    @Test func aTeacherDoesNotSeeEmbargoedResults() throws {
        let moment = ["--demo", "--today", "2024-08-21", "--time", "09:00"]
        let officer = try ExqProcess.run(moment + ["-c", "results | where series = \"Summer 2024\" and qualification = \"J560\" | count"])
        let teacher = try ExqProcess.run(moment + ["--role", "teacher", "-c", "results | where series = \"Summer 2024\" and qualification = \"J560\" | count"])
        #expect(officer.stdout != "0\n")
        #expect(teacher.stdout == "0\n")
        #expect(teacher.stderr.contains("results are under embargo and left out"))
        // Level 3 results were released on the 15th, Cambridge Technicals are never held back.
        let level3 = ["-c", "results | where qualification = \"H240\" | count", "-c", "results | where qualification = \"05839\" | count"]
        let teacherLevel3 = try ExqProcess.run(moment + ["--role", "teacher"] + level3)
        #expect(teacherLevel3.stdout == (try ExqProcess.run(moment + level3)).stdout)
        #expect(!teacherLevel3.stdout.hasPrefix("0\n"))
    }

    @Test func aTeacherSeesThemFromEightOnResultsDay() throws {
        let query = ["-c", "results | where series = \"Summer 2024\" and qualification = \"J560\" | count"]
        let before = try ExqProcess.run(["--demo", "--today", "2024-08-22", "--time", "07:59", "--role", "teacher"] + query)
        let after = try ExqProcess.run(["--demo", "--today", "2024-08-22", "--time", "08:00", "--role", "teacher"] + query)
        #expect(before.stdout == "0\n")
        #expect(after.stdout != "0\n" && !after.stdout.isEmpty)
    }

    /// Withheld means left out, not refused: a refusal would tell the teacher that results had come.
    @Test func aTeachersStatementLeavesOutEmbargoedResults() throws {
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-21", "--time", "09:00", "--role", "teacher", "-c", "statement 0017"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.hasPrefix("PROVISIONAL STATEMENT OF RESULTS"))
        #expect(!o.stdout.contains("J560"))
        let officer = try ExqProcess.run(["--demo", "--today", "2024-08-21", "--time", "09:00", "-c", "statement 0017"])
        #expect(officer.stdout.contains("J560"))
    }

    @Test func readsOfEmbargoedResultsAreAudited() throws {
        let w = Self.folder("audit")
        defer { try? FileManager.default.removeItem(atPath: w) }
        let o = try ExqProcess.run(["--workspace", w, "--demo", "--today", "2024-08-21", "--time", "09:00",
                                    "-c", "results | where qualification = \"05839\" | count",
                                    "-c", "results | where qualification = \"J560\" and series = \"Summer 2024\" | count",
                                    "-c", "statement 0017"])
        #expect(o.status == 0, "\(o.stderr)")
        let log = try String(contentsOfFile: w + "/audit.log", encoding: .utf8).split(separator: "\n")
        // Cambridge Technicals are not under embargo: only the GCSE read and the statement are logged.
        #expect(log.count == 2)
        #expect(log[0].contains("role=exams-officer clock=2024-08-21 09:00 real="))
        #expect(log[0].hasSuffix("read: results | where qualification = \"J560\" and series = \"Summer 2024\" | count"))
        #expect(log[1].hasSuffix("read: statement 0017"))
    }

    /// The workspace's settings give the role; --role may lower it, never raise it.
    @Test func theWorkspaceSettingsGiveTheRoleAndTheCommandLineMayOnlyLowerIt() throws {
        let w = Self.folder("settings")
        defer { try? FileManager.default.removeItem(atPath: w) }
        _ = try ExqProcess.run(["--workspace", w, "--demo"])
        try "# who uses this workspace\nrole = teacher\n".write(toFile: w + "/settings", atomically: true, encoding: .utf8)
        let query = ["--today", "2024-08-21", "--time", "09:00", "-c", "results | where series = \"Summer 2024\" and qualification = \"J560\" | count"]
        #expect(try ExqProcess.run(["--workspace", w] + query).stdout == "0\n")
        for higher in ["senior-leader", "exams-officer", "EXAMS-OFFICER"] {
            #expect(try ExqProcess.run(["--workspace", w, "--role", higher] + query).stdout == "0\n")
        }
        try "role = exams-officer\n".write(toFile: w + "/settings", atomically: true, encoding: .utf8)
        #expect(try ExqProcess.run(["--workspace", w] + query).stdout != "0\n")
        #expect(try ExqProcess.run(["--workspace", w, "--role", "teacher"] + query).stdout == "0\n")
        try "role = head\n".write(toFile: w + "/settings", atomically: true, encoding: .utf8)
        let bad = try ExqProcess.run(["--workspace", w] + query)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("settings:1:8: error: unknown role 'head'"))
    }

    @Test func aScriptMayWriteOnlyInsideTheCurrentFolder() throws {
        let here = Self.folder("here"), elsewhere = Self.folder("elsewhere")
        try FileManager.default.createDirectory(atPath: here, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: here); try? FileManager.default.removeItem(atPath: elsewhere) }
        let script = here + "/their.exq"
        try "entries | where at_risk | save inside.csv\nentries | where at_risk | save \(elsewhere)/outside.csv\n".write(toFile: script, atomically: true, encoding: .utf8)
        let here_ = URL(fileURLWithPath: here)
        let o = try ExqProcess.run(["--demo", script], in: here_)
        #expect(o.status == 1)
        #expect(o.stderr.contains("a script may write only inside the current folder"))
        #expect(FileManager.default.fileExists(atPath: here + "/inside.csv"))
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/outside.csv"))
        // Climbing out with .. is outside too.
        try "entries | save ../escape.csv\n".write(toFile: script, atomically: true, encoding: .utf8)
        #expect(try ExqProcess.run(["--demo", script], in: here_).status == 1)
        // The user's own typed statements, and a script they trust, may.
        #expect(try ExqProcess.run(["--demo", "--allow-write", script], in: here_).status == 0)
        #expect(try ExqProcess.run(["--demo", "-c", "entries | save \(elsewhere)/typed.csv"], in: here_).status == 0)
    }
}
