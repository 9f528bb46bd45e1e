import ExamStore
import ExamRules
import ExamQuery

/// `update review ID set FIELD = VALUE[, FIELD = VALUE]...`: records what happened to a request.
struct UpdateReviewCommand: Command, Equatable {
    var id: Word
    var changes: [Assignment]

    static let dateFields: Set<String> = ["consent", "submitted", "outcome_date"]

    static let info = CommandInfo(
        words: ["update", "review"], synopsis: "update review ID set FIELD = VALUE, ...",
        summary: "record consent, submission and outcome of a post-results request",
        help: """
            Fields: consent, submitted, outcome (confirmed, raised, lowered), outcome_date, new_grade, fee, component.
            A date may be today; "" clears a field. Every change is made, or none.
              update review R001 set submitted = today
              update review R004 set submitted = 2024-08-20, outcome = raised, outcome_date = 2024-08-21, new_grade = A
            Refused: a date after today or out of order, a new_grade off the qualification's scale, a
            "raised" grade worse than before (or "lowered" better).
            """,
        changesData: true, topics: ["update"],
        parse: { try UpdateReviewCommand(&$0) })

    init(id: Word, changes: [Assignment]) {
        self.id = id
        self.changes = changes
    }

    init(_ r: inout CommandReader) throws {
        id = try r.word("a review id such as R0001")
        try r.expect("set")
        changes = try Assignment.list(&r, fields: Tracking.reviewFields, dates: UpdateReviewCommand.dateFields)
    }

    var statement: String { "update review " + id.quoted + " set " + changes.map(\.statement).joined(separator: ", ") }

    func run(in session: Session) throws -> String? {
        guard session.store.review(id: id.text) != nil else {
            let ids = session.store.reviews.id.map { session.store.pool[$0] }
            throw session.failure("no review with id \(id.text)", at: id, notes: [Suggestions.note(for: id.text, in: ids) ?? "list them with: reviews | show id"])
        }
        // All or nothing: apply to a copy, keep it only when every change was accepted.
        var changed = session.store
        var resolved = self
        for (i, change) in changes.enumerated() {
            do {
                try Tracking.updateReview(store: &changed, id: id.text, field: change.field.text, value: change.value.text, today: session.today)
            } catch {
                throw session.failure(error.description, at: change.value)
            }
            if UpdateReviewCommand.dateFields.contains(change.field.text), change.value.text.lowercased() == "today" {
                resolved.changes[i].value = Word(session.today.iso)
            }
        }
        do {
            try Tracking.checkReview(store: changed, review: changed.review(id: id.text)!, today: session.today, dates: session.dates)
        } catch {
            throw session.failure(error.description, at: id)
        }
        try session.commit(resolved.statement, changed, review: id.text)
        session.console.out("Updated review \(id): " + resolved.changes.map {
            "\($0.field) = " + (UpdateReviewCommand.dateFields.contains($0.field.text) ? session.shown(date: $0.value.text) : $0.value.text)
        }.joined(separator: ", ") + "\n")
        return resolved.statement
    }
}
