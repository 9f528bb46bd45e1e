import ExamStore

/// `set today DATE` or `set today real`: the clock for today, this week, due and overdue.
struct SetTodayCommand: Command, Equatable {
    /// Nil for the real date.
    var day: Day?

    static let info = CommandInfo(
        words: ["set", "today"], synopsis: "set today DATE|real",
        summary: "the clock: the date for today, this week, due and overdue",
        help: "The clock is not journaled: a workspace reopened tomorrow lives in tomorrow.\n  set today 2024-08-22\n  set today 22/08/2024\n  set today real",
        topics: ["today", "clock"],
        parse: { try SetTodayCommand(&$0) })

    init(day: Day?) { self.day = day }

    init(_ r: inout CommandReader) throws {
        if r.take("real") {
            day = nil
        } else {
            let w = try r.word("a date")
            guard let d = Day(parsing: w.text) else {
                throw r.error("expected a date after 'set today', found '\(w.text)'", at: w,
                              notes: ["write it as 2024-08-22 or 22/08/2024, or 'set today real' for the real date"])
            }
            day = d
        }
        try r.end()
    }

    var statement: String { "set today " + (day?.iso ?? "real") }

    func run(in session: Session) throws -> String? {
        session.fixedToday = day
        return statement
    }
}
