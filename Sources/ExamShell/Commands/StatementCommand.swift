/// `statement CANDIDATE`: a provisional statement of results of the current series' entries, of
/// the results the role may see (results under embargo are left out for a teacher).
struct StatementCommand: Command, Equatable {
    var candidate: Word

    static let info = CommandInfo(
        words: ["statement"], synopsis: "statement CANDIDATE",
        summary: "a provisional statement of results for one candidate",
        help: "statements to DIR writes one for every candidate with results released this series.\n  statement 0042", completion: .candidates,
        parse: { r in
            guard !r.atEnd else { throw r.error("statement for whom?", notes: ["such as: statement 0042"]) }
            let c = try r.word("a candidate")
            try r.end()
            return StatementCommand(candidate: c)
        })

    var statement: String { "statement " + candidate.quoted }

    func run(in session: Session) throws -> String? {
        let c = try session.candidate(candidate)
        let visible = session.visibility
        if visible.hidden > 0 { session.console.err(session.embargoNote(visible.hidden)) }
        if visible.readsAudited(Array(visible.store.resultsByCandidate[c])) { try session.audit(statement) }
        session.show(session.statementText(c, from: visible.store, visible: visible) ?? "")
        return statement
    }
}
