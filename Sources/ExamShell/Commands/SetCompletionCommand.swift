import ExamRules

/// `set completion CANDIDATE QUALIFICATION SERIES`: moves an entry's estimated completion.
struct SetCompletionCommand: Command, Equatable {
    var candidate: Word
    var qualification: Word
    var series: Word

    static let info = CommandInfo(
        words: ["set", "completion"], synopsis: "set completion CANDIDATE QUALIFICATION SERIES",
        summary: "move an entry's estimated completion to another series",
        help: "Eligibility is checked for entries completing in the current series.\n  set completion 0042 05839 \"Summer 2025\"",
        changesData: true, completion: .candidates,
        parse: { try SetCompletionCommand(&$0) })

    init(candidate: Word, qualification: Word, series: Word) {
        self.candidate = candidate
        self.qualification = qualification
        self.series = series
    }

    init(_ r: inout CommandReader) throws {
        candidate = try r.word("a candidate")
        qualification = try r.word("a qualification's entry code")
        series = try r.word("a series such as \"Summer 2025\"")
        try r.end()
    }

    var statement: String { "set completion " + candidate.quoted + " " + qualification.quoted + " " + series.quoted }

    func run(in session: Session) throws -> String? {
        let (c, q) = try session.entry(candidate, qualification)
        var changed = session.store
        do {
            try Tracking.setCompletion(store: &changed, candidate: c, qualification: q, series: series.text)
        } catch {
            throw session.failure(error.description, at: series)
        }
        let (number, code) = session.keyWords(c, q)
        let resolved = SetCompletionCommand(candidate: number, qualification: code, series: series).statement
        try session.commit(resolved, changed)
        session.console.out("Estimated completion of \(number) \(session.store.formalName(candidate: c)) for \(qualification) is now \(series)\n")
        return resolved
    }
}
