import Foundation
import Testing

/// The command line's contract: exit statuses, -c, --format csv, --pack, errors on stderr.
@Suite struct CommandLineTests {
    @Test func commandsRunAndExitZero() throws {
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-21", "-c", "candidates | count", "-c", "entries | where at_risk | count"])
        #expect(o.status == 0)
        let lines = o.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == "300")
    }

    @Test func anErrorGoesToStderrAndExitsOne() throws {
        let o = try ExqProcess.run(["--demo", "-c", #"entries | where qualificaton = "05839""#])
        #expect(o.status == 1)
        #expect(o.stdout.isEmpty)
        #expect(o.stderr.hasPrefix("exq:1:17: error: unknown field 'qualificaton' of entries"))
        #expect(o.stderr.contains("did you mean 'qualification'?"))
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try ExqProcess.run(["--demo", "--today", "31/02/2024", "-c", "candidates"]).status == 2)
        #expect(try ExqProcess.run(["--demo", "--format", "xml", "-c", "candidates"]).status == 2)
        #expect(try ExqProcess.run(["--no-such-flag"]).status == 2)
        #expect(try ExqProcess.run(["--demo", "--pack", "x", "-c", "candidates"]).status == 2)
    }

    @Test func exportedDemoPackLoadsBackWithEveryCandidate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = try ExqProcess.run(["--demo", "--export-pack", dir.path])
        #expect(export.status == 0, "\(export.stderr)")
        let demo = try ExqProcess.run(["--demo", "--format", "csv", "-c", "candidates"])
        let loaded = try ExqProcess.run(["--pack", dir.path, "--format", "csv", "-c", "candidates"])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout == demo.stdout)
        #expect(loaded.stdout.split(separator: "\n").count == 301)
        #expect(loaded.stdout.contains("\n0042,"))
        #expect(loaded.stderr.hasPrefix("Loaded 300 candidates, "))
        // The same questions give the same answers on the exported pack.
        let q = ["--today", "2024-08-21", "-c", "entries | where at_risk", "-c", "reviews | where due", "-c", "results | count by qualification, grade"]
        #expect(try ExqProcess.run(["--pack", dir.path] + q).stdout == ExqProcess.run(["--demo"] + q).stdout)
    }

    @Test func aBrokenPackLoadsNothingAndSaysWhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "candidate,surname,forenames,dob\n0042,Smith,Ann,31/02/2008\n".write(to: dir.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--pack", dir.path, "-c", "candidates | count"])
        #expect(o.status == 1)
        #expect(o.stdout.isEmpty)
        #expect(o.stderr.contains("candidates.csv:2:16: error:"))
        // Inside a session, a failed load leaves what was loaded before.
        let s = try ExqProcess.run(["--demo", "--keep-going", "-c", "load \(dir.path)", "-c", "candidates | count"])
        #expect(s.status == 1)
        #expect(s.stdout == "300\n")
    }

    @Test func scriptsStopAtTheFirstErrorWithItsLine() throws {
        let dir = FileManager.default.temporaryDirectory
        let script = dir.appendingPathComponent("exq-stop-\(UUID().uuidString).exq")
        defer { try? FileManager.default.removeItem(at: script) }
        try "candidates | count\n\nentries |\n  where at_rsk\ncandidates | count\n".write(to: script, atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--demo", script.path])
        #expect(o.status == 1)
        #expect(o.stdout == "300\n")
        #expect(o.stderr.contains("\(script.path):4:9: error: unknown field 'at_rsk' of entries"))
    }

    @Test func statementsFromStdinWithoutATerminal() throws {
        let o = try ExqProcess.run(["--demo"], stdin: "set today 2024-08-21\nreviews |\n  where due and deadline in this week |\n  count\n")
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "2\n")
    }
}
