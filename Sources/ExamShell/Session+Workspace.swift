import ExamStore
import ExamRules
import ExamDemo
import ExamQuery

/// Workspaces: a folder whose journal holds every change made in it, replayed on opening.
///
/// The clock is not journaled: a workspace reopened tomorrow lives in tomorrow. Changes that
/// say `today` are journaled with the date they meant.
extension Session {
    static let journalName = "journal.exq"
    static let tornName = "journal.torn"

    /// `open DIR` (and `--workspace DIR`): creates the folder when missing, takes its lock (or,
    /// when another session holds it, opens read-only), sets aside a torn last entry, replays the
    /// journal, then journals every change from here on. A replay that refused any entry leaves
    /// the workspace open with the rest, and fails, so a script stops and `compact` refuses.
    func openWorkspace(_ dir: String) throws {
        guard !dir.isEmpty else { throw failure("open what?", notes: ["name a workspace folder, such as: open results-2024"]) }
        if SharedWorkspace.isAddress(dir) { return try openShared(dir) }
        try checkWritable(dir, workspaceFiles: true)
        try FileSystem.makeDirectory(dir)
        try readSettings(dir)
        let lock: WorkspaceLock?
        var holder: String?
        if let held = workspaceLock, let workspace, FileSystem.resolvedPath(workspace) == FileSystem.resolvedPath(dir) {
            lock = held  // reopening the workspace this session holds
        } else {
            switch try WorkspaceLock.take(dir) {
            case .held(let l): lock = l
            case .taken(let by): lock = nil; holder = by
            }
        }
        let path = dir + "/" + Session.journalName
        var contents = Journal.Contents(entries: [], tornTail: nil, goodLength: 0)
        if FileSystem.exists(path) { contents = try Journal.read(path) }
        try checkJournal(contents.entries, path: path)
        if let tail = contents.tornTail, lock != nil {
            // Keep the torn bytes for a person to look at, then cut them off: never half-applied.
            let aside = dir + "/" + Session.tornName
            let earlier = (try? FileSystem.readText(aside)) ?? ""
            try FileSystem.writeDurably(earlier + tail + (tail.hasSuffix("\n") ? "" : "\n"), to: aside, mode: 0o600)
            try Journal.truncate(path, to: contents.goodLength)
            console.report("\(path):\(contents.entries.last.map { $0.line + $0.statement.split(separator: "\n").count + 1 } ?? 1):1: warning: the journal's last entry was cut off (a crash or power cut while writing it); it was not applied and is kept in \(aside)\n")
        }
        // The workspace's state replaces the session's data; the clock and settings stay.
        let previous = (store, explicitSeries, base, journaledBase, journal, workspace, workspaceLock, workspaceReadOnly)
        shared = nil
        store = Store()
        explicitSeries = nil
        base = nil
        journaledBase = nil
        journal = nil
        workspaceLock = nil
        replaying = true
        console.muted = true
        var refused: [Int] = []
        for entry in contents.entries {
            if !run(entry.statement, file: path, line: entry.line) { refused.append(entry.line) }
        }
        replaying = false
        console.muted = false
        do {
            journal = lock == nil ? nil : try Journal(path: path)
        } catch {
            (store, explicitSeries, base, journaledBase, journal, workspace, workspaceLock, workspaceReadOnly) = previous
            throw error
        }
        workspace = dir
        workspaceLock = lock
        workspaceReadOnly = lock == nil
        refusedOnReplay = refused.count
        let changes = contents.entries.count
        if let holder {
            console.report("warning: the workspace \(dir) is in use by another session (\(holder)), so it is open read-only here: "
                + "you can ask questions, but changes are refused until that session ends\n")
        }
        console.err("Opened workspace \(dir): \(changes) \(changes == 1 ? "change" : "changes") replayed"
            + (refused.isEmpty ? "" : ", \(refused.count) refused")
            + (store.candidates.count > 0 ? "; \(store.summary)" : "") + "\n")
        if !refused.isEmpty {
            throw failure("the journal of \(dir) has \(refused.count) \(refused.count == 1 ? "entry" : "entries") that did not replay (\(path) line \(refused.map(String.init).joined(separator: ", ")))",
                          notes: ["the workspace is open without them; compact is refused until they replay",
                                  "run exq with the same folders in place (a pack that moved, a file renamed) and open it again"])
        }
    }

