import ExamStore
import Testing
@testable import ExamRules

@Suite struct MissingResultsTests {
    /// Ann entered for a level 3 Cambridge Technical and a GCSE, on the built-in Summer 2024 calendar.
    struct Centre {
        var b = StoreBuilder()
        let technical: Int32, gcse: Int32, ann: Int32, technicalEntry: Int32, gcseEntry: Int32
        init() {
            technical = b.qualification("05839", type: "Cambridge Technical", level: "3")
            gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
            ann = b.candidate("0042")
            technicalEntry = b.entry(ann, technical)
            gcseEntry = b.entry(ann, gcse)
            b.withSummer2024Calendar()
        }
        func missing(_ entry: Int32, on today: String) -> Bool {
            MissingResults.isMissing(store: b.build(), entry: entry, context: b.context(today: today))
        }
    }

    @Test func aLevel3ResultIsNotMissingTheDayBeforeRestrictedRelease() {
        let c = Centre()
        #expect(!c.missing(c.technicalEntry, on: "2024-08-13"))
    }

    @Test func aLevel3ResultIsMissingOnRestrictedReleaseDay() {
        let c = Centre()
        #expect(c.missing(c.technicalEntry, on: "2024-08-14"))
        #expect(!c.missing(c.gcseEntry, on: "2024-08-14"))
    }

    @Test func aGCSEResultIsMissingFromItsOwnRestrictedReleaseDay() {
        let c = Centre()
        #expect(!c.missing(c.gcseEntry, on: "2024-08-20"))
        #expect(c.missing(c.gcseEntry, on: "2024-08-21"))
    }

    @Test func theArrivalDayFollowsTheLevelOfTheQualification() {
        let c = Centre()
        let store = c.b.build(), series = c.b.context().series
        #expect(ResultsArrival.arrivalDay(store: store, qualification: c.technical, series: series)?.iso == "2024-08-14")
        #expect(ResultsArrival.arrivalDay(store: store, qualification: c.gcse, series: series)?.iso == "2024-08-21")
    }

    @Test func withoutARestrictedReleaseResultsArriveOnResultsDay() {
        var b = StoreBuilder()
        let q = b.qualification("J560", type: "GCSE", level: "1/2")
        let ann = b.candidate("0042")
        let e = b.entry(ann, q)
        b.event("results_day", "2024-08-22")
        let store = b.build()
        #expect(!MissingResults.isMissing(store: store, entry: e, context: b.context(today: "2024-08-21")))
        #expect(MissingResults.isMissing(store: store, entry: e, context: b.context(today: "2024-08-22")))
    }

    @Test func anEntryWithAResultIsNotMissing() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        #expect(!c.missing(c.gcseEntry, on: "2024-08-22"))
    }

    @Test func aResultOfAnotherSeriesDoesNotCount() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "3", series: "November 2023")
        #expect(c.missing(c.gcseEntry, on: "2024-08-22"))
    }

    @Test func anEntryCompletingNextSeriesIsNotMissing() {
        var c = Centre()
        let later = c.b.entry(c.ann, c.gcse, completion: "Summer 2025")
        #expect(!c.missing(later, on: "2024-08-22"))
    }

    @Test func resultsGradedXOrQAreToChaseNotMissing() {
        var c = Centre()
        let x = c.b.result(c.ann, c.gcse, grade: "X")
        let q = c.b.result(c.ann, c.technical, grade: "Q")
        let bob = c.b.candidate("0043")
        let partial = c.b.result(bob, c.gcse, grade: "4#")
        c.b.result(bob, c.technical, grade: "D*")
        c.b.result(bob, c.gcse, grade: "X", series: "November 2023")
        #expect(!c.missing(c.gcseEntry, on: "2024-08-22"))
        #expect(!c.missing(c.technicalEntry, on: "2024-08-22"))
        let chase = ResultConcern.toChase(store: c.b.build(), context: c.b.context())
        #expect(chase.map(\.result) == [x, q, partial])
        #expect(chase.map(\.concern) == [.noResult, .pending, .partialAbsence])
    }

    @Test func gradesAreClassifiedAsResultsToChase() {
        #expect(ResultConcern.classify(grade: "X") == .noResult)
        #expect(ResultConcern.classify(grade: "Q") == .pending)
        #expect(ResultConcern.classify(grade: "5#") == .partialAbsence)
        #expect(ResultConcern.classify(grade: "5") == nil)
        #expect(ResultConcern.classify(grade: "U") == nil)
    }

    @Test func allEntriesAtOnceAgreeWithOneAtATime() {
        var c = Centre()
        let bob = c.b.candidate("0043")
        c.b.entry(bob, c.gcse)
        c.b.entry(bob, c.technical, completion: "Summer 2025")
        c.b.result(bob, c.gcse, grade: "7")
        let store = c.b.build()
        for today in ["2024-08-13", "2024-08-14", "2024-08-21"] {
            let context = c.b.context(today: today)
            let all = MissingResults.missingAll(store: store, context: context)
            #expect(all == (0..<store.entries.count).map { MissingResults.isMissing(store: store, entry: Int32($0), context: context) })
        }
        #expect(MissingResults.missingAll(store: store, context: c.b.context(today: "2024-08-21")) == [true, true, false, false])
    }

    /// DOMAIN.md (new): a Not Eligible entry gets no result by design; it is reported as not
    /// eligible, acknowledged or not, never as missing a result.
    @Test func aNotEligibleEntryIsNotMissingAResult() {
        for acknowledged in [false, true] {
            var b = StoreBuilder()
            let q = b.qualification("05838", size: "Certificate", glh: 180)
            let u1 = b.unit(q, "1", glh: 90), u2 = b.unit(q, "2", glh: 90)
            let ann = b.candidate("0042"), bob = b.candidate("0043")
            let annEntry = b.entry(ann, q, acknowledged: acknowledged), bobEntry = b.entry(bob, q)
            b.achievement(ann, q, u1, .achieved, grade: "P")                  // unit 2 not yet achieved
            b.achievement(bob, q, u1, .achieved, grade: "P")
            b.achievement(bob, q, u2, .achieved, grade: "M")
            b.withSummer2024Calendar()
            let store = b.build(), context = b.context(today: "2024-08-14")
            #expect(!MissingResults.isMissing(store: store, entry: annEntry, context: context))
            #expect(Eligibility.verdict(store: store, entry: annEntry, context: context).notEligible)
            #expect(MissingResults.isMissing(store: store, entry: bobEntry, context: context))
            #expect(!Eligibility.verdict(store: store, entry: bobEntry, context: context).notEligible)
            #expect(MissingResults.missingAll(store: store, context: context) == [false, true])
        }
    }

    /// The entry's completion and the result's series are compared as series names.
    @Test func seriesNamesOfEntryAndResultAreComparedNormalised() {
        var b = StoreBuilder()
        let q = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
        let ann = b.candidate("0042"), bob = b.candidate("0043")
        let annEntry = b.entry(ann, q, series: "SUMMER 2024"), bobEntry = b.entry(bob, q)
        b.result(bob, q, grade: "5", series: "June 2024")
        b.withSummer2024Calendar()
        let store = b.build(), context = b.context(today: "2024-08-22")
        #expect(MissingResults.isMissing(store: store, entry: annEntry, context: context))
        #expect(!MissingResults.isMissing(store: store, entry: bobEntry, context: context))
    }
}
