/// `statements to DIR`: one statement of results a file, for each candidate with results.
struct StatementsCommand: Command, Equatable {
    var folder: Word

    static let info = CommandInfo(
        words: ["statements"], synopsis: "statements to DIR",
        summary: "write a statement of results for every candidate with results released this series",
        help: "  statements to statements-2024", completion: .files,
        parse: { r in
            try r.expect("to")
            let f = try r.word("a folder")
            try r.end()
            return StatementsCommand(folder: f)
        })

    var statement: String { "statements to " + folder.quoted }

    func run(in session: Session) throws -> String? {
        try session.statements(to: folder.text)
        return statement
    }
}
