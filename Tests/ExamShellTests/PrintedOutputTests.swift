import Foundation
import Testing

/// `report results FILE.html` and `statements to FILE.html` (issue 16): self-contained HTML for
/// printing, made from what the role may see now. (.ci/check-printed.py prints them in Chromium.)
@Suite struct PrintedOutputTests {
    static func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("exq-printed-\(name)-\(UUID().uuidString)").path
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// On GCSE results day, J560's figures are those `summarise` and `grades` give (by hand from
    /// the golden results-analysis.out: 67 of 99 graded at 4 or better, 24 at 7 or better).
    @Test func theReportHoldsEachSubjectsMeasuresAndNeedsNoNetworkOrScript() throws {
        let file = Self.path("report") + ".html"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-22", "-c", "report results \(file)"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "Wrote the results analysis of Summer 2024 to \(file)\n")
        let html = try read(file)
        #expect(html.contains("J560 measures: graded 99 · 4+ 67.68% · 7+ 24.24% · average points 4.67"))
        #expect(html.contains("H240 measures: graded 73 · A*-B"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href="))
    }

    @Test func aReportMustBeHTML() throws {
        let o = try ExqProcess.run(["--demo", "-c", "report results \(Self.path("report")).csv"])
        #expect(o.status != 0)
        #expect(o.stderr.contains("a report is written as HTML: name the file .html"))
    }

    /// One section (one printed page) per candidate, as many as `statements to DIR` writes files.
    @Test func statementsToAnHTMLFileHoldOnePagePerCandidate() throws {
        let file = Self.path("statements") + ".html", dir = Self.path("statements-dir")
        defer { try? FileManager.default.removeItem(atPath: file); try? FileManager.default.removeItem(atPath: dir) }
        let o = try ExqProcess.run(["--demo", "--today", "2024-09-30", "-c", "statements to \(file)", "-c", "statements to \(dir)"])
        #expect(o.status == 0, "\(o.stderr)")
        let html = try read(file)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(html.components(separatedBy: "<section class=\"statement\">").count - 1 == files.count)
        #expect(html.contains("break-after: page"))
        #expect(html.contains("<tr><th>Candidate</th><td>BRONTË: Chloë</td></tr>"))
    }

    /// A teacher on GCSE restricted release day: no GCSE grade reaches either file (A levels,
    /// released a week before, do).
    @Test func bothRespectTheEmbargo() throws {
        let report = Self.path("teacher-report") + ".html", statements = Self.path("teacher-statements") + ".html"
        defer { try? FileManager.default.removeItem(atPath: report); try? FileManager.default.removeItem(atPath: statements) }
        let o = try ExqProcess.run(["--demo", "--role", "teacher", "--today", "2024-08-21", "--time", "09:00",
                                    "-c", "report results \(report)", "-c", "statements to \(statements)"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stderr.contains("under embargo and left out"))
        let r = try read(report), s = try read(statements)
        #expect(!r.contains("J560") && !r.contains("J351"))
        #expect(r.contains("H240 measures"))
        #expect(!s.contains("<td>J560</td>"))
        #expect(s.contains("<td>H240</td>"))
    }

    /// The exams office may read embargoed results; writing them to a file goes to the audit log.
    @Test func anEmbargoedReportIsAudited() throws {
        let w = Self.path("workspace"), report = Self.path("officer-report") + ".html"
        defer { try? FileManager.default.removeItem(atPath: w); try? FileManager.default.removeItem(atPath: report) }
        let o = try ExqProcess.run(["--demo", "--workspace", w, "--today", "2024-08-21", "--time", "09:00", "-c", "report results \(report)"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(try read(report).contains("J560 measures"))
        #expect(try read(w + "/audit.log").contains("read: report results"))
    }
}
