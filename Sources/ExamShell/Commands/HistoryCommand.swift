/// `history`: the statements typed in this and earlier interactive sessions, numbered. The
/// terminal loop answers it (it holds the history); anywhere else there is none.
struct HistoryCommand: Command, Equatable {
    static let info = CommandInfo(
        words: ["history"], synopsis: "history",
        summary: "the statements typed at the terminal, numbered (Ctrl-R searches them)",
        help: "Kept in ~/.exq_history (or $EXQ_HISTORY), the last 1,000; up and down arrows step through them.",
        parse: { r in try r.end(); return HistoryCommand() })

    var statement: String { "history" }

    func run(in session: Session) throws -> String? {
        throw session.failure("'history' lists the statements typed at a terminal; a script has none")
    }
}
