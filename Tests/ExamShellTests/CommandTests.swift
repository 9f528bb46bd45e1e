import Foundation
import Testing
@testable import ExamShell

/// Commands read through the registry: errors at the word at fault, did-you-mean for slips,
/// `record off`, and a journal that holds only changes.
@Suite struct CommandTests {
    /// The diagnostic exq gives for `marked`, a statement with 1️⃣ before the word at fault.
    static func diagnostic(_ marked: String) throws -> (column: Int, text: String) {
        let column = marked.distance(from: marked.startIndex, to: marked.range(of: "1️⃣")!.lowerBound) + 1
        let statement = marked.replacingOccurrences(of: "1️⃣", with: "")
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-22", "-c", statement])
        #expect(o.status == 1)
        return (column, o.stderr)
    }

    @Test(arguments: [
        ("1️⃣statment 0011", "unknown command 'statment'", "did you mean 'statement'?"),
        ("set 1️⃣timin on", "unknown setting 'timin'", "did you mean 'timing'?"),
        ("why 1️⃣9999", "no candidate numbered 9999", "candidates | sort candidate"),
        ("acknowledge 0007 1️⃣05893", "no qualification with entry code '05893'", "did you mean"),
        ("update review R001 set 1️⃣submited = today", "unknown field 'submited'", "did you mean 'submitted'?"),
        ("update review R001 set consent = 1️⃣31/02/2024", "expected a date for consent, found '31/02/2024'", "2024-08-22"),
        ("add review 0019 H420 1️⃣7 consent today", "unknown service '7'", "services:"),
        ("add review 0019 H420 2 1️⃣consnet today", "unknown detail 'consnet'", "did you mean 'consent'?"),
        ("set today 1️⃣tomorrow", "expected a date after 'set today', found 'tomorrow'", "2024-08-22"),
        ("demo 1️⃣again", "unexpected 'again' after the command", "such as: demo"),
        ("add 1️⃣reveiw 0019 H420 2", "'add reveiw' is not a command", "did you mean 'review'?"),
    ])
    func anErrorPointsAtTheWordAtFault(marked: String, message: String, note: String) throws {
        let (column, stderr) = try Self.diagnostic(marked)
        #expect(stderr.hasPrefix("exq:1:\(column): error: \(message)\n"), "\(stderr)")
        #expect(stderr.contains("\n  " + String(repeating: " ", count: column - 1) + "^"), "\(stderr)")
        #expect(stderr.contains(note), "\(stderr)")
    }

    @Test func recordOffStopsRecordingAndMakesNoFileCalledOff() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-22", "-c", "record r.exq", "-c", "candidates | count",
                                    "-c", "record off", "-c", "entries | count", "-c", "record stop"], in: dir)
        #expect(o.status == 1)  // the second stop: nothing is being recorded
        #expect(o.stderr.contains("Stopped recording to r.exq"))
        #expect(o.stderr.contains("error: not recording"))
        let recorded = try String(contentsOf: dir.appendingPathComponent("r.exq"), encoding: .utf8)
        #expect(recorded.hasSuffix("demo\ncandidates | count\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("off").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("stop").path))
    }

    /// A journal entry as the journal writes it.
    static func entry(_ statement: String) -> String { statement + "\n#= " + Journal.checksum(statement) + "\n" }

    @Test(arguments: ["save session stolen.exq", "record stolen.exq", "open .", "candidates | save stolen.csv", "entries | count"])
    func aJournalHoldingAnythingButAChangeIsRefusedAtItsLineAndNothingIsWritten(intruder: String) throws {
        let w = FileManager.default.temporaryDirectory.appendingPathComponent("exq-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: w, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: w) }
        let journal = Self.entry("demo") + Self.entry("acknowledge 0007 05839") + Self.entry(intruder) + Self.entry("acknowledge 0008 05835")
        try journal.write(to: w.appendingPathComponent("journal.exq"), atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--workspace", w.path, "-c", "candidates | count"], in: w)
        #expect(o.status == 1)
        #expect(o.stdout.isEmpty)
        #expect(o.stderr.contains(w.path + "/journal.exq:5:1: error: a journal holds only changes to the data"), "\(o.stderr)")
        #expect(o.stderr.contains("the workspace was not opened; nothing was changed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.path).sorted() == ["journal.exq", "lock"])
        #expect(try String(contentsOf: w.appendingPathComponent("journal.exq"), encoding: .utf8) == journal)
    }

    @Test func aValueWithQuotesAndANewlineSurvivesTheJournal() throws {
        let w = FileManager.default.temporaryDirectory.appendingPathComponent("exq-quotes-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: w) }
        let made = try ExqProcess.run(["--workspace", w, "--demo", "--today", "2024-08-22",
                                       "-c", "add review 0011 05839 1 component 'A\"B' id R0033",
                                       "-c", "update review R0033 set component = \"two\\nlines #= 0\""])
        #expect(made.status == 0, "\(made.stderr)")
        let o = try ExqProcess.run(["--workspace", w, "--format", "json", "-c", "reviews | where id = \"R0033\" | show component, id"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains(#""component": "two\nlines #= 0""#), "\(o.stdout)")
    }
}

extension CommandTests {
    @Test func aSavedSessionWithAwkwardValuesReplaysToTheSameAnswers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-awkward-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let statements = ["add review 0011 05839 1 component 'A\"B' id \"R 9\\\\\"", "update review \"R 9\\\\\" set component = \"x\\n#= y | # 'z'\"",
                          "reviews | where id = \"R 9\\\\\" | show id, component", "save session s.exq"]
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-22", "--format", "json"] + statements.flatMap { ["-c", $0] }, in: dir)
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains(#""component": "x\n#= y | # 'z'""#), "\(o.stdout)")
        let replay = try ExqProcess.run(["--format", "json", "s.exq"], in: dir)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout == o.stdout)
    }
}
