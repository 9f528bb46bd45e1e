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
}
