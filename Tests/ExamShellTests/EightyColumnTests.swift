import Foundation
import Testing
@testable import ExamShell

/// `why` and statements of results fit an 80-column terminal (issue 17): long lines wrap at spaces
/// with a hanging indent; widths count characters, so `MÜLLER` is six columns.
@Suite struct EightyColumnTests {
    static let days: [[String]] = [["--today", "2024-06-10"], ["--today", "2024-08-15"],
                                   ["--today", "2024-08-22", "--time", "09:00"], ["--today", "2024-09-20"]]

    @Test(arguments: days)
    func whyAndStatementFitEightyColumnsForEveryDemoCandidate(day: [String]) throws {
        let count = try ExqProcess.run(["--demo"] + day + ["-c", "candidates | count"])
        let n = try #require(Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(n >= 300)
        var arguments = ["--demo"] + day
        for c in 1...n { arguments += ["-c", "why \(String(format: "%04d", c))", "-c", "statement \(String(format: "%04d", c))"] }
        let o = try ExqProcess.run(arguments)
        #expect(o.status == 0, "\(o.stderr)")
        let lines = o.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("PROVISIONAL STATEMENT OF RESULTS") }.count == n)
        let wide = lines.filter { $0.count > 80 }
        #expect(wide.isEmpty, "\(wide.count) lines wider than 80 columns, such as:\n\(wide.prefix(3).joined(separator: "\n"))")
        // Something did wrap: lines of 70 to 80 columns are there, so the test is not vacuous.
        #expect(lines.contains { $0.count > 70 })
    }

    @Test func statementsToAFolderFitEightyColumns() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-80-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-22", "--time", "09:00", "-c", "statements to \(dir.path)"])
        #expect(o.status == 0, "\(o.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files.count > 100)
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let wide = text.split(separator: "\n").filter { $0.count > 80 }
            #expect(wide.isEmpty, "\(f): \(wide)")
        }
    }

    /// Aoife Kelly (0012) on 10 June 2024 has three reasons; the verdict line is 133 columns as
    /// one line. Broken at the last space before column 80, it continues under the text after
    /// "verdict: " (column 12), the rest fitting on the second line.
    @Test func aLongVerdictWrapsUnderItsText() throws {
        let o = try ExqProcess.run(["--demo", "--today", "2024-06-10", "-c", "why 0012"])
        #expect(o.status == 0, "\(o.stderr)")
        let lines = o.stdout.split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("  verdict: NOT ELIGIBLE") })
        #expect(lines[at] == "  verdict: NOT ELIGIBLE: Mandatory unit not yet achieved; Absent from a")
        #expect(lines[at + 1] == "           mandatory examined unit; Not enough guided learning hours (GLH)")
        // A unit whose line is too long goes on two columns further in than the line under it.
        let unit = try #require(lines.firstIndex { $0.hasPrefix("  unit 1   Body systems") })
        #expect(Array(lines[unit...(unit + 2)]) == [
            "  unit 1   Body systems and the effects of physical activity: mandatory, exam,",
            "             90 GLH",
            "           Summer 2024 absent; counts as absent, not toward GLH",
        ])
    }

    /// A statement's note goes under its row, from the second column; a long title wraps in its cell.
    @Test func aStatementsNoteGoesUnderItsRowAndALongTitleWraps() throws {
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-22", "--time", "09:00", "-c", "statement 0012"])
        #expect(o.status == 0, "\(o.stderr)")
        let lines = o.stdout.split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("05827 ") })
        // 10 + 2 + 19 + 2 + title + 2 + 9 ("no result") = 80 leaves the title 36 columns:
        // "Cambridge Technical in Sport and" (32) and "Physical Activity" under it.
        #expect(lines[at] == "05827       Cambridge Technical  Cambridge Technical in Sport and      no result")
        #expect(lines[at + 1] == "                                 Physical Activity")
        #expect(lines[at + 2].hasPrefix("            not eligible: "))
    }

    /// A walkthrough's narration runs on and wraps at 80 columns, whatever the script's own line
    /// breaks: course 1 opens with two `##` lines of 89 and 88 characters. "…close on 15" is 75
    /// columns, and " June." would make 81.
    @Test func aWalkthroughsNarrationRunsOnAndWrapsAtEightyColumns() throws {
        let o = try ExqProcess.run(["--demo", "--step", "Examples/course/01-june-at-risk.exq"], stdin: "q\n")
        #expect(o.stdout.hasPrefix("""

            Monday 10 June 2024. Moderation claims for Cambridge Technicals close on 15
            June. Before then, find every entry that would get no qualification result this
            summer, as the Progress Tracker's "Candidates at risk" view does. The clock is
            set to the day: exq sees the centre as it was then: results of earlier series
            only, none of Summer 2024 yet.

            > set today 2024-06-10

            """), "\(o.stdout)")
    }

    /// Every narration block of every example and course script, laid out, fits 80 columns and
    /// keeps its words in order.
    @Test func everyScriptsNarrationFitsEightyColumns() throws {
        let folder = ExqProcess.root.appendingPathComponent("Examples")
        let course = folder.appendingPathComponent("course")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0) }
            + FileManager.default.contentsOfDirectory(atPath: course.path).map { course.appendingPathComponent($0) }
        var blocks = 0
        for file in files where file.pathExtension == "exq" {
            var block: [String] = []
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines + [""] {
                if line.hasPrefix("##") { block.append(line.dropFirst(2).trimmingCharacters(in: .whitespaces)); continue }
                guard !block.isEmpty else { continue }
                let text = TextLayout.narration(block)
                #expect(!text.split(separator: "\n").contains { $0.count > 80 }, "\(file.lastPathComponent): \(text)")
                #expect(text.split(whereSeparator: { $0 == " " || $0 == "\n" }) == block.joined(separator: " ").split(separator: " "))
                blocks += 1
                block = []
            }
        }
        #expect(blocks > 30)
    }

    /// A word longer than a line is cut at the width; the rest goes on under the indent.
    @Test func aWordLongerThanALineIsCut() {
        let word = String(repeating: "x", count: 100)
        #expect(TextLayout.wrap("ab " + word, hanging: 4) == ["ab", "    " + String(repeating: "x", count: 76), "    " + String(repeating: "x", count: 24)])
    }

    /// `help`'s list, a trainee's first stop, fits 80 columns: a long summary goes on under where
    /// summaries start (`load broadsheet`'s is 96 columns on one line).
    @Test func theHelpListFitsEightyColumns() throws {
        let o = try ExqProcess.run(["--demo", "-c", "help"])
        #expect(o.status == 0, "\(o.stderr)")
        let lines = o.stdout.split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.count > 80 }, "\(lines.filter { $0.count > 80 })")
        let at = try #require(lines.firstIndex { $0.hasPrefix("  load broadsheet ") })
        let column = lines[at].range(of: "add the results")?.lowerBound.utf16Offset(in: lines[at])
        #expect(lines[at + 1].prefix { $0 == " " }.count == column)
    }
}
