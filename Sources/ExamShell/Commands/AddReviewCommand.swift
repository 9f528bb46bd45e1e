import ExamStore
import ExamRules

/// `add review CANDIDATE QUALIFICATION SERVICE [requested DATE] [consent DATE] [submitted DATE]
/// [component C] [fee F] [id ID]`: logs a post-results request.
struct AddReviewCommand: Command, Equatable {
    var candidate: Word
    var qualification: Word
    var service: Word
    var requested: DateValue?
    var consent: DateValue?
    var submitted: DateValue?
    var component: Word?
    var fee: Word?
    var id: Word?

    static let details = ["requested", "consent", "submitted", "component", "fee", "id"]

    static let info = CommandInfo(
        words: ["add", "review"],
        synopsis: "add review CANDIDATE QUALIFICATION SERVICE [requested DATE] [consent DATE] [submitted DATE] [component C] [fee F] [id ID]",
        summary: "log a post-results request (a review, an access to scripts, an appeal)",
        help: """
            requested is today unless given; the id is the next free R number unless given.
              add review 0020 H240 2 consent today
              add review 0019 H420 1 requested 2024-08-16 consent 2024-08-16 fee 45.50
            The candidate must have an entry for the qualification; no date may be after today.
            Services: 1 clerical re-check, 2 review of marking, 2P priority review of marking (A level, level 3 vocational),
            3 review of moderation, ATS, ATSP, MIR, APPEAL1, APPEAL2.
            """,
        changesData: true, completion: .candidates, topics: ["reviews", "review", "add"],
        parse: { try AddReviewCommand(&$0) })

    init(candidate: Word, qualification: Word, service: Word, requested: DateValue? = nil, consent: DateValue? = nil,
         submitted: DateValue? = nil, component: Word? = nil, fee: Word? = nil, id: Word? = nil) {
        self.candidate = candidate
        self.qualification = qualification
        self.service = service
        self.requested = requested
        self.consent = consent
        self.submitted = submitted
        self.component = component
        self.fee = fee
        self.id = id
    }

    init(_ r: inout CommandReader) throws {
        candidate = try r.word("a candidate")
        qualification = try r.word("a qualification's entry code")
        service = try r.word("a service (1, 2, 2P, 3, ATS, ATSP, MIR, APPEAL1, APPEAL2)")
        guard Service(code: service.text) != nil else {
            throw r.error("unknown service '\(service.text)'", at: service,
                          notes: ["services: " + Service.allCases.map { "\($0.code) \($0.title)" }.joined(separator: ", ")])
        }
        while !r.atEnd {
            let key = try r.oneOf(AddReviewCommand.details, "detail")
            switch key.text {
            case "requested": requested = try r.date("requested")
            case "consent": consent = try r.date("consent")
            case "submitted": submitted = try r.date("submitted")
            case "component": component = try r.word("a component")
            case "fee":
                let f = try r.word("a fee in pounds")
                guard Tracking.penceFromPounds(f.text) != nil else {
                    throw r.error("expected a fee in pounds, such as 45.50, found '\(f.text)'", at: f)
                }
                fee = f
            default: id = try r.word("a review id")
            }
        }
    }

    var statement: String {
        var out = "add review " + candidate.quoted + " " + qualification.quoted + " " + service.quoted
        for (key, date) in [("requested", requested), ("consent", consent), ("submitted", submitted)] {
            if let date { out += " \(key) " + date.text }
        }
        if let component { out += " component " + component.quoted }
        if let fee { out += " fee " + fee.quoted }
        if let id { out += " id " + id.quoted }
        return out
    }

    func run(in session: Session) throws -> String? {
        let store = session.store, today = session.today
        let c = try session.candidate(candidate), q = try session.qualification(qualification)
        let service = Service(code: self.service.text)!
        let requested = self.requested?.resolved(today: today) ?? today
        var changed = store
        let row: Int32
        do {
            row = try Tracking.addReview(store: &changed, id: id?.text, candidate: c, qualification: q, service: service,
                                         requested: requested, component: component?.text,
                                         consent: consent?.resolved(today: today) ?? .blank,
                                         submitted: submitted?.resolved(today: today) ?? .blank,
                                         fee: fee.flatMap { Tracking.penceFromPounds($0.text) } ?? Store.noNumber)
        } catch {
            throw session.failure(error.description, at: id)
        }
        do {
            try Tracking.checkReview(store: changed, review: row, today: today, dates: session.dates)
        } catch {
            throw session.failure(error.description, at: qualification)
        }
        // Journaled whole: the id and every date resolved, so a replay on another day adds the same request.
        let (number, code) = session.keyWords(c, q)
        var resolved = self
        resolved.candidate = number
        resolved.qualification = code
        resolved.service = Word(service.code)
        resolved.requested = .day(requested)
        resolved.consent = consent.map { .day($0.resolved(today: today)) }
        resolved.submitted = submitted.map { .day($0.resolved(today: today)) }
        resolved.id = Word(changed.pool[changed.reviews.id[Int(row)]])
        if resolved.consent == .day(.blank) { resolved.consent = nil }
        if resolved.submitted == .day(.blank) { resolved.submitted = nil }
        try session.commit(resolved.statement, changed)
        let now = session.store
        let deadline = Deadlines.deadline(store: now, review: row, context: RuleContext(store: now, today: session.today, series: session.series))
        session.console.out("Added review \(resolved.id!): \(service.title) for \(now.formalName(candidate: c)), \(qualification)"
            + (deadline.map { "; deadline \($0.date.text(session.dates))" + ($0.estimated ? " (estimated)" : "") } ?? "; " + Deadlines.unknownDeadlineReason(store: now, review: row)) + "\n")
        return resolved.statement
    }
}
