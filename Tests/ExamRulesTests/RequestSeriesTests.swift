import ExamStore
import Testing
@testable import ExamRules

/// DOMAIN.md "Series and calendars" (the built-in calendars, estimated deadlines) and
/// "Post-results requests" (a request's series and unknown deadlines), dates worked by hand.
@Suite struct RequestSeriesTests {
    struct Centre {
        var b = StoreBuilder()
        let gcse: Int32, aLevel: Int32, technical: Int32, ann: Int32, unit1: Int32
        init() {
            gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
            aLevel = b.qualification("H240", type: "A Level", level: "3", size: "", glh: nil)
            technical = b.qualification("05839", type: "Cambridge Technical", level: "3")
            unit1 = b.unit(technical, "1")
            ann = b.candidate("0042")
            for q in [gcse, aLevel, technical] { b.entry(ann, q) }
            b.withSummer2024Calendar()
        }
    }

    func deadline(_ b: StoreBuilder, _ r: Int32) -> Deadline? {
        Deadlines.deadline(store: b.build(), review: r, context: b.context())
    }

    func series(_ b: StoreBuilder, _ r: Int32) -> String? {
        let store = b.build()
        return Deadlines.series(store: store, review: r).map { store.pool[$0] }
    }

    // MARK: Built-in calendars

    @Test func summer2025ResultsDaysAreTheOnesGivenAndNotEstimated() {
        let c = Centre()
        let store = c.b.build()
        let event = store.pool.lookup("results_day")!, s25 = store.pool.lookup("Summer 2025")!
        let level3 = AppliesTo.event(store: store, named: event, series: s25, qualification: c.aLevel)!
        let gcse = AppliesTo.event(store: store, named: event, series: s25, qualification: c.gcse)!
        #expect(store.calendar.date[Int(level3)].iso == "2025-08-14")
        #expect(store.calendar.date[Int(gcse)].iso == "2025-08-21")
        #expect(!store.calendar.estimated[Int(level3)] && !store.calendar.estimated[Int(gcse)])
        let s26 = store.pool.lookup("Summer 2026")!
        let release = store.pool.lookup("restricted_release")!
        #expect(store.calendar.date[Int(AppliesTo.event(store: store, named: release, series: s26, qualification: c.aLevel)!)].iso == "2026-08-12")
        #expect(store.calendar.date[Int(AppliesTo.event(store: store, named: release, series: s26, qualification: c.gcse)!)].iso == "2026-08-19")
    }

    @Test func estimatedDeadlinesAreLevel3ResultsDayPlus7Plus14Plus42AndSaySo() {
        var c = Centre()
        // Summer 2025: level 3 results day 14 Aug. 2P 21 Aug, ATSP 28 Aug, review 14 Aug + 42 = 25 Sep.
        let p = c.b.review("R1", c.ann, c.aLevel, .priorityReviewOfMarking, requested: "2025-08-15")
        let atsp = c.b.review("R2", c.ann, c.technical, .priorityCopyOfScript, requested: "2025-08-15")
        let review = c.b.review("R3", c.ann, c.gcse, .reviewOfMarking, requested: "2025-08-22")
        #expect(deadline(c.b, p)?.date.iso == "2025-08-21")
        #expect(deadline(c.b, atsp)?.date.iso == "2025-08-28")
        #expect(deadline(c.b, review)?.date.iso == "2025-09-25")
        #expect(deadline(c.b, p)?.estimated == true && deadline(c.b, review)?.estimated == true)
        // Summer 2026: 13 Aug + 42 = 24 Sep.
        let later = c.b.review("R4", c.ann, c.gcse, .clericalRecheck, requested: "2026-08-25")
        #expect(deadline(c.b, later)?.date.iso == "2026-09-24")
    }

    @Test func theEstimatePatternGivesSummer2024sPublishedDatesBack() {
        // 15 Aug 2024 + 7 = 22 Aug, + 14 = 29 Aug, + 42 = 26 Sep: the seeds' dates, not estimated.
        var c = Centre()
        let p = c.b.review("R1", c.ann, c.aLevel, .priorityReviewOfMarking, requested: "2024-08-16")
        let r = c.b.review("R2", c.ann, c.gcse, .reviewOfMarking, requested: "2024-08-23")
        #expect(deadline(c.b, p)?.date.iso == "2024-08-22" && deadline(c.b, p)?.estimated == false)
        #expect(deadline(c.b, r)?.date.iso == "2024-09-26" && deadline(c.b, r)?.estimated == false)
    }

