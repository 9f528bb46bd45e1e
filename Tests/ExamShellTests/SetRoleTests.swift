import Testing

/// `set role`: a session sees as a role at or below the one it was started with, never above.
struct SetRoleTests {
    static let count = "results | where qualification = \"H446\" | count"

    @Test func anOfficerSeesAsATeacherAt0730AndBackAsAnOfficer() throws {
        // 15 August 2024 07:30: A level results are embargoed until 08:00.
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-15", "--time", "07:30",
                                    "-c", Self.count, "-c", "set role teacher", "-c", Self.count,
                                    "-c", "set role exams-officer", "-c", Self.count])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout == "87\n0\n87\n")
        #expect(o.stderr.contains("results are under embargo and left out"))
    }

    @Test func aTeacherSessionNeverSeesAsAnOfficer() throws {
        let o = try ExqProcess.run(["--demo", "--today", "2024-08-15", "--time", "07:30", "--role", "teacher",
                                    "-c", "set role exams-officer", "-c", Self.count])
        #expect(o.status == 1)
        #expect(o.stdout == "")
        #expect(o.stderr.contains("exq:1:1: error: this session was started as teacher, and its role never goes above that"))
    }

    @Test func anUnknownRoleIsAnErrorAtTheWord() throws {
        let o = try ExqProcess.run(["--demo", "-c", "set role teachr"])
        #expect(o.status == 1)
        #expect(o.stderr.contains("exq:1:10: error: unknown role 'teachr'"))
    }
}
