import ExamStore

/// `set dates uk|iso`: how tables, statements, `why` and messages write dates.
struct SetDatesCommand: Command, Equatable {
    var style: DateStyle

    static let info = CommandInfo(
        words: ["set", "dates"], synopsis: "set dates uk|iso",
        summary: "how dates are shown: uk 22/08/2024 (the default) or iso 2024-08-22",
        help: "Tables, Markdown, statements, why and messages write dates this way; CSV and JSON are always ISO "
            + "(2024-08-22), for other programs. Dates are read in either form whatever this says.\n"
            + "  set dates iso\n  set dates uk",
        completion: .choices(DateStyle.allCases.map(\.rawValue)), topics: ["dates", "date"],
        parse: { try SetDatesCommand(&$0) })

    init(style: DateStyle) { self.style = style }

    init(_ r: inout CommandReader) throws {
        let w = try r.oneOf(DateStyle.allCases.map(\.rawValue), "date style")
        style = DateStyle(rawValue: w.text.lowercased())!
        try r.end()
    }

    var statement: String { "set dates " + style.rawValue }

    func run(in session: Session) throws -> String? {
        session.dates = style
        return statement
    }
}
