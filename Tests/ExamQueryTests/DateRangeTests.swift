import Testing
import ExamStore
import ExamQuery

/// `in this week`, `next week`, `last 7 days`: the one place date ranges are decided.
@Suite struct DateRangeTests {
    func day(_ s: String) -> Day { Day(parsing: s)! }

    @Test func thisWeekRunsFromMondayToSundayAroundToday() {
        let thursday = day("2024-08-22")
        let (first, last) = DateRange.thisWeek.bounds(today: thursday)
        #expect(first == day("2024-08-19"))  // Monday
        #expect(last == day("2024-08-25"))   // Sunday
        #expect(DateRange.thisWeek.bounds(today: day("2024-08-25")) == (first, last))  // Sunday is in the same week
        #expect(DateRange.thisWeek.bounds(today: day("2024-08-26")).0 == day("2024-08-26"))  // Monday starts the next
    }

    @Test func nextWeekAndTheLastAndNextDays() {
        let thursday = day("2024-08-22")
        #expect(DateRange.nextWeek.bounds(today: thursday) == (day("2024-08-26"), day("2024-09-01")))
        #expect(DateRange.lastWeek.bounds(today: thursday) == (day("2024-08-12"), day("2024-08-18")))
        #expect(DateRange.lastDays(7).bounds(today: thursday) == (day("2024-08-16"), thursday))
        #expect(DateRange.nextDays(14).bounds(today: thursday) == (thursday, day("2024-09-04")))
    }
}
