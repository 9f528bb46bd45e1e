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

    /// `open DIR` (and `--workspace DIR`): creates the folder when missing, sets aside a torn
    /// last entry, replays the journal, then journals every change from here on.
    func openWorkspace(_ dir: String) throws {
        guard !dir.isEmpty else { throw failure("open what?", notes: ["name a workspace folder, such as: open results-2024"]) }
        try checkWritable(dir)
        try FileSystem.makeDirectory(dir)
        try readSettings(dir)
        let path = dir + "/" + Session.journalName
        var contents = Journal.Contents(entries: [], tornTail: nil, goodLength: 0)
        if FileSystem.exists(path) { contents = try Journal.read(path) }
        if let tail = contents.tornTail {
            // Keep the torn bytes for a person to look at, then cut them off: never half-applied.
            let aside = dir + "/" + Session.tornName
            let earlier = (try? FileSystem.readText(aside)) ?? ""
            try FileSystem.writeDurably(earlier + tail + (tail.hasSuffix("\n") ? "" : "\n"), to: aside)
            try Journal.truncate(path, to: contents.goodLength)
            console.report("\(path):\(contents.entries.last.map { $0.line + $0.statement.split(separator: "\n").count + 1 } ?? 1):1: warning: the journal's last entry was cut off (a crash or power cut while writing it); it was not applied and is kept in \(aside)\n")
        }
        // The workspace's state replaces the session's data; the clock and settings stay.
        let previous = (store, explicitSeries, base, journal, workspace)
        store = Store()
        explicitSeries = nil
        base = nil
        journal = nil
        replaying = true
        console.muted = true
        var failures = 0
        for entry in contents.entries {
            if !run(entry.statement, file: path, line: entry.line) { failures += 1 }
        }
        replaying = false
        console.muted = false
        do {
            journal = try Journal(path: path)
        } catch {
            (store, explicitSeries, base, journal, workspace) = previous
            throw error
        }
        workspace = dir
        let changes = contents.entries.count
        console.err("Opened workspace \(dir): \(changes) \(changes == 1 ? "change" : "changes") replayed"
            + (failures > 0 ? ", \(failures) refused (above)" : "")
            + (store.candidates.count > 0 ? "; \(store.summary)" : "") + "\n")
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
            // The command line may lower the workspace's role, never raise it.
            role = min(r, commandLineRole ?? r)
        }
    }

    /// `compact`: rewrites the journal as the shortest script giving the same state: the load
    /// it starts from, then one statement per difference from that load.
    func compact(_ rest: String) throws {
        guard rest.isEmpty else { throw failure("'compact' takes nothing after it") }
        guard let journal, let workspace else { throw failure("no workspace is open", notes: ["open one first: open DIR, or start exq with --workspace DIR"]) }
        let statements = try shortestScript()
        let before = (try? Journal.read(journal.path).entries.count) ?? 0
        try journal.rewrite(statements)
        console.out("Compacted the journal of \(workspace): \(before) entries became \(statements.count)\n")
    }

    /// The statements that rebuild the current data from its base load.
    func shortestScript() throws -> [String] {
        var out: [String] = []
        if let explicitSeries { out.append("set series " + Session.quoted(explicitSeries)) }
        guard let base else { return out }
        out.insert(base, at: 0)
        let original: Store
        if base == "demo" {
            original = DemoCentre.make()
        } else {
            let words = Words.split(String(base.dropFirst("load ".count)))
            original = try PackImporter.load(directory: words[0]).store
        }
        let p = store.pool, o = original.pool
        // Entries: acknowledgement and estimated completion.
        for i in 0..<min(store.entries.count, original.entries.count) {
            let c = store.entries.candidate[i], q = store.entries.qualification[i]
            if store.entries.acknowledged[i] != original.entries.acknowledged[i] {
                out.append((store.entries.acknowledged[i] ? "acknowledge " : "unacknowledge ") + entryKey(c, q))
            }
            if p[store.entries.completion[i]] != o[original.entries.completion[i]] {
                out.append("set completion " + entryKey(c, q) + " " + Session.quoted(p[store.entries.completion[i]]))
            }
        }
        // Reviews: those added, then every field that differs from the load.
        let r = store.reviews
        for i in 0..<r.count {
            let id = Session.quoted(p[r.id[i]])
            var fields: [(String, String)] = []
            func day(_ d: Day) -> String { d.isBlank ? "\"\"" : d.iso }
            if i >= original.reviews.count {
                var add = "add review " + entryKey(r.candidate[i], r.qualification[i]) + " " + r.service[i].code + " requested " + r.requested[i].iso
                if !r.consent[i].isBlank { add += " consent " + r.consent[i].iso }
                if !r.submitted[i].isBlank { add += " submitted " + r.submitted[i].iso }
                if r.component[i] != 0 { add += " component " + Session.quoted(p[r.component[i]]) }
                if r.fee[i] != Store.noNumber { add += " fee " + Session.pounds(r.fee[i]) }
                out.append(add + " id " + id)
                if r.outcome[i] != .none { fields.append(("outcome", r.outcome[i].name)) }
                if !r.outcomeDate[i].isBlank { fields.append(("outcome_date", r.outcomeDate[i].iso)) }
                if r.newGrade[i] != 0 { fields.append(("new_grade", Session.quoted(p[r.newGrade[i]]))) }
            } else {
                let b = original.reviews
                if r.consent[i] != b.consent[i] { fields.append(("consent", day(r.consent[i]))) }
                if r.submitted[i] != b.submitted[i] { fields.append(("submitted", day(r.submitted[i]))) }
                if r.outcome[i] != b.outcome[i] { fields.append(("outcome", r.outcome[i] == .none ? "\"\"" : r.outcome[i].name)) }
                if r.outcomeDate[i] != b.outcomeDate[i] { fields.append(("outcome_date", day(r.outcomeDate[i]))) }
                if p[r.newGrade[i]] != o[b.newGrade[i]] { fields.append(("new_grade", r.newGrade[i] == 0 ? "\"\"" : Session.quoted(p[r.newGrade[i]]))) }
                if r.fee[i] != b.fee[i] { fields.append(("fee", r.fee[i] == Store.noNumber ? "\"\"" : Session.pounds(r.fee[i]))) }
                if p[r.component[i]] != o[b.component[i]] { fields.append(("component", r.component[i] == 0 ? "\"\"" : Session.quoted(p[r.component[i]]))) }
            }
            if !fields.isEmpty { out.append("update review \(id) set " + fields.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")) }
        }
        // Certificates: received, issued, destroyed.
        let cs = store.certificates, cb = original.certificates
        for i in 0..<min(cs.count, cb.count) {
            var fields: [String] = []
            for (name, now, then) in [("received", cs.received[i], cb.received[i]), ("issued", cs.issued[i], cb.issued[i]),
                                      ("destroyed", cs.destroyed[i], cb.destroyed[i])] where now != then {
                fields.append("\(name) = " + (now.isBlank ? "\"\"" : now.iso))
            }
            if !fields.isEmpty {
                out.append("update certificate " + entryKey(cs.candidate[i], cs.qualification[i]) + " "
                           + Session.quoted(p[cs.series[i]]) + " set " + fields.joined(separator: ", "))
            }
        }
        return out
    }

    /// Pence as pounds the way a user types them: 6600 → 66, 750 → 7.50.
    static func pounds(_ pence: Int32) -> String {
        pence % 100 == 0 ? String(pence / 100) : "\(pence / 100).\(pence % 100 < 10 ? "0" : "")\(pence % 100)"
    }
}