    /// Lets go of the open workspace (its journal and its lock); the data stays.
    func closeWorkspace() {
        journal = nil
        shared = nil
        workspaceLock = nil
        workspace = nil
        workspaceReadOnly = false
        refusedOnReplay = 0
    }

    /// A journal is data, not a script: each entry must be a command that changes data. Checked
    /// before anything is replayed or written, so a journal holding a `save`, `record`, `open`
    /// or query opens nothing.
    func checkJournal(_ entries: [Journal.Entry], path: String) throws {
        for entry in entries {
            let source = SourceText(entry.statement, file: path, firstLine: entry.line)
            let parsed: CommandRegistry.Parsed?
            do {
                parsed = try CommandRegistry.parse(source)
            } catch let d as Diagnostic {
                throw Diagnostic(file: d.file, line: d.line, column: d.column, message: "the journal cannot be read here: " + d.message,
                                 sourceLine: d.sourceLine, length: d.length, notes: d.notes + ["the workspace was not opened; nothing was changed"])
            }
            guard let parsed, parsed.info.changesData else {
                let what = parsed.map { "'\($0.info.name)'" } ?? "a query"
                let first = entry.statement.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                throw Diagnostic(file: path, line: entry.line, column: 1,
                                 message: "a journal holds only changes to the data, and \(what) is not one",
                                 sourceLine: first, length: max(1, first.count),
                                 notes: ["the workspace was not opened; nothing was changed", "remove the line, or open a copy without it"])
            }
        }
    }

