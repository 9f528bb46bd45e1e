import ExamQuery

/// `save session FILE.exq`: the statements of this session that succeeded, as a script.
struct SaveSessionCommand: Command, Equatable {
    var path: Word

    static let info = CommandInfo(
        words: ["save", "session"], synopsis: "save session FILE.exq",
        summary: "write this session's statements that succeeded as a replayable script",
        help: "Then exq FILE.exq prints what the session printed.\n  save session results-day.exq",
        completion: .files,
        parse: { r in
            let p = try r.word("a file, such as results-day.exq")
            try r.end()
            return SaveSessionCommand(path: p)
        })

    var statement: String { "save session " + path.quoted }

    func run(in session: Session) throws -> String? {
        try session.checkWritable(path.text)
        try FileSystem.writeDurably(session.script, to: path.text)
        session.console.err("Saved \(session.log.count) statements to \(path); replay with: exq \(Lexer.quoted(path.text))\n")
        return nil
    }
}
