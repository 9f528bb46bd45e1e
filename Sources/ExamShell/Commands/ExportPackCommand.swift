import ExamStore

/// `export pack DIR`: writes the loaded data as a data pack.
struct ExportPackCommand: Command, Equatable {
    var folder: Word

    static let info = CommandInfo(
        words: ["export", "pack"], synopsis: "export pack DIR",
        summary: "write the loaded data as a data pack",
        help: "  export pack riverside-pack", completion: .files, topics: ["export"],
        parse: { r in
            let f = try r.word("a folder")
            try r.end()
            return ExportPackCommand(folder: f)
        })

    var statement: String { "export pack " + folder.quoted }

    func run(in session: Session) throws -> String? {
        try session.checkWritable(folder.text)
        let written = try PackWriter.write(session.store, to: folder.text)
        session.console.out("Wrote \(written.count) files to \(folder)\n")
        return statement
    }
}
