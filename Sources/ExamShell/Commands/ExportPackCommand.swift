import ExamStore
import ExamQuery
import ExamRules

/// `export pack DIR [--xlsx]`: writes the loaded data as a data pack, of CSV files or of Excel workbooks.
struct ExportPackCommand: Command, Equatable {
    var folder: Word
    var workbooks = false

    static let info = CommandInfo(
        words: ["export", "pack"], synopsis: "export pack DIR [--xlsx]",
        summary: "write the loaded data as a data pack (--xlsx: as Excel workbooks)",
        help: "  export pack riverside-pack\n  export pack riverside-pack --xlsx", completion: .files, topics: ["export"],
        parse: { r in
            let f = try r.word("a folder")
            let xlsx = r.peekWord()?.text.lowercased() == "--xlsx"
            if xlsx { _ = r.optionalWord() }
            try r.end()
            return ExportPackCommand(folder: f, workbooks: xlsx)
        })

    var statement: String { "export pack " + folder.quoted + (workbooks ? " --xlsx" : "") }

    func run(in session: Session) throws -> String? {
        try session.checkWritable(folder.text)
        // The pack the role may see: a teacher's leaves out the results under embargo. The data as
        // loaded, not as at the clock's day: a pack keeps every row and the grades as issued.
        let visible = Visibility(store: session.store, role: session.viewRole, real: session.realMoment,
                                 session: Moment(day: session.today, minutes: session.minutesNow))
        if visible.hidden > 0 { session.console.err(session.embargoNote(visible.hidden)) }
        // Audited before it is written, so no file of embargoed results exists unlogged.
        if visible.readsAudited() { try session.audit(statement) }
        let target = FileSystem.resolvedPath(folder.text) ?? folder.text
        let written = try PackWriter.write(visible.store, to: target,
                                           workbook: workbooks ? { sheet throws(Diagnostic) in try WorkbookHelper.write(sheet, name: target) } : nil)
        session.console.out("Wrote \(written.count) files to \(folder)\n")
        return statement
    }
}
