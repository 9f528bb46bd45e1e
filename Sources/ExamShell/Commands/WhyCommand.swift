/// `why CANDIDATE`: a candidate's eligibility unit by unit, results and deadlines.
struct WhyCommand: Command, Equatable {
    var candidate: Word

    static let info = CommandInfo(
        words: ["why"], synopsis: "why CANDIDATE",
        summary: "explain a candidate's eligibility unit by unit, and their deadlines",
        help: "Name the candidate by number or by surname.\n  why 0042\n  why Hassan", completion: .candidates,
        parse: { r in
            guard !r.atEnd else { throw r.error("why who?", notes: ["name a candidate by number or surname, such as: why 0042"]) }
            let c = try r.word("a candidate")
            try r.end()
            return WhyCommand(candidate: c)
        })

    var statement: String { "why " + candidate.quoted }

    func run(in session: Session) throws -> String? {
        try session.why(candidate)
        return statement
    }
}
