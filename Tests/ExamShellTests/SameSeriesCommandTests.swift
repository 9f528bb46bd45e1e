import Foundation
import Testing

/// DOMAIN.md "Series and calendars": `June 2024` is another name of `Summer 2024`, and names compare
/// ignoring case and repeated spaces. The demo writes `Summer 2024` everywhere.
@Suite struct SameSeriesCommandTests {
    @Test(arguments: ["June 2024", "SUMMER  2024"])
    func setSeriesUnderAnotherNameIsTheSummer2024Series(name: String) throws {
        let ask = ["-c", "statement 0016", "-c", "entries | where at_risk | count"]
        let summer = try ExqProcess.run(["--demo", "-c", "set series \"Summer 2024\""] + ask)
        let other = try ExqProcess.run(["--demo", "-c", "set series \"\(name)\""] + ask)
        #expect(other.status == 0)
        #expect(!other.stderr.contains("warning: no calendar event or entry names the series"), "\(other.stderr)")
        // The same statement (grades, the missing result) and the same at-risk count; only the
        // heading says the name as the user wrote it.
        #expect(summer.stdout.contains("H446        A Level  Computer Science  B\n"))
        #expect(other.stdout.replacingOccurrences(of: name, with: "Summer 2024") == summer.stdout)
    }

    @Test func setSeriesOfAnUnknownNameStillWarns() throws {
        let o = try ExqProcess.run(["--demo", "-c", "set series \"Smmer 2024\""])
        #expect(o.stderr.contains("warning: no calendar event or entry names the series \"Smmer 2024\"; did you mean \"Summer 2024\"?"))
    }
}
