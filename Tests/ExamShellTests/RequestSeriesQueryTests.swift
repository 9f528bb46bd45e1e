import Foundation
import Testing

/// DOMAIN.md "Post-results requests": a request's series, as `reviews` shows it on the demo centre.
@Suite struct RequestSeriesQueryTests {
    @Test func theDemosJanuaryReviewIsInItsSeriesAndAUnitNamedDoesNotDateARequest() throws {
        // R012: unit 1 sat January 2024, reviewed 12 Mar 2024, its series January 2024 (no calendar:
        // deadline unknown). R032: names unit 1 (sat Summer 2023) and gives no series; asked for on
        // 10 Sep 2024, it is of Summer 2024 (level 3 results day 15 Aug), deadline 26 Sep, submitted.
        let o = try ExqProcess.run(["--demo", "--today", "2024-09-20", "--format", "csv",
                                    "-c", "reviews | where id in (\"R012\", \"R032\") | show id, series, deadline, due, overdue"])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "id,series,deadline,due,overdue\nR012,January 2024,,no,no\nR032,Summer 2024,2024-09-26,no,no\n")
    }

    @Test func reviewsHaveOneSeriesField() throws {
        let o = try ExqProcess.run(["--demo", "-c", "describe reviews"])
        #expect(o.stdout.split(separator: "\n").filter { $0.hasPrefix("series ") }.count == 1)
    }
}
