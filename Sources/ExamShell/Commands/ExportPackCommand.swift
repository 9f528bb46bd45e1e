import ExamStore
import ExamQuery
import ExamRules

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
        // The pack the role may see: a teacher's leaves out the results under embargo. The data as
        // loaded, not as at the clock's day: a pack keeps every row and the grades as issued.
        let visible = Visibility(store: session.store, role: session.viewRole, real: session.realMoment,
                                 session: Moment(day: session.today, minutes: session.minutesNow))
        if visible.hidden > 0 { session.console.err(session.embargoNote(visible.hidden)) }
        // Audited before it is written, so no file of embargoed results exists unlogged.
        if visible.readsAudited() { try session.audit(statement) }
        let written = try PackWriter.write(visible.store, to: FileSystem.resolvedPath(folder.text) ?? folder.text)
        session.console.out("Wrote \(written.count) files to \(folder)\n")
        return statement
    }
}
