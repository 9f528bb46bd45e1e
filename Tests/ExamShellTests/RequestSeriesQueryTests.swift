import Foundation
import Testing

/// DOMAIN.md "Post-results requests": a request's series, as `reviews` shows it on the demo centre.
@Suite struct RequestSeriesQueryTests {
    @Test func theDemosJanuaryAndSummer2023ReviewsAreNotInSummer2024AndNotDue() throws {
        // R012: unit 1 sat January 2024, reviewed 12 Mar 2024; R032: unit 1 of Summer 2023, reviewed 10 Sep 2024.
        let o = try ExqProcess.run(["--demo", "--today", "2024-09-20", "--format", "csv",
                                    "-c", "reviews | where id in (\"R012\", \"R032\") | show id, series, deadline, due, overdue"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "id,series,deadline,due,overdue\nR012,January 2024,,no,no\nR032,Summer 2023,,no,no\n")
    }

    @Test func reviewsHaveOneSeriesField() throws {
        let o = try ExqProcess.run(["--demo", "-c", "describe reviews"])
        #expect(o.stdout.split(separator: "\n").filter { $0.hasPrefix("series ") }.count == 1)
    }
}
