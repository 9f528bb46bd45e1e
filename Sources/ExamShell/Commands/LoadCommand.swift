import Glibc
import ExamStore
import ExamRules

/// `load DIR [fingerprint F]`: replaces the data with the pack's, all or nothing. With a
/// fingerprint (saved sessions, the journal), says first which files changed since.
struct LoadCommand: Command, Equatable {
    var folder: Word
    var fingerprint: Word?

    static let info = CommandInfo(
        words: ["load"], synopsis: "load DIR",
        summary: "load a data pack folder (replaces what is loaded; all or nothing)",
        help: "Any error in the pack leaves the data as it was. docs/data-pack.md says what a pack holds.\n  load packs/riverside",
        changesData: true, completion: .files,
        parse: { try LoadCommand(&$0) })

    init(folder: Word, fingerprint: Word? = nil) {
        self.folder = folder
        self.fingerprint = fingerprint
    }

    init(_ r: inout CommandReader) throws {
        folder = try r.word("a data pack folder, such as packs/riverside")
        if r.take("fingerprint") { fingerprint = try r.word("a fingerprint") }
        try r.end()
    }

    var statement: String { "load " + folder.quoted + (fingerprint.map { " fingerprint " + $0.quoted } ?? "") }

    func run(in session: Session) throws -> String? {
        let path = folder.text
        let started = SystemClock.seconds()
        if !session.replaying && isatty(2) == 1 { session.console.err("Loading \(path) … (Ctrl-C cancels)\n") }
        let recorded = fingerprint.map { PackFingerprint(text: $0.text) } ?? nil
        /// Said before anything is replayed over the pack (and before its errors, when it fails).
        func reportChanges(_ now: PackFingerprint?) {
            guard let recorded, let now, now != recorded else { return }
            session.console.report("\(session.file):\(session.line):1: warning: \(path) has changed since it was loaded here: \(now.changes(since: recorded).joined(separator: ", "))\n")
        }
        let loaded: PackLoad
        do {
            loaded = try PackImporter.load(directory: path, workbooks: WorkbookHelper.read,
                                           reviewCheck: { Tracking.newGradeProblem(store: $0, review: $1) }, dates: session.dates)
        } catch {
            if recorded != nil { reportChanges(PackFingerprint.of(folder: path)) }
            throw error
        }
        reportChanges(loaded.fingerprint)
        for w in loaded.warnings where !session.replaying { session.console.report(w.description + "\n") }
        let statement = LoadCommand(folder: folder, fingerprint: Word(loaded.fingerprint.text)).statement
        // Journaled with the folder's full path, so the journal replays the same from any folder.
        let journaled = LoadCommand(folder: Word(FileSystem.resolvedPath(path) ?? path), fingerprint: Word(loaded.fingerprint.text)).statement
        try session.commit(journaled, loaded.store)
        session.base = statement
        session.journaledBase = journaled
        session.prepareForQuestions()
        let seconds = SystemClock.seconds() - started
        session.timings.load += seconds
        if !session.replaying { session.console.err("Loaded \(session.store.summary) in \(Session.seconds(seconds))\n") }
        return statement
    }
}