    /// `DIR/settings`: `role = teacher` (and `#` comments). A --role on the command line may only lower it.
    func readSettings(_ dir: String) throws {
        let path = dir + "/settings"
        guard FileSystem.exists(path) else { return }
        for (n, raw) in try FileSystem.readText(path).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
            guard parts.count == 2, parts[0].lowercased() == "role" else {
                throw Diagnostic(file: path, line: n + 1, column: 1, message: "expected 'role = exams-officer', 'role = senior-leader' or 'role = teacher'", sourceLine: line, length: line.count)
            }
            guard let r = Role(rawValue: parts[1].lowercased()) else {
                throw Diagnostic(file: path, line: n + 1, column: line.count - parts[1].count + 1, message: "unknown role '\(parts[1])'",
                                 sourceLine: line, length: parts[1].count, notes: ["roles: " + Role.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            // A role only goes down: the command line's, or an earlier workspace's, is never raised.
            role = min(role, r)
        }
    }

    /// `compact`: rewrites the journal as the shortest script giving the same state: the load
    /// it starts from, then one statement per difference from that load.
    func compact() throws {
        guard let workspace else { throw failure("no workspace is open", notes: ["open one first: open DIR, or start exq with --workspace DIR"]) }
        guard shared == nil else {
            throw failure("the shared workspace \(workspace) keeps every change as it was made, for all its sessions, so its journal is not compacted")
        }
        guard let journal, !workspaceReadOnly else {
            throw failure("the workspace \(workspace) is open read-only (another exq session holds it), so its journal was not compacted")
        }
        guard refusedOnReplay == 0 else {
            throw failure("the journal of \(workspace) has entries that did not replay; compacting now would lose them, so it was not compacted",
                          notes: ["fix what they need (a pack that moved) and open the workspace again"])
        }
        let statements = try shortestScript()
        try checkRebuilds(statements)
        let before = (try? Journal.read(journal.path).entries.count) ?? 0
        try journal.rewrite(statements)
        console.out("Compacted the journal of \(workspace): \(before) entries became \(statements.count)\n")
    }

    /// The statements that rebuild the current data from its base load, each a command's
    /// canonical statement.
    func shortestScript() throws -> [String] {
        var out: [String] = []
        if let explicitSeries { out.append(SetSeriesCommand(series: Word(explicitSeries)).statement) }
        guard let base = journaledBase else { return out }
        out.insert(base, at: 0)
        let original: Store
        if base == "demo" {
            original = DemoCentre.make()
        } else {
            guard let parsed = try CommandRegistry.parse(SourceText(base)), let load = parsed.command as? LoadCommand else {
                throw failure("cannot read the load this workspace starts from: \(base)")
            }
            original = try PackImporter.load(directory: load.folder.text, workbooks: WorkbookHelper.read).store
        }
        let p = store.pool, o = original.pool
        func day(_ d: Day) -> Word { Word(d.isBlank ? "" : d.iso) }
        // Entries: acknowledgement and estimated completion.
        for i in 0..<min(store.entries.count, original.entries.count) {
            let (number, code) = keyWords(store.entries.candidate[i], store.entries.qualification[i])
            if store.entries.acknowledged[i] != original.entries.acknowledged[i] {
                out.append(AcknowledgeCommand(on: store.entries.acknowledged[i], candidate: number, qualification: code).statement)
            }
            if p[store.entries.completion[i]] != o[original.entries.completion[i]] {
                out.append(SetCompletionCommand(candidate: number, qualification: code, series: Word(p[store.entries.completion[i]])).statement)
            }
        }
        // Reviews: those added, then every field that differs from the load.
        let r = store.reviews
        for i in 0..<r.count {
            let id = Word(p[r.id[i]])
            var fields: [Assignment] = []
            func set(_ field: String, _ value: Word) { fields.append(Assignment(field: Word(field), value: value)) }
            if i >= original.reviews.count {
                let (number, code) = keyWords(r.candidate[i], r.qualification[i])
                out.append(AddReviewCommand(candidate: number, qualification: code, service: Word(r.service[i].code),
                                            requested: .day(r.requested[i]),
                                            consent: r.consent[i].isBlank ? nil : .day(r.consent[i]),
                                            submitted: r.submitted[i].isBlank ? nil : .day(r.submitted[i]),
                                            component: r.component[i] != 0 ? Word(p[r.component[i]]) : nil,
                                            fee: r.fee[i] != Store.noNumber ? Word(Session.pounds(r.fee[i])) : nil, id: id).statement)
                if r.outcome[i] != .none { set("outcome", Word(r.outcome[i].name)) }
                if !r.outcomeDate[i].isBlank { set("outcome_date", day(r.outcomeDate[i])) }
                if r.newGrade[i] != 0 { set("new_grade", Word(p[r.newGrade[i]])) }
            } else {
                let b = original.reviews
                if r.consent[i] != b.consent[i] { set("consent", day(r.consent[i])) }
                if r.submitted[i] != b.submitted[i] { set("submitted", day(r.submitted[i])) }
                if r.outcome[i] != b.outcome[i] { set("outcome", Word(r.outcome[i] == .none ? "" : r.outcome[i].name)) }
                if r.outcomeDate[i] != b.outcomeDate[i] { set("outcome_date", day(r.outcomeDate[i])) }
                if p[r.newGrade[i]] != o[b.newGrade[i]] { set("new_grade", Word(p[r.newGrade[i]])) }
                if r.fee[i] != b.fee[i] { set("fee", Word(r.fee[i] == Store.noNumber ? "" : Session.pounds(r.fee[i]))) }
                if p[r.component[i]] != o[b.component[i]] { set("component", Word(p[r.component[i]])) }
            }
            if !fields.isEmpty { out.append(UpdateReviewCommand(id: id, changes: fields).statement) }
        }
        // Certificates: received, issued, destroyed.
        let cs = store.certificates, cb = original.certificates
        for i in 0..<min(cs.count, cb.count) {
            var fields: [Assignment] = []
            for (name, now, then) in [("received", cs.received[i], cb.received[i]), ("issued", cs.issued[i], cb.issued[i]),
                                      ("destroyed", cs.destroyed[i], cb.destroyed[i])] where now != then {
                fields.append(Assignment(field: Word(name), value: day(now)))
            }
            if !fields.isEmpty {
                let (number, code) = keyWords(cs.candidate[i], cs.qualification[i])
                out.append(UpdateCertificateCommand(candidate: number, qualification: code, series: Word(p[cs.series[i]]), changes: fields).statement)
            }
        }
        return out
    }

    /// Replays `statements` in a session of their own and checks they give exactly the data held
    /// now; `compact` refuses otherwise (a pack changed on disk since it was loaded, rows in
    /// another order), so compacting never loses a change.
    func checkRebuilds(_ statements: [String]) throws {
        let scratch = Session()
        scratch.console.muted = true
        scratch.replaying = true
        scratch.fixedToday = today
        for (i, statement) in statements.enumerated() where !scratch.run(statement, file: "compact", line: i + 1) {
            throw failure("compact would not rebuild the same data (\(statement.split(separator: "\n").first ?? "") did not run), so the journal was not compacted",
                          notes: ["has the pack changed on disk since it was loaded? reload it with load, then compact"])
        }
        if let difference = Session.difference(scratch.store, store) {
            throw failure("compact would not rebuild the same data (\(difference)), so the journal was not compacted",
                          notes: ["has the pack changed on disk since it was loaded? reload it with load, then compact"])
        }
    }

    /// The first difference between two stores' data, in words; nil when they hold the same.
    static func difference(_ a: Store, _ b: Store) -> String? {
        if a.summary != b.summary { return "\(a.summary) instead of \(b.summary)" }
        let checks: [(String, (Store) -> [String])] = [
            ("candidates", { s in (0..<s.candidates.count).map { s.pool[s.candidates.centre[$0]] + "/" + s.pool[s.candidates.number[$0]] + " " + s.formalName(candidate: Int32($0)) } }),
            ("entries", { s in (0..<s.entries.count).map { i in [s.pool[s.candidates.number[Int(s.entries.candidate[i])]], s.pool[s.qualifications.code[Int(s.entries.qualification[i])]],
                                                               s.pool[s.entries.series[i]], s.pool[s.entries.completion[i]], s.entries.acknowledged[i] ? "y" : "n"].joined(separator: "|") } }),
            ("results", { s in (0..<s.results.count).map { i in [s.pool[s.candidates.number[Int(s.results.candidate[i])]], s.pool[s.qualifications.code[Int(s.results.qualification[i])]],
                                                               s.pool[s.results.series[i]], s.pool[s.results.grade[i]], String(s.results.mark[i])].joined(separator: "|") } }),
            ("reviews", { s in (0..<s.reviews.count).map { i in
                [s.pool[s.reviews.id[i]], s.pool[s.candidates.number[Int(s.reviews.candidate[i])]], s.pool[s.qualifications.code[Int(s.reviews.qualification[i])]],
                 s.pool[s.reviews.component[i]], s.reviews.service[i].code, s.reviews.requested[i].iso, s.reviews.consent[i].iso, s.reviews.submitted[i].iso,
                 s.reviews.outcome[i].name, s.reviews.outcomeDate[i].iso, s.pool[s.reviews.newGrade[i]], String(s.reviews.fee[i])].joined(separator: "|") } }),
            ("certificates", { s in (0..<s.certificates.count).map { i in
                [s.pool[s.candidates.number[Int(s.certificates.candidate[i])]], s.pool[s.qualifications.code[Int(s.certificates.qualification[i])]],
                 s.pool[s.certificates.series[i]], s.certificates.received[i].iso, s.certificates.issued[i].iso, s.certificates.destroyed[i].iso].joined(separator: "|") } }),
        ]
        for (name, rows) in checks {
            let x = rows(a), y = rows(b)
            if let i = x.indices.first(where: { $0 < y.count && x[$0] != y[$0] }) ?? (x.count != y.count ? min(x.count, y.count) : nil) {
                return "\(name) row \(i + 1) differs"
            }
        }
        return nil
    }
}
