import ExamStore
import ExamRules

/// A shared workspace (`open postgresql://HOST/DB`): the same workspace as a folder's, kept in a
/// database several sessions use at once. Each statement first applies the changes other
/// sessions made; each change is checked again against them before it is committed.
extension Session {
    func openShared(_ address: String) throws {
        let shared = try SharedWorkspace(address: address)
        let loginRole = try shared.loginRole()
        let previous = (store, explicitSeries, base, journaledBase, journal, workspace, workspaceLock, workspaceReadOnly, self.shared)
        store = Store()
        explicitSeries = nil
        base = nil
        journaledBase = nil
        journal = nil
        workspaceLock = nil
        self.shared = nil
        let changes: Int
        do {
            changes = try catchUp(shared)
        } catch {
            (store, explicitSeries, base, journaledBase, journal, workspace, workspaceLock, workspaceReadOnly, self.shared) = previous
            throw error
        }
        self.shared = shared
        workspace = shared.name
        workspaceReadOnly = false
        refusedOnReplay = 0
        // The login decides the role; --role may only lower it.
        role = min(role, loginRole)
        console.err("Opened workspace \(shared.name) as \(shared.db.login) (\(role.rawValue)): \(changes) \(changes == 1 ? "change" : "changes") replayed"
            + (store.candidates.count > 0 ? "; \(store.summary)" : "") + "\n")
    }

    /// A load or the demo: a change that replaces the data, whose rows a shared workspace keeps in its pack tables.
    static func isBase(_ statement: String) -> Bool {
        statement == "demo" || (statement.hasPrefix("load ") && !statement.hasPrefix("load broadsheet "))
    }

    /// Applies what other sessions journaled since this one last looked; returns how many changes.
    /// When a load is among them, the data is read from the pack tables (in the same snapshot as
    /// the journal rows, so the rows after the load are applied to the pack they were made on).
    @discardableResult
    func catchUp(_ shared: SharedWorkspace) throws -> Int {
        var events = try shared.unseen()
        guard !events.isEmpty else { return 0 }
        var pack: [String: [UInt8]]?
        if events.contains(where: { Session.isBase($0.statement) }) {
            if shared.inChange {
                pack = try shared.packFiles()
            } else {
                (events, pack) = try shared.transaction("REPEATABLE READ READ ONLY") { (try shared.unseen(), try shared.packFiles()) }
            }
            if let last = events.lastIndex(where: { Session.isBase($0.statement) }) { events.removeFirst(last) }
        }
        let saved = (file, line, source, replaying, console.muted, replayedFrom)
        defer { (file, line, source, replaying, console.muted, replayedFrom) = saved }
        replaying = true
        replayedFrom = shared
        console.muted = true
        var refused: [Int64] = []
        for event in events {
            if Session.isBase(event.statement) {
                guard let pack else { continue }
                store = try PackImporter.load(files: pack, directory: shared.name).store
                base = event.statement
                journaledBase = event.statement
            } else if !run(event.statement, file: shared.name, line: Int(event.seq)) {
                refused.append(event.seq)
            }
            shared.seen = event.seq
        }
        if !refused.isEmpty {
            console.report("warning: \(refused.count) of the changes in \(shared.name) did not apply here (journal rows \(refused.map(String.init).joined(separator: ", "))); answers may leave them out\n")
        }
        return events.count
    }
}

extension SharedWorkspace {
    /// The exq role of this connection's login: its membership of `exq_teacher`, `exq_senior` or
    /// `exq_officer` (the lowest wins); a login in none of them (the database's owner, the
    /// technician) and a superuser are exams officers.
    func loginRole() throws -> Role {
        // A superuser counts as a member of every role: the technician, not a teacher.
        if try db.execute("SELECT rolsuper FROM pg_roles WHERE rolname = session_user").first?[0] == "t" { return .examsOfficer }
        let names = try db.execute("""
            SELECT r.rolname FROM pg_roles r
            WHERE r.rolname IN ('exq_officer', 'exq_senior', 'exq_teacher') AND pg_has_role(session_user, r.oid, 'MEMBER')
            """).compactMap { $0[0] }
        if names.contains("exq_teacher") { return .teacher }
        if names.contains("exq_senior") { return .seniorLeader }
        return .examsOfficer
    }
}
