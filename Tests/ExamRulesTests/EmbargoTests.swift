import Testing
import ExamStore
@testable import ExamRules

/// The embargo: from restricted release until 08:00 on results day, except Cambridge Technicals.
@Suite struct EmbargoTests {
    func store(type: String, level: String) -> Store {
        var b = StoreBuilder()
        let c = b.candidate("0001")
        let q = b.qualification("Q1", type: type, level: level, glh: 0)
        b.result(c, q, grade: "5")
        b.withSummer2024Calendar()
        return b.build()
    }

    func day(_ s: String) -> Day { Day(parsing: s)! }

    @Test func aGCSEResultIsUnderEmbargoUntilEightOnResultsDay() {
        let s = store(type: "GCSE", level: "2")
        #expect(Embargo.isEmbargoed(store: s, result: 0, day: day("2024-08-21"), minutes: 9 * 60))
        #expect(Embargo.isEmbargoed(store: s, result: 0, day: day("2024-08-22"), minutes: 7 * 60 + 59))
        #expect(!Embargo.isEmbargoed(store: s, result: 0, day: day("2024-08-22"), minutes: 8 * 60))
        #expect(!Embargo.isEmbargoed(store: s, result: 0, day: day("2024-08-23"), minutes: 0))
    }

    @Test func aLevelThreeResultIsReleasedAWeekEarlier() {
        let s = store(type: "A Level", level: "3")
        #expect(Embargo.isEmbargoed(store: s, result: 0, day: day("2024-08-15"), minutes: 7 * 60))
        #expect(!Embargo.isEmbargoed(store: s, result: 0, day: day("2024-08-15"), minutes: 8 * 60))
    }

    @Test func cambridgeTechnicalsAreNeverUnderEmbargo() {
        let s = store(type: "Cambridge Technical", level: "3")
        #expect(!Embargo.isEmbargoed(store: s, result: 0, day: day("2024-08-14"), minutes: 0))
    }

    @Test func theReleasesOfAllResultsAgreeWithEachResult() {
        let s = store(type: "GCSE", level: "2")
        let (perResult, releases) = Embargo.releases(store: s)
        for (d, m) in [("2024-08-21", 600), ("2024-08-22", 479), ("2024-08-22", 480)] {
            let held = Embargo.withholds(releases[Int(perResult[0])], at: Moment(day: day(d), minutes: m))
            #expect(held == Embargo.isEmbargoed(store: s, result: 0, day: day(d), minutes: m))
        }
        #expect(Embargo.withholds(releases[Int(perResult[0])], at: Moment(day: day("2024-08-21"), minutes: 600)))
    }

    @Test func rolesAndTimes() {
        #expect(Role.examsOfficer.seesRestrictedRelease && Role.seniorLeader.seesRestrictedRelease)
        #expect(!Role.teacher.seesRestrictedRelease)
        #expect(Embargo.minutes("08:00") == 480)
        #expect(Embargo.minutes("8") == nil)
        #expect(Embargo.minutes("24:00") == nil)
    }
}
