import ExamStore
import Testing
@testable import ExamRules

@Suite struct TrackingTests {
    struct Centre {
        var b = StoreBuilder()
        let gcse: Int32, technical: Int32, ann: Int32, bob: Int32
        init() {
            gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
            technical = b.qualification("05839", type: "Cambridge Technical", level: "3")
            b.unit(technical, "1", glh: 90)
            ann = b.candidate("0042")
            bob = b.candidate("0043")
            b.entry(ann, technical)
            b.entry(ann, gcse)
            b.withSummer2024Calendar()
            b.review("R0041", ann, gcse, .reviewOfMarking)
        }
    }

    /// Expects `change` to throw a message containing `words` and leave the store's entries and reviews unchanged.
    func expectRefused(_ store: Store, containing words: String,
                       _ change: (inout Store) throws(TrackingError) -> Void) {
        var changed = store
        do {
            try change(&changed)
            Issue.record("expected the change to be refused")
        } catch {
            #expect(error.description.contains(words), "message was: \(error.description)")
        }
        #expect(changed.entries.acknowledged == store.entries.acknowledged)
        #expect(changed.entries.completion == store.entries.completion)
        #expect(changed.reviews.id == store.reviews.id)
        #expect(changed.reviews.outcome == store.reviews.outcome)
        #expect(changed.reviews.submitted == store.reviews.submitted)
        #expect(changed.reviews.outcomeDate == store.reviews.outcomeDate)
        #expect(changed.reviews.fee == store.reviews.fee)
    }

    @Test func acknowledgingTakesAnEntryOutOfRiskAndUnacknowledgingPutsItBack() throws {
        let c = Centre()
        var store = c.b.build()
        let entry = store.entry(candidate: c.ann, qualification: c.technical)!
        let context = c.b.context()
        #expect(Eligibility.verdict(store: store, entry: entry, context: context).atRisk)
        try Tracking.acknowledge(store: &store, candidate: c.ann, qualification: c.technical, true)
        #expect(!Eligibility.verdict(store: store, entry: entry, context: context).atRisk)
        try Tracking.acknowledge(store: &store, candidate: c.ann, qualification: c.technical, false)
        #expect(Eligibility.verdict(store: store, entry: entry, context: context).atRisk)
    }

    @Test func acknowledgingAnEntryThatDoesNotExistIsRefused() {
        let c = Centre()
        expectRefused(c.b.build(), containing: "candidate 0043 has no entry for 05839") { (s: inout Store) throws(TrackingError) in
            try Tracking.acknowledge(store: &s, candidate: c.bob, qualification: c.technical, true)
        }
    }

    @Test func movingCompletionToNextSeriesTakesAnEntryOutOfTheCurrentSeries() throws {
        let c = Centre()
        var store = c.b.build()
        try Tracking.setCompletion(store: &store, candidate: c.ann, qualification: c.technical, series: "Summer 2025")
        let entry = store.entry(candidate: c.ann, qualification: c.technical)!
        #expect(store.pool[store.entries.completion[Int(entry)]] == "Summer 2025")
        #expect(!Eligibility.verdict(store: store, entry: entry, context: c.b.context()).atRisk)
    }

    @Test func aCompletionThatIsNotASeriesIsRefused() {
        let c = Centre()
        expectRefused(c.b.build(), containing: "expected a series") { (s: inout Store) throws(TrackingError) in
            try Tracking.setCompletion(store: &s, candidate: c.ann, qualification: c.technical, series: "next summer")
        }
    }

    @Test func aNewReviewGetsTheNextFreeIdAndADeadline() throws {
        let c = Centre()
        var store = c.b.build()
        let row = try Tracking.addReview(store: &store, id: nil, candidate: c.ann, qualification: c.gcse,
                                         service: .clericalRecheck, requested: StoreBuilder.day("2024-08-23"),
                                         component: "01", consent: StoreBuilder.day("2024-08-23"))
        #expect(store.pool[store.reviews.id[Int(row)]] == "R0042")
        #expect(store.review(id: "R0042") == row)
        #expect(store.reviewsByCandidate[c.ann].contains(row))
        #expect(Deadlines.deadline(store: store, review: row, context: c.b.context())?.date.iso == "2024-09-26")
        #expect(Tracking.nextReviewId(store: store) == "R0043")
    }

