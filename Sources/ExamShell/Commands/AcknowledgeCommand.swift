import ExamRules

/// `acknowledge CANDIDATE QUALIFICATION` and `unacknowledge ...`: the centre has seen an
/// at-risk entry (as the Progress Tracker allows), so it is no longer at risk.
struct AcknowledgeCommand: Command, Equatable {
    var on: Bool
    var candidate: Word
    var qualification: Word

    static let acknowledgeInfo = CommandInfo(
        words: ["acknowledge"], synopsis: "acknowledge CANDIDATE QUALIFICATION",
        summary: "acknowledge an at-risk entry, as the Progress Tracker allows",
        help: "An acknowledged entry is no longer at risk (at_risk is false); unacknowledge undoes it.\n  acknowledge 0042 05839\n  unacknowledge 0042 05839",
        changesData: true, completion: .candidates,
        parse: { try AcknowledgeCommand(on: true, &$0) })
    static let unacknowledgeInfo = CommandInfo(
        words: ["unacknowledge"], synopsis: "unacknowledge CANDIDATE QUALIFICATION",
        summary: "undo an acknowledgement: the entry is at risk again if it was",
        help: "  unacknowledge 0042 05839", changesData: true, completion: .candidates,
        parse: { try AcknowledgeCommand(on: false, &$0) })

    init(on: Bool, candidate: Word, qualification: Word) {
        self.on = on
        self.candidate = candidate
        self.qualification = qualification
    }

    init(on: Bool, _ r: inout CommandReader) throws {
        self.on = on
        candidate = try r.word("a candidate")
        qualification = try r.word("a qualification's entry code")
        try r.end()
    }

    var statement: String { (on ? "acknowledge " : "unacknowledge ") + candidate.quoted + " " + qualification.quoted }

    func run(in session: Session) throws -> String? {
        let (c, q) = try session.entry(candidate, qualification)
        var changed = session.store
        try Tracking.acknowledge(store: &changed, candidate: c, qualification: q, on)
        let (number, code) = session.keyWords(c, q)
        let resolved = AcknowledgeCommand(on: on, candidate: number, qualification: code).statement
        try session.commit(resolved, changed)
        session.console.out("\(on ? "Acknowledged" : "Unacknowledged") \(number) \(session.store.formalName(candidate: c)) for \(qualification)\n")
        return resolved
    }
}
