/// `open DIR`: opens (or creates) a workspace; every change is journaled there.
struct OpenCommand: Command, Equatable {
    var folder: Word

    static let info = CommandInfo(
        words: ["open"], synopsis: "open DIR",
        summary: "open (or create) a workspace: every change is journaled there and replayed on opening",
        help: "Start with one: exq --workspace results-2024 --demo. compact rewrites its journal.\n"
            + "A trust's shared workspace is a PostgreSQL database: open postgresql://HOST/DB (README: a trust's shared workspace).\n  open results-2024",
        completion: .files, topics: ["workspace", "journal"],
        parse: { r in
            guard !r.atEnd else { throw r.error("open what?", notes: ["name a workspace folder, such as: open results-2024"]) }
            let f = try r.word("a workspace folder")
            try r.end()
            return OpenCommand(folder: f)
        })

    var statement: String { "open " + folder.quoted }

    func run(in session: Session) throws -> String? {
        try session.openWorkspace(folder.text)
        return nil
    }
}
