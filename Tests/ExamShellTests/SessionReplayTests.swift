import Foundation
import Testing

/// Sessions saved as scripts replay to the same bytes; expectations guard scripts.
@Suite struct SessionReplayTests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("exq-\(name)-\(UUID().uuidString)")
    }

    static let sessionStatements = """
        entries | where at_risk | count
        let due = reviews | where due
        due | show id, deadline
        set today 2024-08-23
        due | count
        acknowledge 0007 05839
        add review 0019 H420 2 consent today
        update review R0033 set submitted = today
        reviews | where submitted = today | show id, service
        why 0011
        entires | count
        results | where qualification = "J560" | grades
        """

    @Test func aSavedSessionReplaysToTheSameBytes() throws {
        let script = Self.temporary("saved").appendingPathExtension("exq")
        defer { try? FileManager.default.removeItem(at: script) }
        let session = try ExqProcess.run(["--demo", "--today", "2024-08-21", "--keep-going"],
                                         stdin: Self.sessionStatements + "\nsave session \(script.path)\n")
        #expect(session.status == 1)  // the misspelt 'entires' failed, and is left out of the saved script
        #expect(session.stderr.contains("Saved 12 statements to \(script.path)"))
        let saved = try String(contentsOf: script, encoding: .utf8)
        #expect(saved.contains("set today 2024-08-21\ndemo\n"))
        #expect(!saved.contains("entires"))
        #expect(saved.contains("add review 0019 H420 2 requested 2024-08-23 consent 2024-08-23 id R0033"))
        let replay = try ExqProcess.run([script.path])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout == session.stdout)
        #expect(!replay.stdout.isEmpty)
    }

    @Test func aRecordingStartsWithTheStateAndAddsEachStatement() throws {
        let script = Self.temporary("record").appendingPathExtension("exq")
        defer { try? FileManager.default.removeItem(at: script) }
        let first = "entries | where at_risk | count\n"
        let rest = "set today 2024-08-22\nreviews | where due | count\nacknowledge 0008 05835\nentries | where at_risk | count\n"
        let session = try ExqProcess.run(["--demo", "--today", "2024-08-21"], stdin: first + "record \(script.path)\n" + rest)
        #expect(session.status == 0, "\(session.stderr)")
        let recorded = try String(contentsOf: script, encoding: .utf8)
        #expect(recorded.hasSuffix("set today 2024-08-21\ndemo\n" + rest))
        let replay = try ExqProcess.run([script.path])
        #expect(replay.stdout == session.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
    }

    @Test func aFailedExpectationIsAnErrorAtItsLine() throws {
        let script = Self.temporary("expect").appendingPathExtension("exq")
        defer { try? FileManager.default.removeItem(at: script) }
        try """
            set today 2024-08-21
            entries | where at_risk | count
            expect value = 10
            expect rows = 1
            reviews | where due and deadline in this week | show id
            expect result
              id
              R004
              R018
            expect rows > 5
            """.write(to: script, atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--demo", script.path])
        #expect(o.status == 1)
        #expect(o.stderr.hasPrefix("\(script.path):10:1: error: expected rows > 5, found 2"))
    }

    @Test func aWholeResultThatDiffersSaysWhere() throws {
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-21"], stdin: "reviews | where due and deadline in this week | show id\nexpect result\n  id\n  R004\n  R019\n")
        #expect(o.status == 1)
        #expect(o.stderr.contains("the answer differs from the expected result at its row 2"))
        #expect(o.stderr.contains("found:    R018"))
    }

    @Test func checkReportsEachScriptAndFailsWhenOneFails() throws {
        let good = Self.temporary("good").appendingPathExtension("exq"), bad = Self.temporary("bad").appendingPathExtension("exq")
        defer { try? FileManager.default.removeItem(at: good); try? FileManager.default.removeItem(at: bad) }
        try "candidates | count\nexpect value = 300\n".write(to: good, atomically: true, encoding: .utf8)
        try "candidates | count\nexpect value = 299\n".write(to: bad, atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--demo", "--check", good.path, bad.path])
        #expect(o.status == 1)
        #expect(o.stdout == "PASS \(good.path)\nFAIL \(bad.path) (its error is above)\n1 passed, 1 failed\n")
        #expect(o.stderr.contains("\(bad.path):2:1: error: expected value = 299, found 300"))
        let all = try ExqProcess.run(["--demo", "--check", good.path])
        #expect(all.status == 0)
    }

    @Test func stepShowsNarrationWaitsAndSkipsOrQuits() throws {
        let script = Self.temporary("step").appendingPathExtension("exq")
        defer { try? FileManager.default.removeItem(at: script) }
        try "## First, count the candidates.\ncandidates | count\n## Then the entries.\nentries | count\n## Last, the reviews.\nreviews | count\n"
            .write(to: script, atomically: true, encoding: .utf8)
        // Enter runs the first, s skips the second, q quits before the third.
        let o = try ExqProcess.run(["--demo", "--step", script.path], stdin: "\ns\nq\n")
        #expect(o.status == 0)
        #expect(o.stdout == "\nFirst, count the candidates.\n\n> candidates | count\n300\n\nThen the entries.\n\n> entries | count\n\nLast, the reviews.\n\n> reviews | count\n")
        #expect(o.stderr.contains("[Enter] run it · s skip · q quit · or type a statement: "))
    }

    @Test func narrationIsShownWithEchoAndIsACommentOtherwise() throws {
        let script = Self.temporary("narrate").appendingPathExtension("exq")
        defer { try? FileManager.default.removeItem(at: script) }
        try "## Count them.\n##\n## All of them.\ncandidates |\n  count\n".write(to: script, atomically: true, encoding: .utf8)
        #expect(try ExqProcess.run(["--demo", script.path]).stdout == "300\n")
        // An empty ## line (a paragraph break) is echoed as it is, with no space after it.
        #expect(try ExqProcess.run(["--demo", "--echo", script.path]).stdout == "## Count them.\n##\n## All of them.\n> candidates |\n    count\n300\n")
    }
}
