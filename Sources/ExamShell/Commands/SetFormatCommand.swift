import ExamQuery

/// `set format table|csv|json|markdown`: how answers are written.
struct SetFormatCommand: Command, Equatable {
    var format: Word

    static let info = CommandInfo(
        words: ["set", "format"], synopsis: "set format table|csv|json|markdown",
        summary: "how answers are written (tables show 50 rows; the others show all)",
        help: "Also --format on the command line.\n  set format csv\n  set format table",
        topics: ["formats", "format"],
        parse: { try SetFormatCommand(&$0) })

    init(format: Word) { self.format = format }

    init(_ r: inout CommandReader) throws {
        format = try r.oneOf(["table", "csv", "json", "markdown"], "format")
        try r.end()
    }

    var statement: String { "set format " + format.text }

    func run(in session: Session) throws -> String? {
        session.format = OutputFormat(name: format.text)!
        return statement
    }
}
