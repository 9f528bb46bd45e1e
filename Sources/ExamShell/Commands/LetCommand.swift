import ExamQuery

/// `let NAME = QUERY`: names a query, to use as a source.
struct LetCommand: Command, Equatable {
    var name: Word
    /// The query as written, and where it starts in the statement (so carets point into the line as typed).
    var query: String
    var queryOffset = 0

    static let info = CommandInfo(
        words: ["let"], synopsis: "let NAME = QUERY",
        summary: "name a query to use as a source",
        help: "The query is checked now, so a mistake shows here rather than at first use.\n  let atrisk = entries | where at_risk\n  atrisk | count by qualification",
        parse: { try LetCommand(&$0) })

    init(name: Word, query: String) {
        self.name = name
        self.query = query
    }

    init(_ r: inout CommandReader) throws {
        guard r.current.kind == .word, let n = r.optionalWord() else { throw r.error("expected a name for the query, found \(r.found)") }
        guard n.text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), n.text.first?.isLetter == true else {
            throw r.error("'\(n.text)' cannot name a query", at: n, notes: ["use letters, digits and _, starting with a letter"])
        }
        guard Collection(rawValue: n.text.lowercased()) == nil else {
            throw r.error("'\(n.text)' is a collection; choose another name for the query", at: n)
        }
        name = n
        try r.expectSymbol("=")
        queryOffset = r.restOffset
        query = r.rest()
        guard !query.isEmpty else { throw r.error("expected a query after '='") }
    }

    static func == (a: LetCommand, b: LetCommand) -> Bool { a.name == b.name && a.query == b.query }

    var statement: String { "let " + name.text + " = " + query }

    func run(in session: Session) throws -> String? {
        let padded = String(repeating: " ", count: queryOffset) + query
        let source = SourceText(padded, file: session.file, firstLine: session.line)
        let pipeline = try Parser.parse(padded, file: session.file, firstLine: session.line)
        // Check it runs now, so a mistake shows at `let` rather than at first use.
        let evaluator = Evaluator(store: session.visibility.store, today: session.today, series: session.series,
                                  params: session.params, named: session.named, source: source)
        _ = try evaluator.run(pipeline)
        session.named[name.text] = pipeline
        session.console.err("Defined \(name): use it as a source, such as: \(name) | count\n")
        return session.source.text
    }
}
