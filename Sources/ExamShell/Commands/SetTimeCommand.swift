import ExamRules

/// `set time HH:MM` or `set time real`: the time of day, for the results embargo.
struct SetTimeCommand: Command, Equatable {
    /// Minutes after midnight; nil for the real time.
    var minutes: Int?

    static let info = CommandInfo(
        words: ["set", "time"], synopsis: "set time HH:MM|real",
        summary: "the time of day, for the results embargo (help embargo)",
        help: "  set time 07:30\n  set time real",
        parse: { try SetTimeCommand(&$0) })

    init(minutes: Int?) { self.minutes = minutes }

    init(_ r: inout CommandReader) throws {
        if r.take("real") {
            minutes = nil
        } else {
            let w = try r.word("a time such as 07:30")
            guard let m = Embargo.minutes(w.text) else {
                throw r.error("expected a time after 'set time', such as 07:30, found '\(w.text)'", at: w, notes: ["or 'set time real' for the real time"])
            }
            minutes = m
        }
        try r.end()
    }

    var statement: String {
        guard let minutes else { return "set time real" }
        return "set time " + Session.two(minutes / 60) + ":" + Session.two(minutes % 60)
    }

    func run(in session: Session) throws -> String? {
        session.fixedMinutes = minutes
        return statement
    }
}
