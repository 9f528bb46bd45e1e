/// `compact`: rewrites the open workspace's journal as the shortest script giving the same state.
struct CompactCommand: Command, Equatable {
    static let info = CommandInfo(
        words: ["compact"], synopsis: "compact",
        summary: "rewrite the workspace's journal as the shortest script giving the same state",
        help: "The load it starts from, then one statement per difference from that load.\n  open results-2024\n  compact",
        parse: { r in try r.end(); return CompactCommand() })

    var statement: String { "compact" }

    func run(in session: Session) throws -> String? {
        try session.compact()
        return nil
    }
}
