import Foundation
import Testing
import ExamShell
import ExamDemo

/// The embargo fails closed (DOMAIN.md "The embargo"): for a teacher a result is withheld while
/// either clock says so or no calendar releases it, and nothing derived from it reaches them.
/// Each test is an attack that once worked.
@Suite struct EmbargoFailsClosedTests {
    static func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("exq-embargo-\(name)-\(UUID().uuidString)").path
    }

    /// The demo centre as a pack, with its calendar (and any other file) rewritten by `edit`.
    static func pack(_ name: String, _ edit: (String) throws -> Void = { _ in }) throws -> String {
        let dir = folder(name)
        let o = try ExqProcess.run(["--demo", "-c", "export pack \(dir)"])
        #expect(o.status == 0, "\(o.stderr)")
        try edit(dir)
        return dir
    }

    static func write(_ text: String, _ path: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }

    /// GCSE restricted release day, after it has arrived: a teacher must not see the GCSE results.
    static let during = ["--today", "2024-08-21", "--time", "09:00"]
    static let gcseCount = "results | where series = \"Summer 2024\" and qualification = \"J560\" | count"

    /// A results day in the future by the real clock holds whatever clock the session is set to.
    @Test func settingTheSessionClockDoesNotLiftTheEmbargo() throws {
        let dir = try Self.pack("future") { dir in
            let calendar = try String(contentsOfFile: dir + "/calendar.csv", encoding: .utf8)
            try Self.write(calendar.replacingOccurrences(of: "2024-08-22,08:00", with: "2099-08-20,08:00"), dir + "/calendar.csv")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = ["--pack", dir, "--role", "teacher"]
        for clock in [["--today", "2100-01-01", "--time", "09:00"], ["-c", "set today 2100-01-01", "-c", "set time 23:59"],
                      ["--today", "2099-08-20", "--time", "08:00"]] {
            let o = try ExqProcess.run(base + clock + ["-c", Self.gcseCount])
            #expect(o.stdout.hasSuffix("0\n"), "\(clock): \(o.stdout)")
        }
        // The officer sees them, and the read is audited although the session's clock is past release.
        let w = Self.folder("future-audit")
        defer { try? FileManager.default.removeItem(atPath: w) }
        let officer = try ExqProcess.run(["--workspace", w, "--pack", dir, "--today", "2100-01-01", "-c", Self.gcseCount])
        #expect(officer.stdout != "0\n")
        let log = try String(contentsOfFile: w + "/audit.log", encoding: .utf8)
        #expect(log.contains("clock=2100-01-01"))
        #expect(log.split(separator: "\n").count == 1)
    }

    @Test func aTeachersExportedPackLeavesOutWithheldResults() throws {
        let out = Self.folder("teacher-pack")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let o = try ExqProcess.run(["--demo", "--role", "teacher"] + Self.during + ["-c", "export pack \(out)"])
        #expect(o.status == 0, "\(o.stderr)")
        let results = try String(contentsOfFile: out + "/results.csv", encoding: .utf8)
        #expect(!results.contains(",J560,Summer 2024,"))
        #expect(results.contains(",H240,Summer 2024,"))
        let reload = try ExqProcess.run(["--pack", out, "-c", Self.gcseCount])
        #expect(reload.stdout == "0\n")
    }

    @Test func anOfficersExportedPackIsAudited() throws {
        let w = Self.folder("officer-pack"), out = Self.folder("officer-pack-out")
        defer { try? FileManager.default.removeItem(atPath: w); try? FileManager.default.removeItem(atPath: out) }
        let o = try ExqProcess.run(["--workspace", w, "--demo"] + Self.during + ["-c", "export pack \(out)"])
        #expect(o.status == 0, "\(o.stderr)")
        let log = try String(contentsOfFile: w + "/audit.log", encoding: .utf8)
        #expect(log.hasSuffix("read: export pack \(out)\n"))
        #expect(try String(contentsOfFile: out + "/results.csv", encoding: .utf8).contains(",J560,Summer 2024,"))
    }

    /// "values of grade" lists only what the teacher may see, and no value warns differently
    /// for having been withheld.
    @Test func warningsListNoWithheldValue() throws {
        let teacher = ["--demo", "--role", "teacher"] + Self.during
        let nine = try ExqProcess.run(teacher + ["-c", "results | where grade = \"9\" | count"])
        let made = try ExqProcess.run(teacher + ["-c", "results | where grade = \"Z\" | count"])
        #expect(nine.stdout == "0\n")
        // A withheld grade and a grade nobody has are told apart by nothing but their spelling.
        #expect(nine.stderr.replacingOccurrences(of: "\"9\"", with: "\"Z\"") == made.stderr)
        let values = nine.stderr.split(separator: "\n").first { $0.contains("values of grade") } ?? ""
        #expect(!values.contains(where: \.isNumber) || values.contains("in all"))
        #expect(!values.split(separator: ":").last!.split(separator: ",").contains { Int($0.trimmingCharacters(in: .whitespaces)) != nil })
    }

    @Test func tabCompletionOffersNoWithheldValue() throws {
        let session = Session(store: DemoCentre.make())
        session.role = .teacher
        session.fixedMinutes = 9 * 60
        session.fixedToday = .init(parsing: "2024-08-21")
        let offered = session.completions(line: "results | where grade = ", cursor: 24)
        #expect(!offered.contains { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) != nil }, "\(offered)")
        session.role = .examsOfficer
        #expect(session.completions(line: "results | where grade = ", cursor: 24).contains("\"9\""))
    }

    /// A review outcome ("lowered to 3") and `why` would tell the grade.
    @Test func reviewOutcomesAndWhyTellNothingWithheld() throws {
        let dir = try Self.pack("review") { dir in
            let reviews = try String(contentsOfFile: dir + "/reviews.csv", encoding: .utf8)
            try Self.write(reviews.replacingOccurrences(of: "R002,0018,J560,,,1,2024-08-22,,,,,,15.00",
                                                        with: "R002,0018,J560,,,1,2024-08-20,,,lowered,2024-08-21,3,15.00"), dir + "/reviews.csv")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let teacher = ["--pack", dir, "--role", "teacher"] + Self.during
        let o = try ExqProcess.run(teacher + ["-c", "reviews | where id = \"R002\" | show outcome, new_grade", "-c", "why 0018"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(!o.stdout.contains("lowered"))
        let j560 = o.stdout.components(separatedBy: "\n\n").filter { $0.hasPrefix("J560") }
        #expect(j560.count == 1)
        #expect(!j560.joined().contains("result:"))
        let officer = try ExqProcess.run(["--pack", dir] + Self.during + ["-c", "reviews | where id = \"R002\" | show outcome, new_grade"])
        #expect(officer.stdout.contains("lowered"))
    }

    /// missing_result would tell whose results have arrived.
    @Test func missingResultFlagsTellNothingWithheld() throws {
        let count = "entries | where missing_result and qualification = \"J560\" | count"
        let teacher = try ExqProcess.run(["--demo", "--role", "teacher"] + Self.during + ["-c", count])
        #expect(teacher.stdout == "0\n")
        let after = try ExqProcess.run(["--demo", "--role", "teacher", "--today", "2024-08-23", "-c", count])
        let officer = try ExqProcess.run(["--demo", "--today", "2024-08-23", "-c", count])
        #expect(after.stdout == officer.stdout)
    }

    /// A calendar with no results_day rows: the built-in results days hold.
    @Test func aCalendarWithoutResultsDaysFallsBackToTheBuiltInOne() throws {
        let dir = try Self.pack("no-results-day") { dir in
            let calendar = try String(contentsOfFile: dir + "/calendar.csv", encoding: .utf8)
            try Self.write(calendar.split(separator: "\n").filter { !$0.contains("results_day") }.joined(separator: "\n") + "\n", dir + "/calendar.csv")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let teacher = ["--pack", dir, "--role", "teacher"]
        #expect(try ExqProcess.run(teacher + Self.during + ["-c", Self.gcseCount]).stdout == "0\n")
        #expect(try ExqProcess.run(teacher + ["--today", "2024-08-22", "--time", "08:00", "-c", Self.gcseCount]).stdout != "0\n")
    }

    /// `SUMMER  2024` and `June 2024` are Summer 2024.
    @Test func aSeriesWrittenAnotherWayIsTheSameSeries() throws {
        for spelling in ["SUMMER  2024", "june 2024"] {
            let dir = try Self.pack("spelling") { dir in
                let calendar = try String(contentsOfFile: dir + "/calendar.csv", encoding: .utf8)
                try Self.write(calendar.replacingOccurrences(of: "Summer 2024,results_day,2024-08-22", with: "\(spelling),results_day,2024-08-29"),
                               dir + "/calendar.csv")
            }
            defer { try? FileManager.default.removeItem(atPath: dir) }
            // The pack's own day (the 29th) holds: the built-in 22nd does not move it earlier.
            let o = try ExqProcess.run(["--pack", dir, "--role", "teacher", "--today", "2024-08-23", "-c", Self.gcseCount])
            #expect(o.stdout == "0\n", "\(spelling): \(o.stdout) \(o.stderr)")
        }
    }

    @Test func twoResultsDaysForOneSeriesAndLevelAreALoadError() throws {
        var line = 0
        let dir = try Self.pack("two-days") { dir in
            let calendar = try String(contentsOfFile: dir + "/calendar.csv", encoding: .utf8)
            line = calendar.split(separator: "\n").count + 1
            try Self.write(calendar + "summer 2024,results_day,2024-08-10,08:00,Level 3\n", dir + "/calendar.csv")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let o = try ExqProcess.run(["--pack", dir, "-c", "results | count"])
        #expect(o.status != 0)
        #expect(o.stderr.contains("calendar.csv:\(line):"))
        #expect(o.stderr.contains("a second results_day for summer 2024 applying to level 3: the first is at line 4"))
    }

    /// A series no calendar covers is withheld from a teacher, with a warning saying how to end it.
    @Test func aSeriesNoCalendarCoversIsWithheld() throws {
        let dir = try Self.pack("uncovered") { dir in
            let results = try String(contentsOfFile: dir + "/results.csv", encoding: .utf8)
            try Self.write(results.replacingOccurrences(of: ",J560,Summer 2024,", with: ",J560,Autumn 2031,"), dir + "/results.csv")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let q = "results | where series = \"Autumn 2031\" | count"
        let teacher = try ExqProcess.run(["--pack", dir, "--role", "teacher", "--today", "2040-01-01", "-c", q])
        #expect(teacher.stdout == "0\n")
        #expect(teacher.stderr.contains("no calendar gives a results day for Autumn 2031 GCSE"))
        #expect(teacher.stderr.contains("add a results_day row"))
        let officer = try ExqProcess.run(["--pack", dir, "--today", "2040-01-01", "-c", q])
        #expect(officer.stdout != "0\n")
    }

    /// The audit log names the operating-system account; $USER is anyone's to set, and a line
    /// break in any field cannot forge a line.
    @Test func theAuditLogNamesTheAccountAndCannotBeForged() throws {
        let w = Self.folder("forge")
        defer { try? FileManager.default.removeItem(atPath: w) }
        let o = try ExqProcess.run(["--workspace", w, "--demo"] + Self.during
                                   + ["-c", "results | where grade = \"4\n2026-01-01T00:00:00Z user=head read: nothing\" | count"],
                                   environment: ["USER": "someone-else\n2026-01-01 forged"])
        #expect(o.status == 0, "\(o.stderr)")
        let log = try String(contentsOfFile: w + "/audit.log", encoding: .utf8)
        #expect(log.split(separator: "\n").count == 1)
        #expect(!log.contains("someone-else"))
        let account = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        #expect(log.contains("user=\(account) uid=\(geteuid())"))
        #expect(log.contains("\\n2026-01-01T00:00:00Z user=head"))
    }
}
