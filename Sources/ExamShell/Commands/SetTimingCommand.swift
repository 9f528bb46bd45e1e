/// `set timing on|off`: each statement's load, plan and run times on stderr.
struct SetTimingCommand: Command, Equatable {
    var on: Bool

    static let info = CommandInfo(
        words: ["set", "timing"], synopsis: "set timing on|off",
        summary: "print each statement's load, plan and run times (to stderr)",
        help: "As sqlite3's .timer: load is reading a data pack, plan parsing a query, run the rest. Also --timing.\n  set timing on\n  set timing off",
        parse: { try SetTimingCommand(&$0) })

    init(on: Bool) { self.on = on }

    init(_ r: inout CommandReader) throws {
        guard let w = r.peekWord(), ["on", "off"].contains(w.text.lowercased()) else {
            throw r.error("expected 'set timing on' or 'set timing off', found \(r.found)", notes: [])
        }
        _ = r.optionalWord()
        on = w.text.lowercased() == "on"
        try r.end()
    }

    var statement: String { "set timing " + (on ? "on" : "off") }

    func run(in session: Session) throws -> String? {
        session.timing = on
        return statement
    }
}
