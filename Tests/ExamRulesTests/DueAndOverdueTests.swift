import ExamStore
import Testing
@testable import ExamRules

@Suite struct DueAndOverdueTests {
    let deadline = StoreBuilder.day("2024-09-26")
    func day(_ s: String) -> Day { StoreBuilder.day(s) }

    @Test func onTheDeadlineDayARequestIsDueNotOverdue() {
        #expect(Deadlines.isDue(submitted: .blank, deadline: deadline, today: day("2024-09-26")))
        #expect(!Deadlines.isOverdue(submitted: .blank, deadline: deadline, today: day("2024-09-26")))
        #expect(Deadlines.daysLeft(deadline: deadline, today: day("2024-09-26")) == 0)
    }

    @Test func theDayAfterTheDeadlineARequestIsOverdueNotDue() {
        #expect(!Deadlines.isDue(submitted: .blank, deadline: deadline, today: day("2024-09-27")))
        #expect(Deadlines.isOverdue(submitted: .blank, deadline: deadline, today: day("2024-09-27")))
        #expect(Deadlines.daysLeft(deadline: deadline, today: day("2024-09-27")) == -1)
    }

    @Test func theDayBeforeOneDayIsLeft() {
        #expect(Deadlines.daysLeft(deadline: deadline, today: day("2024-09-25")) == 1)
        #expect(Deadlines.isDue(submitted: .blank, deadline: deadline, today: day("2024-09-25")))
    }

    @Test func aSubmittedRequestIsNeitherDueNorOverdue() {
        let submitted = day("2024-09-01")
        #expect(!Deadlines.isDue(submitted: submitted, deadline: deadline, today: day("2024-09-20")))
        #expect(!Deadlines.isOverdue(submitted: submitted, deadline: deadline, today: day("2024-10-20")))
    }

    @Test func aRequestWithoutADeadlineIsNeitherDueNorOverdue() {
        #expect(!Deadlines.isDue(submitted: .blank, deadline: nil, today: day("2024-09-20")))
        #expect(!Deadlines.isOverdue(submitted: .blank, deadline: nil, today: day("2024-09-20")))
        #expect(Deadlines.daysLeft(deadline: nil, today: day("2024-09-20")) == nil)
    }

    @Test func theStoreFormsReadTheReviewsDeadlineAndSubmission() {
        var b = StoreBuilder()
        let q = b.qualification("J560", type: "GCSE", level: "1/2")
        let ann = b.candidate("0042")
        b.entry(ann, q)
        b.withSummer2024Calendar()
        let open = b.review("R1", ann, q, .reviewOfMarking)
        let sent = b.review("R2", ann, q, .reviewOfMarking, submitted: "2024-09-01")
        let store = b.build()
        let onDeadline = b.context(today: "2024-09-26"), after = b.context(today: "2024-09-27")
        #expect(Deadlines.isDue(store: store, review: open, context: onDeadline))
        #expect(Deadlines.isOverdue(store: store, review: open, context: after))
        #expect(Deadlines.daysLeft(store: store, review: open, context: b.context(today: "2024-09-16")) == 10)
        #expect(!Deadlines.isDue(store: store, review: sent, context: onDeadline))
        #expect(!Deadlines.isOverdue(store: store, review: sent, context: after))
    }
}