    @Test func theFirstReviewIsR0001() {
        var b = StoreBuilder()
        b.qualification("J560")
        #expect(Tracking.nextReviewId(store: b.build()) == "R0001")
    }

    @Test func aReviewIdAlreadyInUseIsRefused() {
        let c = Centre()
        expectRefused(c.b.build(), containing: "R0041 already exists") { (s: inout Store) throws(TrackingError) in
            try Tracking.addReview(store: &s, id: "R0041", candidate: c.ann, qualification: c.gcse,
                                   service: .reviewOfMarking, requested: StoreBuilder.day("2024-08-23"))
        }
    }

    @Test func aPriorityReviewOfAGCSEIsRefused() {
        let c = Centre()
        expectRefused(c.b.build(), containing: "not AS or GCSE") { (s: inout Store) throws(TrackingError) in
            try Tracking.addReview(store: &s, id: nil, candidate: c.ann, qualification: c.gcse,
                                   service: .priorityReviewOfMarking, requested: StoreBuilder.day("2024-08-16"))
        }
    }

    @Test func updatingAReviewRecordsSubmissionOutcomeAndFee() throws {
        let c = Centre()
        var store = c.b.build()
        let r = Int(store.review(id: "R0041")!)
        try Tracking.updateReview(store: &store, id: "R0041", field: "submitted", value: "today", today: StoreBuilder.day("2024-08-27"))
        try Tracking.updateReview(store: &store, id: "R0041", field: "outcome", value: "Raised")
        try Tracking.updateReview(store: &store, id: "R0041", field: "outcome_date", value: "20/09/2024")
        try Tracking.updateReview(store: &store, id: "R0041", field: "new_grade", value: "6")
        try Tracking.updateReview(store: &store, id: "R0041", field: "fee", value: "£45.50")
        #expect(store.reviews.submitted[r].iso == "2024-08-27")
        #expect(store.reviews.outcome[r] == .raised)
        #expect(store.reviews.outcomeDate[r].iso == "2024-09-20")
        #expect(store.pool[store.reviews.newGrade[r]] == "6")
        #expect(store.reviews.fee[r] == 4550)
        #expect(Deadlines.feeRefundable(store: store, review: Int32(r)))
        #expect(!Deadlines.isDue(store: store, review: Int32(r), context: c.b.context()))
    }

    @Test func updatingAnUnknownReviewIsRefused() {
        let c = Centre()
        expectRefused(c.b.build(), containing: "no review with id R9999") { (s: inout Store) throws(TrackingError) in
            try Tracking.updateReview(store: &s, id: "R9999", field: "outcome", value: "raised")
        }
    }

    @Test func anOutcomeThatIsNotConfirmedRaisedOrLoweredIsRefused() {
        let c = Centre()
        expectRefused(c.b.build(), containing: "expected confirmed, raised or lowered") { (s: inout Store) throws(TrackingError) in
            try Tracking.updateReview(store: &s, id: "R0041", field: "outcome", value: "upgraded")
        }
    }

    @Test func aDateThatDoesNotExistIsRefused() {
        let c = Centre()
        expectRefused(c.b.build(), containing: "expected a date") { (s: inout Store) throws(TrackingError) in
            try Tracking.updateReview(store: &s, id: "R0041", field: "submitted", value: "31/02/2024")
        }
    }

    @Test func aBadFeeOrUnknownFieldIsRefused() {
        let c = Centre()
        expectRefused(c.b.build(), containing: "amount in pounds") { (s: inout Store) throws(TrackingError) in
            try Tracking.updateReview(store: &s, id: "R0041", field: "fee", value: "forty")
        }
        expectRefused(c.b.build(), containing: "no field 'grade'") { (s: inout Store) throws(TrackingError) in
            try Tracking.updateReview(store: &s, id: "R0041", field: "grade", value: "6")
        }
    }

    @Test func feesAreTypedInPoundsAndStoredInPence() {
        #expect(Tracking.penceFromPounds("45") == 4500)
        #expect(Tracking.penceFromPounds("45.5") == 4550)
        #expect(Tracking.penceFromPounds("£12.05") == 1205)
        #expect(Tracking.penceFromPounds("") == Store.noNumber)
        #expect(Tracking.penceFromPounds("12.345") == nil)
        #expect(Tracking.penceFromPounds("-3") == nil)
    }
}
