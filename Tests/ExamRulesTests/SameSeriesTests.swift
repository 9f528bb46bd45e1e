import ExamStore
import Testing
@testable import ExamRules

/// DOMAIN.md "Series and calendars": series names compare ignoring case and repeated spaces, and
/// `June 2024` is another name of `Summer 2024`. A request, a result and a calendar row that name
/// one series under different names are of that one series. Dates from the built-in Summer 2024
/// calendar (GCSE: restricted release 21 Aug, every other service 26 Sep), worked by hand.
@Suite struct SameSeriesTests {
    struct Centre {
        var b = StoreBuilder()
        let gcse: Int32, ann: Int32
        init() {
            gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
            ann = b.candidate("0042")
            b.entry(ann, gcse)
            b.withSummer2024Calendar()
        }
    }

    func view(_ b: StoreBuilder, _ day: String) -> Store { StoreAsAt.view(b.build(), on: StoreBuilder.day(day)) }
    func grades(_ s: Store) -> [String] { (0..<s.results.count).map { s.pool[s.results.grade[$0]] } }

    // MARK: A request's series column under another name

    @Test(arguments: ["June 2024", "SUMMER  2024", "june  2024"])
    func aRequestOfAnotherNameOfSummer2024GetsSummer2024sReviewDeadline(series: String) {
        var c = Centre()
        // Requested after every results day: only its series column dates it.
        let r = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2024-09-20", series: series)
        let store = c.b.build()
        let deadline = Deadlines.deadline(store: store, review: r, context: c.b.context(today: "2024-09-20"))
        #expect(deadline?.date.iso == "2024-09-26")
        let due = Deadlines.isDue(store: store, review: r, context: c.b.context(today: "2024-09-20"))
        #expect(due)
    }

    @Test func aPackCalendarRowWrittenJune2024SetsASummer2024RequestsDeadline() {
        var c = Centre()
        c.b.event("review_deadline", "2024-09-30", series: "June 2024")
        let r = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2024-09-20", series: "Summer 2024")
        let deadline = Deadlines.deadline(store: c.b.build(), review: r, context: c.b.context(today: "2024-09-20"))
        #expect(deadline?.date.iso == "2024-09-30")   // the pack's row, the later one, wins over the built-in 26 Sep
    }

    // MARK: Outcomes change the result of the same series

    @Test(arguments: ["June 2024", "SUMMER  2024"])
    func aRaisedOutcomeOfARequestOfAnotherNameChangesTheSummer2024Result(series: String) {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5", series: "Summer 2024")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2024-08-23", submitted: "2024-08-23",
                   outcome: .raised, outcomeDate: "2024-09-20", newGrade: "6", series: series)
        #expect(grades(view(c.b, "2024-09-19")) == ["5"])
        let after = view(c.b, "2024-09-20")
        #expect(grades(after) == ["6"])
        #expect(after.pool[after.results.originalGrade(0)] == "5")
        #expect(after.results.changedBy(0) == 0)
        #expect(Deadlines.feeRefundable(store: c.b.build(), review: 0))
    }

    @Test func aResultWrittenJune2024IsReviewedByARequestOfSummer2024() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5", series: "June 2024")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2024-08-23", submitted: "2024-08-23",
                   outcome: .lowered, outcomeDate: "2024-09-02", newGrade: "4", series: "Summer 2024")
        let s = c.b.build()
        #expect(ReviewOutcomes.result(store: s, review: 0, series: s.reviews.series[0]) == 0)
        #expect(grades(view(c.b, "2024-09-02")) == ["4"])
    }

    // MARK: A result is dated by its series' calendar under any of its names

    @Test func aResultWrittenJune2024ArrivesOnSummer2024sRestrictedRelease() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5", series: "June 2024")
        #expect(view(c.b, "2024-08-20").results.count == 0)   // GCSE restricted release is 21 Aug
        #expect(view(c.b, "2024-08-21").results.count == 1)
    }
}
