/// `statements to DIR`: one statement of results a file, for each candidate with results;
/// `statements to FILE.html`: all of them in one file, one to a printed A4 page.
struct StatementsCommand: Command, Equatable {
    var folder: Word

    static let info = CommandInfo(
        words: ["statements"], synopsis: "statements to DIR | FILE.html",
        summary: "write a statement of results for every candidate with results released this series",
        help: "A folder gets one text file per candidate; a file ending .html gets them all, one to a printed A4 page.\n  statements to statements-2024\n  statements to statements-2024.html", completion: .files,
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
