import ExamStore
import Testing
@testable import ExamRules

@Suite struct DeadlineTests {
    /// A centre with a GCSE, an A level, two Cambridge Technicals and one candidate, on the built-in calendar.
    struct Centre {
        var b = StoreBuilder()
        let gcse: Int32, aLevel: Int32, extendedCertificate: Int32, certificate: Int32, ann: Int32
        init(calendar: Bool = true) {
            gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
            aLevel = b.qualification("H240", type: "A Level", level: "3", size: "", glh: nil)
            extendedCertificate = b.qualification("05839", type: "Cambridge Technical", level: "3")
            certificate = b.qualification("05838", type: "Cambridge Technical", level: "3", size: "Certificate")
            ann = b.candidate("0042")
            for q in [gcse, aLevel, extendedCertificate, certificate] { b.entry(ann, q) }
            if calendar { b.withSummer2024Calendar() }
        }
    }

    func deadline(_ b: StoreBuilder, _ review: Int32) -> Deadline? {
        Deadlines.deadline(store: b.build(), review: review, context: b.context())
    }

    func appliesTo(_ d: Deadline?) -> String? {
        if case .calendar(_, let a) = d?.source { return a }
        return nil
    }

    @Test func aReviewOfMarkingTakesTheCalendarEventThatAppliesToAll() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking)
        let d = deadline(c.b, r)
        #expect(d?.date.iso == "2024-09-26")
        #expect(appliesTo(d) == "")
        if case .calendar(let row, _) = d?.source {
            #expect(c.b.build().pool[c.b.build().calendar.event[Int(row)]] == "review_deadline")
        } else {
            Issue.record("expected a calendar source")
        }
    }

    /// DOMAIN.md "Post-results requests": a request's series is the `series` column of reviews.csv
    /// when given. Ann's GCSE result is in Summer 2024 (review deadline 26 September); her request
    /// names November 2024, whose calendar gives 20 December.
    @Test func aReviewsSeriesColumnChoosesTheCalendarOfThatSeries() {
        var c = Centre()
        _ = c.b.result(c.ann, c.gcse, grade: "4")
        c.b.event("review_deadline", "2024-12-20", series: "November 2024")
        let named = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, series: "November 2024")
        let worked = c.b.review("R2", c.ann, c.gcse, .reviewOfMarking)
        #expect(deadline(c.b, named)?.date.iso == "2024-12-20")
        #expect(deadline(c.b, worked)?.date.iso == "2024-09-26")
    }

    @Test func aPriorityReviewTakesTheLevel3Event() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.aLevel, .priorityReviewOfMarking)
        let d = deadline(c.b, r)
        #expect(d?.date.iso == "2024-08-22")
        #expect(appliesTo(d) == "level 3")
    }

    @Test func aPriorityReviewOfAGCSEHasNoDeadlineBecauseNoEventAppliesToIt() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.gcse, .priorityReviewOfMarking)
        #expect(deadline(c.b, r) == nil)
    }

    @Test func aPriorityCopyOfAScriptTakesTheEventForItsQualificationType() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.extendedCertificate, .priorityCopyOfScript)
        let d = deadline(c.b, r)
        #expect(d?.date.iso == "2024-08-29")
        #expect(appliesTo(d) == "Cambridge Technical")
    }

    @Test func eachServiceReadsItsOwnEvent() {
        var c = Centre()
        let ats = c.b.review("R1", c.ann, c.gcse, .copyOfScript)
        let mir = c.b.review("R2", c.ann, c.gcse, .missingResult)
        let recheck = c.b.review("R3", c.ann, c.gcse, .clericalRecheck)
        let store = c.b.build()
        for r in [ats, mir, recheck] {
            #expect(Deadlines.deadline(store: store, review: r, context: c.b.context())?.date.iso == "2024-09-26")
        }
        #expect(Deadlines.eventName(for: .copyOfScript) == "ats_deadline")
        #expect(Deadlines.eventName(for: .missingResult) == "mir_deadline")
        #expect(Deadlines.eventName(for: .appeal1) == nil)
    }

    @Test func theMostSpecificAppliesToWins() {
        var c = Centre(calendar: false)
        c.b.event("results_day", "2024-08-22")  // so the requests (23 Aug) are in Summer 2024
        c.b.event("review_deadline", "2024-09-26")
        c.b.event("review_deadline", "2024-09-20", appliesTo: "level 3")
        c.b.event("review_deadline", "2024-09-18", appliesTo: "cambridge technical")
        c.b.event("review_deadline", "2024-09-16", appliesTo: "05839")
        let byCode = c.b.review("R1", c.ann, c.extendedCertificate, .reviewOfMarking)
        let byType = c.b.review("R2", c.ann, c.certificate, .reviewOfMarking)
        let byLevel = c.b.review("R3", c.ann, c.aLevel, .reviewOfMarking)
        let byBlank = c.b.review("R4", c.ann, c.gcse, .reviewOfMarking)
        let all = Deadlines.deadlines(store: c.b.build(), context: c.b.context())
        #expect(all.map { $0?.date.iso } == ["2024-09-16", "2024-09-18", "2024-09-20", "2024-09-26"])
        #expect([byCode, byType, byLevel, byBlank].map { appliesTo(all[Int($0)]) } == ["05839", "cambridge technical", "level 3", ""])
    }

    @Test func aLevelWrittenOneSlashTwoMatchesLevel2() {
        var c = Centre(calendar: false)
        c.b.event("results_day", "2024-08-22")  // so the requests (23 Aug) are in Summer 2024
        c.b.event("review_deadline", "2024-09-26")
        c.b.event("review_deadline", "2024-09-19", appliesTo: "Level 2")
        c.b.event("review_deadline", "2024-09-12", appliesTo: "level 3")
        let r = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking)
        #expect(deadline(c.b, r)?.date.iso == "2024-09-19")
    }

    @Test func theDeadlineComesFromTheSeriesOfTheLatestResultsDayOnOrBeforeTheRequest() {
        var c = Centre()
        c.b.event("results_day", "2025-01-09", series: "November 2024")
        c.b.event("review_deadline", "2025-01-23", series: "November 2024")
        c.b.result(c.ann, c.gcse, grade: "3", series: "November 2024")
        let november = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2025-01-10")
        let summer = c.b.review("R2", c.ann, c.gcse, .reviewOfMarking, requested: "2025-01-08")
        #expect(deadline(c.b, november)?.date.iso == "2025-01-23")
        #expect(deadline(c.b, summer)?.date.iso == "2024-09-26")
    }

    @Test func aStage1AppealIsDue30DaysAfterTheReviewOutcome() {
        var c = Centre()
        let review = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, outcome: .confirmed, outcomeDate: "2024-09-10")
        let appeal = c.b.review("R2", c.ann, c.gcse, .appeal1, requested: "2024-09-12")
        let d = deadline(c.b, appeal)
        #expect(d?.date.iso == "2024-10-10")
        #expect(d?.source == .appeal(basedOnReview: review, days: 30))
    }

    @Test func aStage1AppealRunsFromTheLatestEarlierReviewOfTheSameComponent() {
        var c = Centre()
        c.b.review("R1", c.ann, c.gcse, .clericalRecheck, requested: "2024-08-23", component: "01",
                   outcome: .confirmed, outcomeDate: "2024-08-30")
        let latest = c.b.review("R2", c.ann, c.gcse, .reviewOfMarking, requested: "2024-09-02", component: "01",
                                outcome: .confirmed, outcomeDate: "2024-09-20")
        c.b.review("R3", c.ann, c.gcse, .reviewOfMarking, requested: "2024-09-03", component: "02",
                   outcome: .raised, outcomeDate: "2024-09-25")
        c.b.review("R4", c.ann, c.aLevel, .reviewOfMarking, requested: "2024-09-04", component: "01",
                   outcome: .raised, outcomeDate: "2024-09-27")
        let appeal = c.b.review("R5", c.ann, c.gcse, .appeal1, requested: "2024-09-28", component: "01")
        let d = deadline(c.b, appeal)
        #expect(d?.date.iso == "2024-10-20")
        #expect(d?.source == .appeal(basedOnReview: latest, days: 30))
    }

    @Test func aStage2AppealIsDue14DaysAfterTheStage1Outcome() {
        var c = Centre()
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, outcome: .confirmed, outcomeDate: "2024-09-10")
        let stage1 = c.b.review("R2", c.ann, c.gcse, .appeal1, requested: "2024-09-12",
                                outcome: .confirmed, outcomeDate: "2024-10-01")
        let stage2 = c.b.review("R3", c.ann, c.gcse, .appeal2, requested: "2024-10-02")
        let d = deadline(c.b, stage2)
        #expect(d?.date.iso == "2024-10-15")
        #expect(d?.source == .appeal(basedOnReview: stage1, days: 14))
    }

    @Test func anAppealWhoseReviewHasNoOutcomeYetHasNoDeadline() {
        var c = Centre()
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking)
        let appeal = c.b.review("R2", c.ann, c.gcse, .appeal1, requested: "2024-09-12")
        let stage2 = c.b.review("R3", c.ann, c.gcse, .appeal2, requested: "2024-09-12")
        #expect(deadline(c.b, appeal) == nil)
        #expect(deadline(c.b, stage2) == nil)
    }

    @Test func aReviewInASeriesWithoutCalendarEventsHasNoDeadline() {
        var c = Centre(calendar: false)
        let r = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking)
        #expect(deadline(c.b, r) == nil)
    }
}
