/// `set rows N` or `set rows all`: how many rows a table shows before it says how many it cut.
struct SetRowsCommand: Command, Equatable {
    /// Nil for all.
    var rows: Int?

    static let info = CommandInfo(
        words: ["set", "rows"], synopsis: "set rows N|all",
        summary: "rows a table shows (default 50)",
        help: "  set rows all\n  set rows 20",
        parse: { try SetRowsCommand(&$0) })

    init(rows: Int?) { self.rows = rows }

    init(_ r: inout CommandReader) throws {
        if r.take("all") {
            rows = nil
        } else {
            let w = try r.word("a number of rows or 'all'")
            guard let n = Int(w.text), n > 0 else { throw r.error("expected a number of rows or 'all', found '\(w.text)'", at: w) }
            rows = n
        }
        try r.end()
    }

    var statement: String { "set rows " + (rows.map(String.init) ?? "all") }

    func run(in session: Session) throws -> String? {
        session.maxRows = rows
        return statement
    }
}
