import Foundation
import Testing

/// Excel workbooks through the exq binary, as a user types it: exq runs its helper exq-xlsx.
/// The workbooks are Tests/ExamWorkbookTests/Fixtures, written by openpyxl.
@Suite struct WorkbookTests {
    static let fixtures = ExqProcess.root.appendingPathComponent("Tests/ExamWorkbookTests/Fixtures")

    /// A fresh folder holding `files` (name → contents) and the fixtures named in `workbooks` (name in pack → fixture).
    static func folder(_ files: [String: String] = [:], workbooks: [String: String] = [:]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exq-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        for (name, fixture) in workbooks {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func aPackWithAWorkbookLoadsThroughTheHelper() throws {
        let dir = try Self.folder(["qualifications.csv": "qualification,title,type,level\nJ560,Mathematics,GCSE,2\n"],
                                  workbooks: ["candidates.xlsx": "candidates.xlsx", "entries.xlsx": "entries.xlsx"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ExqProcess.run(["-c", "load \(dir.path)", "-c", "set format csv",
                                    "-c", "candidates | sort candidate | show candidate, surname, dob"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "candidate,surname,dob\n0005,Zoë,2006-08-22\n0007,O'Neil,2006-08-22\n0042,Smith,2006-08-22\n1234,'=Lee,2005-09-01\n")
    }

    @Test func aBadCellIsReportedAtItsSheetAndCellAndNothingLoads() throws {
        let dir = try Self.folder(workbooks: ["candidates.xlsx": "bad-date.xlsx"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ExqProcess.run(["--keep-going", "-c", "demo", "-c", "load \(dir.path)", "-c", "candidates | count"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(dir.path)/candidates.xlsx:Pupils!F7: error: expected a date such as 2024-08-22 or 22/08/2024, found '31/02/2024'"))
        #expect(r.stdout.hasSuffix("300\n"))  // the demo's candidates, as before the load
    }

    @Test func aFileThatIsNotAWorkbookIsRefusedWhole() throws {
        let dir = try Self.folder(workbooks: ["candidates.xlsx": "not-a-zip.xlsx"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ExqProcess.run(["-c", "load \(dir.path)"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(dir.path)/candidates.xlsx: error: not an Excel workbook (.xlsx): it is not a zip archive"))
    }
}

/// `export pack DIR --xlsx` and `save FILE.xlsx` through the exq binary.
@Suite struct WorkbookWritingTests {
    @Test func aPackExportedAsWorkbooksLoadsBackTheSame() throws {
        let dir = try WorkbookTests.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("x").path, back = dir.appendingPathComponent("back").path
        let direct = dir.appendingPathComponent("direct").path
        let a = try ExqProcess.run(["--demo", "-c", "export pack \(xlsx) --xlsx", "-c", "export pack \(direct)"])
        #expect(a.status == 0, "\(a.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: xlsx).sorted()
        #expect(names.allSatisfy { $0.hasSuffix(".xlsx") } && names.contains("candidates.xlsx"))
        let b = try ExqProcess.run(["--pack", xlsx, "-c", "export pack \(back)"])
        #expect(b.status == 0, "\(b.stderr)")
        for name in try FileManager.default.contentsOfDirectory(atPath: direct) {
            #expect(FileManager.default.contents(atPath: back + "/" + name) == FileManager.default.contents(atPath: direct + "/" + name), "\(name)")
        }
        // Exporting CSV over the workbooks leaves one file of each.
        let c = try ExqProcess.run(["--demo", "-c", "export pack \(xlsx)"])
        #expect(c.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: xlsx).allSatisfy { $0.hasSuffix(".csv") })
    }

    @Test func anAnswerSavedAsAWorkbookSaysSo() throws {
        let dir = try WorkbookTests.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ExqProcess.run(["--demo", "-c", "entries | where at_risk | save at-risk.xlsx"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "Saved 10 rows to at-risk.xlsx\n")
        let bytes = FileManager.default.contents(atPath: dir.appendingPathComponent("at-risk.xlsx").path) ?? Data()
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a zip archive
    }
}
