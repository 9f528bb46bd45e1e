import ExamQuery

/// `set NAME = VALUE`: a parameter, used in queries as `$NAME`.
struct SetParameterCommand: Command, Equatable {
    var name: Word
    /// The value as written after `=`.
    var value: String

    static let info = CommandInfo(
        words: ["set"], synopsis: "set NAME = VALUE",
        summary: "a parameter for queries, used as $NAME",
        help: "Settings: set today, set time, set series, set format, set rows, set timing, set completion (help set today, ...).\n  set grade = \"U\"\n  results | where grade = $grade | count",
        topics: ["parameter", "parameters"],
        parse: { try SetParameterCommand(&$0) })

    init(name: Word, value: String) {
        self.name = name
        self.value = value
    }

    init(_ r: inout CommandReader) throws {
        let n = try r.word("a parameter name")
        guard n.text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw r.error("'\(n.text)' cannot name a parameter", at: n, notes: ["use letters, digits and _"])
        }
        name = n
        try r.expectSymbol("=")
        value = r.rest()
    }

    var statement: String { "set " + name.text + " = " + value }

    func run(in session: Session) throws -> String? {
        session.params[name.text] = Value.parse(value)
        return statement
    }
}
