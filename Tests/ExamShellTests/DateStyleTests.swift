import Foundation
import Testing
@testable import ExamShell

/// `set dates`: tables, `why`, statements and messages show 22/08/2024 unless `set dates iso`;
/// CSV and JSON, read by programs, are always ISO; dates are read in either form.
@Suite struct DateStyleTests {
    static let query = "reviews | where id = \"R004\" | show id, deadline"

    func run(_ args: [String]) throws -> ExqProcess.Outcome {
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-21"] + args)
        #expect(o.status == 0, "\(o.stderr)")
        return o
    }

    @Test func tablesShowDatesDayFirstByDefault() throws {
        // R004 is a priority review of marking whose deadline is 22 August 2024 (Examples/post-results.out).
        #expect(try run(["-c", Self.query]).stdout.contains("R004  22/08/2024"))
    }

    @Test func setDatesISOShowsYearFirstAndSetDatesUKGoesBack() throws {
        let o = try run(["-c", "set dates iso", "-c", Self.query, "-c", "set dates uk", "-c", Self.query])
        #expect(o.stdout.contains("R004  2024-08-22"))
        #expect(o.stdout.contains("R004  22/08/2024"))
    }

    @Test func csvAndJSONStayISOWhateverTheSetting() throws {
        let csv = try run(["--format", "csv", "-c", Self.query]).stdout
        #expect(csv == "id,deadline\nR004,2024-08-22\n")
        let json = try run(["--format", "json", "-c", Self.query]).stdout
        #expect(json.contains(#""deadline": "2024-08-22""#))
    }

    @Test func markdownIsForPeopleAndFollowsTheSetting() throws {
        #expect(try run(["--format", "markdown", "-c", Self.query]).stdout.contains("| R004 | 22/08/2024 |"))
    }

    @Test func whyAndStatementsShowTheSessionsStyle() throws {
        // 0019's date of birth is 5 June 2006 (the demo centre).
        #expect(try run(["-c", "statement 0019"]).stdout.contains("Date of birth: 05/06/2006"))
        #expect(try run(["-c", "set dates iso", "-c", "statement 0019"]).stdout.contains("Date of birth: 2006-06-05"))
        #expect(try run(["-c", "why 0019"]).stdout.contains("today 21/08/2024"))
    }

    @Test func datesAreReadInBothFormsWhateverTheSetting() throws {
        for style in ["uk", "iso"] {
            let uk = try run(["--format", "csv", "-c", "set dates \(style)", "-c", "reviews | where deadline = 22/08/2024 | count"]).stdout
            let iso = try run(["--format", "csv", "-c", "set dates \(style)", "-c", "reviews | where deadline = 2024-08-22 | count"]).stdout
            #expect(uk == iso)
            #expect(uk != "count\n0\n")
        }
    }

    @Test func anUnknownStyleIsAnErrorThatListsTheStyles() throws {
        let o = try ExqProcess.run(["--demo", "-c", "set dates american"])
        #expect(o.status == 1)
        #expect(o.stderr.contains("unknown date style 'american'"), "\(o.stderr)")
        #expect(o.stderr.contains("uk, iso"), "\(o.stderr)")
    }

    @Test func theSettingIsInHelpAndCompletesItsWords() throws {
        let session = Session()
        #expect(session.completions(line: "set da", cursor: 6) == ["dates"])
        #expect(session.completions(line: "set dates ", cursor: 10) == ["iso", "uk"])
        let help = try ExqProcess.run(["-c", "help set dates"])
        #expect(help.stdout.contains("set dates uk|iso"), "\(help.stdout)")
    }

    @Test func aSavedSessionKeepsTheSetting() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try ExqProcess.run(["--demo", "--today", "2024-08-21", "-c", "set dates iso", "-c", Self.query,
                                        "-c", "save session s.exq"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let replay = try ExqProcess.run(["s.exq"], in: dir)
        #expect(replay.stdout.contains("R004  2024-08-22"), "\(replay.stdout)")
    }
}
