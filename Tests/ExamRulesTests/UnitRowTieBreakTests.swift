import ExamStore
import Testing
@testable import ExamRules

/// Which of a candidate's rows for one unit counts, as `why` shows it.
@Suite struct UnitRowTieBreakTests {
    let f = ExtendedCertificate()

    func line(for unit: Int32, _ rows: [(AchievementStatus, String, String)]) -> (UnitLine, [Int32], Store) {
        var b = f.b
        let e = b.entry(f.ann, f.q)
        let ids = rows.map { b.achievement(f.ann, f.q, unit, $0.0, grade: $0.1, series: $0.2) }
        let store = b.build()
        let line = Eligibility.units(store: store, entry: e).first { $0.unit == unit }!
        return (line, ids, store)
    }

    @Test func aPassAfterAUCounts() {
        let (line, rows, store) = line(for: f.u1, [(.achieved, "U", "January 2024"), (.achieved, "P", "Summer 2024")])
        #expect(line.row == rows[1])
        #expect(line.standing == .achieved)
        #expect(store.pool[line.grade] == "P")
        #expect(line.countsTowardGLH)
    }

    @Test func aUAfterAPassDoesNotReplaceThePass() {
        let (line, rows, _) = line(for: f.u1, [(.achieved, "P", "January 2024"), (.achieved, "U", "Summer 2024")])
        #expect(line.row == rows[0])
        #expect(line.standing == .achieved)
    }

    @Test func aResitEntryAfterAnAbsenceIsInProgress() {
        let (line, rows, store) = line(for: f.u1, [(.absent, "", "January 2024"), (.entered, "", "Summer 2024")])
        #expect(line.row == rows[1])
        #expect(line.standing == .inProgress)
        #expect(store.pool[line.series] == "Summer 2024")
        #expect(line.countsTowardGLH)
    }

    @Test func anAbsenceBeatsAU() {
        let (line, rows, _) = line(for: f.u1, [(.absent, "", "Summer 2024"), (.achieved, "U", "January 2024")])
        #expect(line.row == rows[0])
        #expect(line.standing == .absent)
        #expect(!line.countsTowardGLH)
        // And the verdict says absent this series (and, as for any absence, not yet achieved).
        let v = f.verdict([(f.u1, .achieved, "U"), (f.u1, .absent, ""), (f.u2, .achieved, "P"), (f.u3, .achieved, "P"),
                           (f.u17, .achieved, "P"), (f.u22, .achieved, "P"), (f.cc, .achieved, "P")])
        #expect(v.reasons == [.mandatoryUnitNotAchieved, .absentFromMandatoryExam])
    }

    @Test func betweenTwoPassesTheLatestSeriesCountsWhateverTheFileOrder() {
        let (line, rows, store) = line(for: f.u1, [(.achieved, "M", "Summer 2024"), (.achieved, "P", "January 2024")])
        #expect(line.row == rows[0])
        #expect(store.pool[line.grade] == "M")
    }

    @Test func betweenTwoRowsOfOneSeriesTheLaterRowCounts() {
        let (line, rows, _) = line(for: f.u1, [(.claimed, "", "Summer 2024"), (.entered, "", "Summer 2024")])
        #expect(line.row == rows[1])
        #expect(line.status == .entered)
    }

    @Test func whyListsEveryUnitInUnitOrderWithNoRowWhereThereIsNone() {
        var b = f.b
        let e = b.entry(f.ann, f.q)
        b.achievement(f.ann, f.q, f.u3, .claimed)
        let store = b.build()
        let lines = Eligibility.units(store: store, entry: e)
        #expect(lines.map { store.pool[store.units.code[Int($0.unit)]] } == ["1", "2", "3", "17", "22", "CC"])
        #expect(lines.map(\.standing) == [.noRow, .noRow, .inProgress, .noRow, .noRow, .noRow])
        #expect(lines.map(\.mandatory) == [true, true, true, false, false, false])
        #expect(lines[0].assessment == .exam && lines[2].assessment == .moderated)
        #expect(lines[0].row == nil && lines[0].status == nil)
        #expect(lines.map(\.glh) == [90, 90, 60, 60, 60, 90])
    }

    @Test func seriesNamesAreOrderedByYearThenMonth() {
        #expect(SeriesName.order("January 2025")! > SeriesName.order("Summer 2024")!)
        #expect(SeriesName.order("November 2024")! > SeriesName.order("June 2024")!)
        #expect(SeriesName.order("Summer 2024") == SeriesName.order("June 2024"))
        #expect(SeriesName.order("Summer") == nil)
    }
}
