import Foundation
import Testing

/// Statements of results, one candidate and one file per candidate.
@Suite struct StatementTests {
    @Test func aStatementNamesTheCandidateAndSaysProvisional() throws {
        let o = try ExqProcess.run(["--demo", "-c", "statement 0016"])
        #expect(o.status == 0)
        #expect(o.stdout.hasPrefix("PROVISIONAL STATEMENT OF RESULTS\n"))
        #expect(o.stdout.contains("Candidate: MENSAH: Kwame\n"))
        #expect(o.stdout.contains("Centre: 64123\n"))
        #expect(o.stdout.contains("X: no result"))
    }

    /// DOMAIN.md "Statements of results": the statement heads with the centre's number and the
    /// name centres.csv gives it (format 2); `centres` lists the file.
    @Test func aStatementNamesTheCentreFromCentresCSV() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-centres-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try ExqProcess.run(["--demo", "-c", "export pack \(dir)"]).status == 0)
        try "centre,centre name\n64123,Riverside Academy\n".write(toFile: dir + "/centres.csv", atomically: true, encoding: .utf8)
        let o = try ExqProcess.run(["--pack", dir, "-c", "statement 0016", "-c", "centres | show centre, name"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains("Centre: 64123 Riverside Academy\n"))
        #expect(o.stdout.contains("Riverside Academy"))
        #expect(o.stdout.components(separatedBy: "Riverside Academy").count == 3)
    }

    @Test func statementsToAFolderWriteOneFilePerCandidateWithResults() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-statements-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["--demo", "-c", "statements to \(dir.path)", "--format", "csv", "-c", "results | distinct candidate | count"])
        #expect(o.status == 0, "\(o.stderr)")
        let lines = o.stdout.split(separator: "\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(lines.first == "Wrote \(files.count) statements of results to \(dir.path)")
        #expect(lines.last == "\(files.count)")
        #expect(files.contains("0019-BRONTË.txt"))
        let text = try String(contentsOf: dir.appendingPathComponent("0019-BRONTË.txt"), encoding: .utf8)
        #expect(text.contains("Candidate: BRONTË: Chloë"))
    }

    @Test func anUnknownCandidateIsAnErrorWithASuggestion() throws {
        let o = try ExqProcess.run(["--demo", "-c", "why Hasan"])
        #expect(o.status == 1)
        #expect(o.stderr.contains("no candidate numbered or called 'Hasan'"))
        #expect(o.stderr.contains("did you mean 'Hassan'?"))
    }

    // DOMAIN.md "Statements of results" (format 2), on the demo centre.

    func statement(_ who: String, on day: String) throws -> String {
        let o = try ExqProcess.run(["--demo", "--today", day, "-c", "statement \(who)"])
        #expect(o.status == 0, "\(o.stderr)")
        return o.stdout
    }

    func line(_ text: String, _ code: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix(code + " ") }.map { $0.split(separator: " ").joined(separator: " ") } ?? ""
    }

    /// The note written under an entry's row (its wrapped lines joined), "" when there is none.
    func note(_ text: String, _ code: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let row = lines.firstIndex(where: { $0.hasPrefix(code + " ") }) else { return "" }
        return lines[(row + 1)...].prefix { $0.hasPrefix("            ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test func aStatementShowsTheRaisedGradeAndWhichReviewRaisedIt() throws {
        // 0021's H446 B was raised to A by R008, outcome 19 Aug 2024.
        let after = try statement("0021", on: "2024-09-20")
        #expect(line(after, "H446") == "H446 A Level Computer Science A")
        #expect(note(after, "H446") == "raised from B by review R008 on 19/08/2024")
        let before = try statement("0021", on: "2024-08-18")
        #expect(line(before, "H446") == "H446 A Level Computer Science B")
        #expect(note(before, "H446") == "")
    }

    @Test func aStatementListsAnEntryWithNoResultAsMissingAndANotEligibleOneWithItsReasons() throws {
        let adaeze = try statement("0017", on: "2024-08-22")
        #expect(line(adaeze, "J351") == "J351 GCSE English Language")
        #expect(note(adaeze, "J351") == "result missing")
        #expect(line(adaeze, "J260").hasSuffix(" Q"))
        #expect(adaeze.contains("Q: result pending"))
        let jack = try statement("0011", on: "2024-08-22")
        #expect(line(jack, "05839") == "05839 Cambridge Technical Cambridge Technical in IT no result")
        #expect(note(jack, "05839") == "not eligible: Not enough guided learning hours (GLH)")
    }

    @Test func resultsOfEarlierSeriesAndEntriesCompletingLaterAreNotOnIt() throws {
        // 0006 has a Summer 2022 J560 result of 3 and a Summer 2024 one of 4.
        let resit = try statement("0006", on: "2024-08-22")
        #expect(line(resit, "J560") == "J560 GCSE Mathematics 4")
        #expect(!resit.contains("Summer 2022"))
        // 0014's only entry completes in Summer 2025.
        #expect(try statement("0014", on: "2024-08-22").contains("No entries completing in Summer 2024."))
    }

    @Test func aStatementHeadsWithTheCandidatesIdentifiers() throws {
        let text = try statement("0021", on: "2024-09-20")
        #expect(text.hasPrefix("PROVISIONAL STATEMENT OF RESULTS\nSummer 2024\n\nCentre: 64123\nCandidate: CHEN: Mei\nCandidate number: 0021\nUCI: 641230240021Y\nULN: "))
        #expect(text.contains("Date of birth: "))
    }

    @Test func statementsToAFolderCoverOnlyQualificationsWhoseResultsHaveArrived() throws {
        // 15 Aug 2024: level 3 results arrived on 14 Aug, GCSE results arrive on 21 Aug.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-statements-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-15", "-c", "statements to \(dir.path)"])
        #expect(o.status == 0, "\(o.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!files.contains { $0.hasPrefix("0017-") })  // year 11: GCSEs only
        #expect(files.contains("0021-CHEN.txt"))
        let jack = try String(contentsOf: dir.appendingPathComponent("0006-" + (files.first { $0.hasPrefix("0006-") }?.dropFirst(5) ?? "")), encoding: .utf8)
        #expect(!jack.contains("J560"))   // the GCSE is not on it before GCSE results
        #expect(jack.contains("05827"))
    }

    /// DOMAIN.md "Post-results requests": an appeal's deadline runs from the outcome of the
    /// review it appeals. 0024's APPEAL1 R013 (05837) runs 30 days from R012's outcome on
    /// 05/04/2024, so 05/05/2024; on 10 June the requests of August are not yet made, and `why`
    /// must still name R012 (not the row at R012's place among all the loaded reviews).
    @Test func whyNamesTheReviewAnAppealRunsFromOnADayBeforeLaterRequests() throws {
        for day in ["2024-06-10", "2024-09-20"] {
            let o = try ExqProcess.run(["--demo", "--today", day, "-c", "why 0024"])
            #expect(o.status == 0, "\(o.stderr)")
            let text = o.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(text.contains("R013 APPEAL1 preliminary appeal, 05837: deadline 05/05/2024 (30 days after the outcome of R012 on 05/04/2024)"), "\(day): \(o.stdout)")
        }
    }
}
