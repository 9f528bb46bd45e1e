import ExamRules

/// `set role teacher`: see the data as another role would (a trainer showing what a teacher sees
/// at 07:30 and at 08:00 on results day). Never above the role the session was started with
/// (`--role`, a workspace's settings): `set role exams-officer` goes back only as far as that.
struct SetRoleCommand: Command, Equatable {
    var role: Role

    static let info = CommandInfo(
        words: ["set", "role"], synopsis: "set role exams-officer|senior-leader|teacher",
        summary: "see the data as a role at or below the session's would (help embargo)",
        help: """
            Never above the role the session started with (--role, or the workspace's settings):
            an exams officer may see as a teacher and back; a teacher stays a teacher.
              set role teacher
              set role exams-officer
            """,
        topics: ["role"],
        parse: { try SetRoleCommand(&$0) })

    init(role: Role) { self.role = role }

    init(_ r: inout CommandReader) throws {
        let w = try r.word("a role: " + Role.allCases.map(\.rawValue).joined(separator: ", "))
        guard let role = Role(rawValue: w.text.lowercased()) else {
            throw r.error("unknown role '\(w.text)'", at: w, notes: ["roles: " + Role.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        self.role = role
        try r.end()
    }

    var statement: String { "set role " + role.rawValue }

    func run(in session: Session) throws -> String? {
        guard role <= session.role else {
            throw session.failure("this session was started as \(session.role.rawValue), and its role never goes above that",
                                  notes: ["the role is set by --role and the workspace's settings, which only lower it"])
        }
        session.shownRole = role
        session.console.err("Role: \(role.rawValue)\n")
        return statement
    }
}
