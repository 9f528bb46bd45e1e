import ExamStore
import Testing
@testable import ExamRules

/// DOMAIN.md "Post-results requests" (outcomes change results; refunds) and "Time" (the store as
/// it was that day), on the built-in Summer 2024 calendar, each case worked by hand.
@Suite struct OutcomeTests {
    struct Centre {
        var b = StoreBuilder()
        let gcse: Int32, aLevel: Int32, ann: Int32
        init() {
            gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
            aLevel = b.qualification("H446", type: "A Level", level: "3", size: "", glh: nil)
            ann = b.candidate("0042")
            b.entry(ann, gcse); b.entry(ann, aLevel)
            b.withSummer2024Calendar()
        }
    }

    func view(_ b: StoreBuilder, _ day: String) -> Store { StoreAsAt.view(b.build(), on: StoreBuilder.day(day)) }
    func grades(_ s: Store) -> [String] { (0..<s.results.count).map { s.pool[s.results.grade[$0]] } }

    // MARK: Outcomes change results

    @Test func aRaisedOutcomeSetsTheGradeFromItsOutcomeDateAndKeepsTheOriginal() {
        var c = Centre()
        c.b.result(c.ann, c.aLevel, grade: "B")
        c.b.review("R1", c.ann, c.aLevel, .reviewOfMarking, requested: "2024-08-16", submitted: "2024-08-17",
                   outcome: .raised, outcomeDate: "2024-08-19", newGrade: "A")
        let before = view(c.b, "2024-08-18")
        #expect(grades(before) == ["B"])
        #expect(before.results.changedBy(0) == nil)
        #expect(before.reviews.outcome[0] == .none)  // the outcome is not known yet
        let after = view(c.b, "2024-08-19")
        #expect(grades(after) == ["A"])
        #expect(after.pool[after.results.originalGrade(0)] == "B")
        #expect(after.results.changedBy(0) == 0)
    }

