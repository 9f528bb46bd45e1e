import ExamStore
import Testing
@testable import ExamRules

/// DOMAIN.md "Post-results requests": the checks on a request as typed, each refused with a reason.
@Suite struct ReviewChecksTests {
    struct Centre {
        var b = StoreBuilder()
        let gcse: Int32, aLevel: Int32, ann: Int32
        init() {
            gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
            aLevel = b.qualification("H240", type: "A Level", level: "3", size: "", glh: nil)
            ann = b.candidate("0042")
            b.entry(ann, aLevel)
            b.result(ann, aLevel, grade: "B")
            b.withSummer2024Calendar()
        }
    }

    func refusal(_ b: StoreBuilder, _ r: Int32, today: String = "2024-09-30") -> String? {
        do {
            try Tracking.checkReview(store: b.build(), review: r, today: StoreBuilder.day(today), dates: .iso)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aRequestForAQualificationWithoutAnEntryIsRefused() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.gcse, .reviewOfMarking)
        #expect(refusal(c.b, r) == "SMITH: Ann has no entry for J560: a request is about a qualification the candidate was entered for")
    }

    @Test func aDateAfterTodayIsRefused() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.aLevel, .reviewOfMarking, requested: "2024-08-23", submitted: "2024-08-24")
        #expect(refusal(c.b, r, today: "2024-08-23") == "submitted 2024-08-24 is after today (2024-08-23): record what has happened")
        #expect(refusal(c.b, r, today: "2024-08-24") == nil)
    }

    @Test func anOutcomeBeforeTheSubmissionIsRefused() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.aLevel, .reviewOfMarking, requested: "2024-08-23", submitted: "2024-08-24",
                           outcome: .confirmed, outcomeDate: "2024-08-22")
        #expect(refusal(c.b, r) == "outcome_date 2024-08-22 is before submitted 2024-08-24")
    }

    @Test func aNewGradeOffTheScaleIsRefusedWithTheScale() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.aLevel, .reviewOfMarking, submitted: "2024-08-24", outcome: .raised,
                           outcomeDate: "2024-09-02", newGrade: "Z9")
        #expect(refusal(c.b, r) == "new_grade Z9 is not on the scale of H240: A*, A, B, C, D, E, U")
    }

    @Test func aRaisedOutcomeToAWorseGradeOrALoweredOneToABetterIsRefused() {
        var c = Centre()  // the result is B
        let raised = c.b.review("R1", c.ann, c.aLevel, .reviewOfMarking, submitted: "2024-08-24", outcome: .raised,
                                outcomeDate: "2024-09-02", newGrade: "C")
        #expect(refusal(c.b, raised) == "a raised outcome cannot give C, worse than B")
        var d = Centre()
        let lowered = d.b.review("R1", d.ann, d.aLevel, .reviewOfMarking, submitted: "2024-08-24", outcome: .lowered,
                                 outcomeDate: "2024-09-02", newGrade: "A")
        #expect(refusal(d.b, lowered) == "a lowered outcome cannot give A, better than B")
    }

    @Test func aRaisedOutcomeThatLeavesTheGradeWhereItWasIsAccepted() {
        var c = Centre()
        let r = c.b.review("R1", c.ann, c.aLevel, .reviewOfMarking, submitted: "2024-08-24", outcome: .raised,
                           outcomeDate: "2024-09-02", newGrade: "B")
        #expect(refusal(c.b, r) == nil)
    }

    @Test func aPriorityReviewIsForALevelAndLevel3VocationalOnly() {
        #expect(Service.priorityReviewOfMarking.applies(type: "A Level", level: "3"))
        #expect(Service.priorityReviewOfMarking.applies(type: "Cambridge Technical", level: "3"))
        #expect(!Service.priorityReviewOfMarking.applies(type: "AS Level", level: "3"))
        #expect(!Service.priorityReviewOfMarking.applies(type: "GCSE", level: "1/2"))
        #expect(!Service.priorityReviewOfMarking.applies(type: "Cambridge Technical", level: "2"))
        #expect(Service.reviewOfMarking.applies(type: "GCSE", level: "1/2"))
    }
}
