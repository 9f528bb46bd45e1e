import Foundation
import Testing

/// `load broadsheet FILE series SERIES` through the exq binary, on the demo centre: an .xlsx one
/// written by openpyxl (Tests/ExamWorkbookTests/Fixtures) and CSV ones.
@Suite struct BroadsheetCommandTests {
    static let fixtures = ExqProcess.root.appendingPathComponent("Tests/ExamWorkbookTests/Fixtures").path
    static let show = "results | where series = \"Summer 2025\" | sort candidate, qualification | show candidate, qualification, grade"

    static func temporary() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-broadsheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aWorkbookBroadsheetAddsItsResults() throws {
        let r = try ExqProcess.run(["--demo", "--format", "csv", "-c", "load broadsheet \(Self.fixtures)/broadsheet.xlsx series \"Summer 2025\"",
                                    "-c", Self.show])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Added 6 results for Summer 2025 (3 candidates, 3 qualifications) from \(Self.fixtures)/broadsheet.xlsx\n"
                + "candidate,qualification,grade\n0001,J351,6\n0001,J560,7\n0002,H446,A*\n0002,J351,9\n0002,J560,U\n0003,J351,X\n")
    }

    @Test func aBadGradeIsReportedAtItsSheetAndCellAndNothingIsAdded() throws {
        let r = try ExqProcess.run(["--demo", "--keep-going", "--format", "csv",
                                    "-c", "load broadsheet \(Self.fixtures)/broadsheet-bad.xlsx series \"Summer 2025\"",
                                    "-c", "results | where series = \"Summer 2025\" | count"])
        #expect(r.stderr.contains("\(Self.fixtures)/broadsheet-bad.xlsx:Results!C3: error: grade 'A*' is not on the scale of J560: 9, 8, 7, 6, 5, 4, 3, 2, 1, U"))
        #expect(r.stdout.hasSuffix("0\n"))
    }

    @Test func aCsvBroadsheetErrorPointsAtItsLineAndColumn() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("results.csv").path
        try Data("Cand No,Surname,J560\n0001,Müller,7\n0002,Smith,6\n".utf8).write(to: URL(fileURLWithPath: file))
        let r = try ExqProcess.run(["--demo", "-c", "load broadsheet \(file) series \"Summer 2025\""])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(file):3:6: error: surname 'Smith' is not candidate 0002's, who is NOWAK: Łukasz\n  0002,Smith,6\n       ^~~~~"))
    }

    @Test func aMissingFileOrABrokenWorkbookIsRefusedAndNothingIsAdded() throws {
        let r = try ExqProcess.run(["--demo", "--keep-going", "--format", "csv",
                                    "-c", "load broadsheet /nonexistent/results.csv series \"Summer 2025\"",
                                    "-c", "load broadsheet \(Self.fixtures)/not-a-zip.xlsx series \"Summer 2025\"",
                                    "-c", "results | where series = \"Summer 2025\" | count"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("/nonexistent/results.csv:1:1: error: cannot open: No such file or directory"))
        #expect(r.stderr.contains("\(Self.fixtures)/not-a-zip.xlsx: error: not an Excel workbook (.xlsx)"))
        #expect(r.stdout.hasSuffix("0\n"))
    }

    @Test func anUnknownSeriesIsRefused() throws {
        let r = try ExqProcess.run(["--demo", "-c", "load broadsheet \(Self.fixtures)/broadsheet.xlsx series \"Smmer 2025\""])
        #expect(r.status != 0)
        #expect(r.stderr.contains("expected a series such as \"Summer 2024\" or \"November 2024\", found 'Smmer 2025'"))
    }

    @Test func aBroadsheetIsJournaledAndReplayedInAWorkspace() throws {
        let dir = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = dir.appendingPathComponent("ws").path
        let file = dir.appendingPathComponent("results.csv").path
        try Data("candidate,Mathematics\n1,7\n2,5\n".utf8).write(to: URL(fileURLWithPath: file))
        let made = try ExqProcess.run(["--workspace", w, "--demo", "-c", "load broadsheet \(file) series \"Summer 2025\""])
        #expect(made.status == 0, "\(made.stderr)")
        let again = try ExqProcess.run(["--workspace", w, "--format", "csv", "-c", Self.show])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "candidate,qualification,grade\n0001,J560,7\n0002,J560,5\n")
    }
}
