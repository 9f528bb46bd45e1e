/// `help` and `help TOPIC`: the commands (from the registry), the stages and the rules.
struct HelpCommand: Command, Equatable {
    var topic: String

    static let info = CommandInfo(
        words: ["help"], synopsis: "help [TOPIC]",
        summary: "this list; help TOPIC shows a command, stage or topic with examples",
        help: "  help\n  help where\n  help add review\n  help timing", completion: .topics,
        parse: { r in HelpCommand(topic: r.rest()) })

    var statement: String { topic.isEmpty ? "help" : "help " + topic }

    func run(in session: Session) throws -> String? {
        session.console.out(Help.text(for: topic))
        return statement
    }
}
