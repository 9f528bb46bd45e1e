/// `run FILE`: runs a script inside the session; its first error stops it.
struct RunCommand: Command, Equatable {
    var path: Word

    static let info = CommandInfo(
        words: ["run"], synopsis: "run FILE",
        summary: "run a script of statements",
        help: "The statements it runs are logged one by one (for save session), not the run.\n  run Examples/restricted-release.exq",
        completion: .files, topics: ["scripts"],
        parse: { r in
            let p = try r.word("a script, such as Examples/results-day.exq")
            try r.end()
            return RunCommand(path: p)
        })

    var statement: String { "run " + path.quoted }

    func run(in session: Session) throws -> String? {
        try session.runScript(path: path.text)
        return nil
    }
}
