/// `quit` and `exit`: said to end an interactive session, which Ctrl-D does.
struct QuitCommand: Command, Equatable {
    var word: String

    static let quitInfo = CommandInfo(
        words: ["quit"], synopsis: "quit", summary: "leave exq (Ctrl-D)", help: "Press Ctrl-D to leave, or let the script end.",
        parse: { r in try r.end(); return QuitCommand(word: "quit") })
    static let exitInfo = CommandInfo(
        words: ["exit"], synopsis: "exit", summary: "leave exq (Ctrl-D)", help: "Press Ctrl-D to leave, or let the script end.",
        parse: { r in try r.end(); return QuitCommand(word: "exit") })

    var statement: String { word }

    func run(in session: Session) throws -> String? {
        throw session.failure("'\(word)' ends an interactive session; press Ctrl-D, or let the script end")
    }
}