    @Test func aPackCalendarRowWinsOverTheBuiltInEventItGivesAndIsNotEstimated() {
        var b = StoreBuilder()
        let gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
        let ann = b.candidate("0042")
        b.entry(ann, gcse, series: "Summer 2025")
        b.event("review_deadline", "2025-09-30", series: "Summer 2025")
        b.withSummer2024Calendar()
        let r = b.review("R1", ann, gcse, .reviewOfMarking, requested: "2025-08-22")
        #expect(deadline(b, r)?.date.iso == "2025-09-30")
        #expect(deadline(b, r)?.estimated == false)
        // The built-in events the pack does not give still serve.
        let a = b.review("R2", ann, gcse, .copyOfScript, requested: "2025-08-22")
        #expect(deadline(b, a)?.date.iso == "2025-09-25")
        let store = b.build()
        let s25 = (0..<store.calendar.count).filter {
            store.pool[store.calendar.series[$0]] == "Summer 2025" && store.pool[store.calendar.event[$0]] == "review_deadline"
        }
        #expect(s25.count == 1)  // the pack's; the built-in estimate is not added beside it
    }

    // MARK: A request's series

    @Test func aRequestsSeriesIsTheLatestResultsDayOnOrBeforeRequested() {
        var c = Centre()
        // GCSE results day 22 Aug 2024: requested 21 Aug 2024 is before it (no series); 22 Aug is on it.
        let before = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2024-08-21")
        let on = c.b.review("R2", c.ann, c.gcse, .reviewOfMarking, requested: "2024-08-22")
        // An A level's results day is 15 Aug (level 3): requested 16 Aug 2025 is Summer 2025.
        let next = c.b.review("R3", c.ann, c.aLevel, .reviewOfMarking, requested: "2025-08-16")
        // Requested in March 2025: the latest results day before it is Summer 2024's.
        let spring = c.b.review("R4", c.ann, c.aLevel, .reviewOfMarking, requested: "2025-03-01")
        #expect(series(c.b, before) == nil)
        #expect(series(c.b, on) == "Summer 2024")
        #expect(series(c.b, next) == "Summer 2025")
        #expect(series(c.b, spring) == "Summer 2024")
    }

    @Test func aRequestWithUnknownSeriesHasAnUnknownDeadlineAndIsNeitherDueNorOverdue() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2024-08-21")
        let store = c.b.build()
        #expect(deadline(c.b, r) == nil)
        #expect(!Deadlines.isDue(store: store, review: r, context: c.b.context(today: "2024-08-21")))
        #expect(!Deadlines.isOverdue(store: store, review: r, context: c.b.context(today: "2024-12-01")))
        #expect(Deadlines.unknownDeadlineReason(store: store, review: r).contains("its series is unknown"))
    }

    @Test func aReviewOfAJanuaryUnitSaysSoInItsSeriesAndHasNoSummerDeadline() {
        // The demo's R012: unit 1 achieved in January 2024, reviewed 12 Mar 2024, series January
        // 2024. No calendar has January 2024, so the deadline is unknown, not Summer 2024's 26 Sep.
        var c = Centre()
        c.b.achievement(c.ann, c.technical, c.unit1, .achieved, grade: "P", series: "January 2024")
        let r = c.b.review("R1", c.ann, c.technical, .reviewOfMarking, requested: "2024-03-12", component: "1", series: "January 2024")
        #expect(series(c.b, r) == "January 2024")
        #expect(deadline(c.b, r) == nil)
        #expect(Deadlines.unknownDeadlineReason(store: c.b.build(), review: r)
                == "deadline unknown: no calendar has review_deadline for January 2024 (a calendar.csv row can give it)")
    }

    /// The unit a request names does not date it: without a `series`, a review of a unit last sat
    /// in Summer 2023, asked for on 10 Sep 2024, is of the latest results day before it (level 3,
    /// 15 Aug 2024): Summer 2024, due by its 26 Sep deadline.
    @Test func aRequestNamingAUnitIsStillOfTheLatestResultsDayBeforeIt() {
        var c = Centre()
        c.b.achievement(c.ann, c.technical, c.unit1, .achieved, grade: "M", series: "Summer 2023")
        let r = c.b.review("R1", c.ann, c.technical, .reviewOfMarking, requested: "2024-09-10", component: "1")
        #expect(series(c.b, r) == "Summer 2024")
        #expect(deadline(c.b, r)?.date.iso == "2024-09-26")
        #expect(Deadlines.isDue(store: c.b.build(), review: r, context: c.b.context(today: "2024-09-10")))
    }

    // MARK: The current series

    @Test func theCurrentSeriesIsOneOfTheEntriesSeriesThoughTheCalendarReaches2026() {
        let c = Centre()  // entries of Summer 2024 only
        let store = c.b.build()
        #expect(CurrentSeries.resolve(store: store, today: StoreBuilder.day("2026-12-01"), explicit: nil) == "Summer 2024")
        var b = c.b
        b.entry(b.candidate("0043"), c.gcse, series: "Summer 2025")
        #expect(CurrentSeries.resolve(store: b.build(), today: StoreBuilder.day("2026-12-01"), explicit: nil) == "Summer 2025")
        #expect(CurrentSeries.resolve(store: b.build(), today: StoreBuilder.day("2025-03-01"), explicit: nil) == "Summer 2024")
    }
}
