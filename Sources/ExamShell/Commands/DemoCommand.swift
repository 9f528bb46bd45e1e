import ExamDemo

/// `demo`: replaces the data with the built-in demo centre.
struct DemoCommand: Command, Equatable {
    static let info = CommandInfo(
        words: ["demo"], synopsis: "demo",
        summary: "replace what is loaded with the built-in demo centre",
        help: "help demo-centre says what it holds.\n  demo",
        changesData: true,
        parse: { r in try r.end(); return DemoCommand() })

    var statement: String { "demo" }

    func run(in session: Session) throws -> String? {
        try session.commit("demo", DemoCentre.make())
        session.base = "demo"
        session.journaledBase = "demo"
        return "demo"
    }
}
