/// `set pager on|off`: in the interactive shell, an answer taller than the terminal goes
/// through `$PAGER` (else `less -SRFX`); off prints it straight to the terminal.
struct SetPagerCommand: Command, Equatable {
    var on: Bool

    static let info = CommandInfo(
        words: ["set", "pager"], synopsis: "set pager on|off",
        summary: "page answers taller than the terminal ($PAGER, else less -SRFX), in the shell only",
        help: "Scripts, pipes and files are never paged.\n  set pager off\n  set pager on",
        completion: .choices(["on", "off"]),
        parse: { try SetPagerCommand(&$0) })

    init(on: Bool) { self.on = on }

    init(_ r: inout CommandReader) throws {
        guard let w = r.peekWord(), ["on", "off"].contains(w.text.lowercased()) else {
            throw r.error("expected 'set pager on' or 'set pager off', found \(r.found)", notes: [])
        }
        _ = r.optionalWord()
        on = w.text.lowercased() == "on"
        try r.end()
    }

    var statement: String { "set pager " + (on ? "on" : "off") }

    func run(in session: Session) throws -> String? {
        session.pager = on
        return statement
    }
}
