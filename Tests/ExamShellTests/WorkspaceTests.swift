import Foundation
import Testing

/// Workspaces: every change journaled, replayed on reopening; torn tails, changed packs, compact.
@Suite struct WorkspaceTests {
    static func folder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("exq-ws-\(name)-\(UUID().uuidString)").path
    }

    static let changes = ["-c", "acknowledge 0007 05839", "-c", "add review 0019 H420 2 consent today",
                          "-c", "update review R0033 set submitted = today", "-c", "update certificate 0005 05838 set issued = today",
                          "-c", "set completion 0011 05839 \"Summer 2025\""]
    static let state = ["--format", "csv", "-c", "entries | where acknowledged or completion = \"Summer 2025\" | show candidate, qualification, acknowledged, completion",
                        "-c", "reviews | where id = \"R0033\" | show id, requested, consent, submitted",
                        "-c", "certificates | where candidate = \"0005\" | show issued"]

    @Test func reopeningReplaysEveryChangeAndLivesInItsOwnDay() throws {
        let w = Self.folder("reopen")
        defer { try? FileManager.default.removeItem(atPath: w) }
        let made = try ExqProcess.run(["--workspace", w, "--demo", "--today", "2024-08-22"] + Self.changes)
        #expect(made.status == 0, "\(made.stderr)")
        let before = try ExqProcess.run(["--workspace", w, "--today", "2024-08-22"] + Self.state)
        // A day later the changes are all there, with the dates they were made on; the clock is today's.
        let after = try ExqProcess.run(["--workspace", w, "--today", "2024-09-01"] + Self.state)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before.stdout)
        #expect(after.stdout.contains("R0033,2024-08-22,2024-08-22,2024-08-22"))
        #expect(after.stdout.contains("0007,05839,yes,Summer 2024"))
        #expect(after.stdout.contains("0011,05839,no,Summer 2025"))
        #expect(after.stderr.contains("Opened workspace \(w): 6 changes replayed"))
        // The journal is a script a person can read.
        let journal = try String(contentsOfFile: w + "/journal.exq", encoding: .utf8)
        #expect(journal.hasPrefix("demo\n#= "))
        #expect(journal.contains("\nupdate review R0033 set submitted = 2024-08-22\n#= "))
        #expect(!journal.contains("today"))
    }

    @Test func aTornLastEntryIsReportedAndSetAsideNotApplied() throws {
        let w = Self.folder("torn")
        defer { try? FileManager.default.removeItem(atPath: w) }
        _ = try ExqProcess.run(["--workspace", w, "--demo", "--today", "2024-08-22", "-c", "acknowledge 0007 05839"])
        let journalPath = w + "/journal.exq"
        let whole = try String(contentsOfFile: journalPath, encoding: .utf8)
        // A whole statement whose check line never made it to disk, then half of another.
        let torn = "acknowledge 0008 05835\n#= 1234"
        try (whole + torn).write(toFile: journalPath, atomically: false, encoding: .utf8)
        let o = try ExqProcess.run(["--workspace", w, "--format", "csv", "-c", "entries | where acknowledged | show candidate"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stderr.contains("warning: the journal's last entry was cut off"))
        #expect(o.stdout.contains("0007"))
        #expect(!o.stdout.contains("0008"))
        #expect(try String(contentsOfFile: w + "/journal.torn", encoding: .utf8) == torn + "\n")
        #expect(try String(contentsOfFile: journalPath, encoding: .utf8) == whole)
        // Reopened again, it is clean.
        let again = try ExqProcess.run(["--workspace", w, "-c", "entries | where acknowledged | count"])
        #expect(!again.stderr.contains("cut off"))
    }

    @Test func aJournalDamagedInTheMiddleIsRefused() throws {
        let w = Self.folder("damaged")
        defer { try? FileManager.default.removeItem(atPath: w) }
        _ = try ExqProcess.run(["--workspace", w, "--demo", "-c", "acknowledge 0007 05839", "-c", "acknowledge 0008 05835"])
        let journalPath = w + "/journal.exq"
        let text = try String(contentsOfFile: journalPath, encoding: .utf8).replacingOccurrences(of: "acknowledge 0007", with: "acknowledge 0009")
        try text.write(toFile: journalPath, atomically: false, encoding: .utf8)
        let o = try ExqProcess.run(["--workspace", w, "-c", "entries | count"])
        #expect(o.status == 1)
        #expect(o.stderr.contains("the journal is damaged here"))
        #expect(try String(contentsOfFile: journalPath, encoding: .utf8) == text)
    }

    @Test func aPackThatChangedIsReportedBeforeItIsReplayed() throws {
        let pack = Self.folder("pack"), w = Self.folder("packed")
        defer { try? FileManager.default.removeItem(atPath: pack); try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExqProcess.run(["--demo", "--export-pack", pack]).status == 0)
        #expect(try ExqProcess.run(["--workspace", w, "--pack", pack, "-c", "acknowledge 0007 05839"]).status == 0)
        let candidates = pack + "/candidates.csv"
        try (try String(contentsOfFile: candidates, encoding: .utf8) + "0999,Newman,Ada,,,,13X,64123\n").write(toFile: candidates, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: pack + "/certificates.csv")
        let o = try ExqProcess.run(["--workspace", w, "-c", "candidates | count"])
        #expect(o.stderr.contains("warning: \(pack) has changed since it was loaded here: candidates.csv changed, certificates.csv removed"))
        let warning = o.stderr.range(of: "has changed")!, opened = o.stderr.range(of: "Opened workspace")!
        #expect(warning.lowerBound < opened.lowerBound)
        #expect(o.stdout == "301\n")
    }

    @Test func compactKeepsTheStateInFewerEntries() throws {
        let w = Self.folder("compact")
        defer { try? FileManager.default.removeItem(atPath: w) }
        let churn = ["-c", "acknowledge 0007 05839", "-c", "unacknowledge 0007 05839", "-c", "acknowledge 0007 05839",
                     "-c", "add review 0019 H420 2 consent today fee 52", "-c", "update review R0033 set submitted = today",
                     "-c", "update review R0033 set outcome = raised, outcome_date = 2024-08-22, new_grade = A",
                     "-c", "update review R004 set submitted = 2024-08-21", "-c", "update certificate 0005 05838 set issued = today",
                     "-c", "set series \"Summer 2024\""]
        #expect(try ExqProcess.run(["--workspace", w, "--demo", "--today", "2024-08-22"] + churn).status == 0)
        let everything = ["--format", "csv", "-c", "entries", "-c", "reviews | show id, candidate, service, requested, consent, submitted, outcome, outcome_date, new_grade, fee",
                          "-c", "certificates", "-c", "entries | where at_risk | count"]
        let before = try ExqProcess.run(["--workspace", w, "--today", "2024-08-22"] + everything)
        let compacted = try ExqProcess.run(["--workspace", w, "-c", "compact"])
        #expect(compacted.status == 0, "\(compacted.stderr)")
        #expect(compacted.stdout == "Compacted the journal of \(w): 10 entries became 7\n")
        let after = try ExqProcess.run(["--workspace", w, "--today", "2024-08-22"] + everything)
        #expect(after.stdout == before.stdout)
        let journal = try String(contentsOfFile: w + "/journal.exq", encoding: .utf8)
        #expect(journal.components(separatedBy: "\n#= ").count - 1 == 7)
        #expect(journal.contains("add review 0019 H420 2 requested 2024-08-22 consent 2024-08-22 submitted 2024-08-22 fee 52 id R0033\n"))
    }

    @Test func aWorkspaceWithDataIsNotOverwrittenByDemoOrPack() throws {
        let w = Self.folder("keep")
        defer { try? FileManager.default.removeItem(atPath: w) }
        #expect(try ExqProcess.run(["--workspace", w, "--demo", "-c", "acknowledge 0007 05839"]).status == 0)
        let o = try ExqProcess.run(["--workspace", w, "--demo", "-c", "entries | count"])
        #expect(o.status == 2)
        #expect(o.stderr.contains("already holds data"))
        let still = try ExqProcess.run(["--workspace", w, "-c", "entries | where candidate = \"0007\" and acknowledged | count"])
        #expect(still.stdout == "1\n")
    }
}