    @Test func aLoweredOutcomeLowersTheGradeAndTheLatestOutcomeWins() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .clericalRecheck, requested: "2024-08-23", submitted: "2024-08-23",
                   outcome: .lowered, outcomeDate: "2024-09-02", newGrade: "4")
        c.b.review("R2", c.ann, c.gcse, .reviewOfMarking, requested: "2024-09-03", submitted: "2024-09-03",
                   outcome: .raised, outcomeDate: "2024-09-20", newGrade: "6")
        #expect(grades(view(c.b, "2024-09-02")) == ["4"])
        let later = view(c.b, "2024-09-20")
        #expect(grades(later) == ["6"])
        #expect(later.pool[later.results.originalGrade(0)] == "5")
        #expect(later.results.changedBy(0) == 1)
    }

    @Test func aConfirmedOutcomeChangesNothing() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, submitted: "2024-08-23", outcome: .confirmed, outcomeDate: "2024-09-02")
        let s = view(c.b, "2024-09-30")
        #expect(grades(s) == ["5"])
        #expect(s.results.changedBy(0) == nil)
    }

    @Test func anOutcomeChangesOnlyTheResultOfTheRequestsSeries() {
        // A review asked for on 23 Aug 2024 is of Summer 2024's result, not Summer 2023's.
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "3", series: "Summer 2023")
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, submitted: "2024-08-23", outcome: .raised,
                   outcomeDate: "2024-09-02", newGrade: "6")
        #expect(grades(view(c.b, "2024-09-30")) == ["3", "6"])
    }

    // MARK: Refunds

    func refundable(_ b: StoreBuilder, _ day: String) -> [Bool] { ReviewOutcomes.refundable(store: view(b, day)) }

    @Test func theFeeIsRefundableWhenTheOutcomeChangedTheGrade() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.result(c.ann, c.aLevel, grade: "B")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, submitted: "2024-08-23", outcome: .confirmed, outcomeDate: "2024-09-02")
        c.b.review("R2", c.ann, c.aLevel, .reviewOfMarking, submitted: "2024-08-23", outcome: .raised,
                   outcomeDate: "2024-09-02", newGrade: "A")
        #expect(refundable(c.b, "2024-09-30") == [false, true])
    }

    @Test func aRaisedOutcomeToTheSameGradeIsNotRefundable() {
        // Raised with new_grade 5 on a 5: the mark went up, the grade did not.
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, submitted: "2024-08-23", outcome: .raised,
                   outcomeDate: "2024-09-02", newGrade: "5")
        #expect(refundable(c.b, "2024-09-30") == [false])
    }

    @Test func aSecondReviewThatLeavesTheGradeWhereTheFirstPutItIsNotRefundable() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .clericalRecheck, submitted: "2024-08-23", outcome: .raised,
                   outcomeDate: "2024-09-02", newGrade: "6")
        c.b.review("R2", c.ann, c.gcse, .reviewOfMarking, requested: "2024-09-03", submitted: "2024-09-03",
                   outcome: .raised, outcomeDate: "2024-09-20", newGrade: "6")
        #expect(refundable(c.b, "2024-09-30") == [true, false])
    }

    @Test func anOutcomeOnARequestNeverSubmittedIsNotRefundable() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, outcome: .raised, outcomeDate: "2024-09-02", newGrade: "6")
        #expect(refundable(c.b, "2024-09-30") == [false])
    }

    @Test func aRefundIsNotKnownBeforeTheOutcome() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, submitted: "2024-08-23", outcome: .raised,
                   outcomeDate: "2024-09-02", newGrade: "6")
        #expect(refundable(c.b, "2024-09-01") == [false])
        #expect(refundable(c.b, "2024-09-02") == [true])
    }

    // MARK: The store as it was that day

    @Test func aResultIsKnownFromItsLevelsRestrictedRelease() {
        // Level 3 restricted release 14 Aug 2024, GCSE 21 Aug 2024.
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.result(c.ann, c.aLevel, grade: "B")
        #expect(grades(view(c.b, "2024-08-13")) == [])
        #expect(grades(view(c.b, "2024-08-14")) == ["B"])
        #expect(grades(view(c.b, "2024-08-20")) == ["B"])
        #expect(grades(view(c.b, "2024-08-21")) == ["5", "B"])
    }

    @Test func aResultOfASeriesNoCalendarDatesIsKnown() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "4", series: "November 2023")
        #expect(grades(view(c.b, "2024-06-10")) == ["4"])
    }

    @Test func onTenJuneTheDemoLikeCentreHasNoSummerResultsReviewsOrOutcomes() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2024-08-23", submitted: "2024-08-24",
                   outcome: .raised, outcomeDate: "2024-09-02", newGrade: "6")
        c.b.review("R2", c.ann, c.gcse, .reviewOfMarking, requested: "2024-03-12", submitted: "2024-03-13",
                   outcome: .confirmed, outcomeDate: "2024-07-01")
        let june = view(c.b, "2024-06-10")
        #expect(june.results.count == 0)
        #expect(june.reviews.count == 1)
        #expect(june.pool[june.reviews.id[0]] == "R2")
        #expect(june.reviews.submitted[0].iso == "2024-03-13")
        #expect(june.reviews.outcome[0] == .none && june.reviews.outcomeDate[0].isBlank)
        #expect(june.reviewsByCandidate[c.ann].count == 1)
    }

    @Test func consentAndSubmissionAreKnownFromTheirOwnDates() {
        var c = Centre()
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, requested: "2024-08-23", submitted: "2024-08-26")
        let s = view(c.b, "2024-08-25")
        #expect(s.reviews.count == 1 && s.reviews.submitted[0].isBlank)
        #expect(view(c.b, "2024-08-26").reviews.submitted[0].iso == "2024-08-26")
    }

    @Test func aCertificateIsKnownFromReceiptAndItsIssueFromItsOwnDate() {
        var c = Centre()
        var b = c.b
        b.store.certificates.candidate.append(c.ann); b.store.certificates.qualification.append(c.gcse)
        b.store.certificates.series.append(b.pool.intern("Summer 2024"))
        b.store.certificates.received.append(StoreBuilder.day("2024-11-20"))
        b.store.certificates.issued.append(StoreBuilder.day("2024-12-05"))
        b.store.certificates.destroyed.append(.blank)
        c.b = b
        #expect(view(c.b, "2024-11-19").certificates.count == 0)
        let received = view(c.b, "2024-11-20")
        #expect(received.certificates.count == 1 && received.certificates.issued[0].isBlank)
        #expect(view(c.b, "2024-12-05").certificates.issued[0].iso == "2024-12-05")
    }

    @Test func aPackWithNothingAfterTodayIsUnchanged() {
        var c = Centre()
        c.b.result(c.ann, c.gcse, grade: "5")
        c.b.review("R1", c.ann, c.gcse, .reviewOfMarking, submitted: "2024-08-23")
        let store = c.b.build()
        let s = StoreAsAt.view(store, on: StoreBuilder.day("2024-12-01"))
        #expect(s.results.count == 1 && s.reviews.count == 1)
        #expect(s.results.originalGrades.isEmpty && s.results.changedBy.isEmpty)
    }
}
