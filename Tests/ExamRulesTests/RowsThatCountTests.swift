import ExamStore
import Testing
@testable import ExamRules

/// DOMAIN.md "Eligibility", which rows count (new): an entry is judged on the rows of its own
/// series. Ann's Extended Certificate (360 GLH; units 1 and 2 mandatory exams of 90, 3 mandatory
/// moderated 60, 17 and 22 optional moderated 60, CC optional exam 90), completing Summer 2024.
@Suite struct RowsThatCountTests {
    let f = ExtendedCertificate()

    /// Ann's Summer 2024 entry with `rows` (unit, status, grade, series), judged in `current`.
    func verdict(_ rows: [(Int32, AchievementStatus, String, String)], completion: String = "Summer 2024",
                 current: String = "Summer 2024") -> EntryVerdict {
        var b = f.b
        let e = b.entry(f.ann, f.q, completion: completion)
        for (u, status, grade, series) in rows { b.achievement(f.ann, f.q, u, status, grade: grade, series: series) }
        return Eligibility.verdict(store: b.build(), entry: e, context: b.context(series: current))
    }

    /// Units 1, 2, 3, 17 achieved in Summer 2024 (300 GLH): unit 22 decides the last 60.
    func withFourUnits(_ unit22: (AchievementStatus, String, String)) -> EntryVerdict {
        verdict([(f.u1, .achieved, "P", "Summer 2024"), (f.u2, .achieved, "P", "January 2024"),
                 (f.u3, .achieved, "M", "Summer 2024"), (f.u17, .achieved, "P", "Summer 2024"),
                 (f.u22, unit22.0, unit22.1, unit22.2)])
    }

    @Test func aRowOfALaterSeriesNeverCounts() {
        // Unit 22 entered for... January 2025, after Summer 2024: it has not happened yet.
        let later = withFourUnits((.claimed, "", "January 2025"))
        #expect(later.reasons == .notEnoughGLH)
        #expect(later.glhAchieved == 300)
        // Even achieved: a grade of a later series is not known in Summer 2024.
        #expect(withFourUnits((.achieved, "D", "January 2025")).reasons == .notEnoughGLH)
        // The same claim in Summer 2024 makes the entry eligible.
        #expect(withFourUnits((.claimed, "", "Summer 2024")).reasons.isEmpty)
    }

    @Test func aMandatoryUnitEnteredForALaterSeriesIsNotYetAchieved() {
        let v = verdict([(f.u1, .entered, "", "January 2025"), (f.u2, .achieved, "P", "Summer 2024"),
                         (f.u3, .achieved, "P", "Summer 2024"), (f.u17, .achieved, "P", "Summer 2024"),
                         (f.u22, .achieved, "P", "Summer 2024"), (f.cc, .achieved, "P", "Summer 2024")])
        #expect(v.reasons == .mandatoryUnitNotAchieved)   // 90 + 60 * 3 + 90 = 360 GLH without unit 1
    }

    @Test func aRowInProgressFromAnEarlierSeriesIsStale() {
        // A January 2023 entry never sat: it does not hide the 60 GLH shortfall.
        let stale = withFourUnits((.entered, "", "January 2023"))
        #expect(stale.reasons == .notEnoughGLH)
        #expect(stale.glhAchieved == 300)
        // An achievement of an earlier series still counts.
        #expect(withFourUnits((.achieved, "P", "January 2023")).reasons.isEmpty)
    }

    @Test func aStaleEntryForAMandatoryUnitIsNotYetAchievedAndIsNoActivityWhenAlone() {
        #expect(verdict([(f.u1, .entered, "", "January 2024")]).reasons == .noActivity)
        let v = verdict([(f.u1, .entered, "", "January 2024"), (f.u2, .achieved, "P", "Summer 2024")])
        #expect(v.reasons == [.mandatoryUnitNotAchieved, .notEnoughGLH])
        #expect(v.lacksMandatory)
    }

    /// OCR: "absent from at least one mandatory examined unit in the current series".
    @Test func anAbsenceInAnEarlierSeriesWithNothingSinceIsOnlyNotYetAchieved() {
        let rows: [(Int32, AchievementStatus, String, String)] = [
            (f.u1, .absent, "", "January 2024"), (f.u2, .achieved, "P", "Summer 2024"), (f.u3, .achieved, "P", "Summer 2024"),
            (f.u17, .achieved, "P", "Summer 2024"), (f.u22, .achieved, "P", "Summer 2024"), (f.cc, .achieved, "P", "Summer 2024")]
        let v = verdict(rows)
        #expect(v.reasons == .mandatoryUnitNotAchieved)
        #expect(v.reasons.words == ["Mandatory unit not yet achieved"])
        #expect(v.lacksMandatory)
        // Absent again this summer: now absent from a mandatory examined unit as well.
        let again = verdict(rows + [(f.u1, .absent, "", "Summer 2024")])
        #expect(again.reasons == [.mandatoryUnitNotAchieved, .absentFromMandatoryExam])
    }

    @Test func anAbsenceFromAMandatoryModeratedUnitIsOnlyNotYetAchieved() {
        let v = verdict([(f.u1, .achieved, "P", "Summer 2024"), (f.u2, .achieved, "P", "Summer 2024"),
                         (f.u3, .absent, "", "Summer 2024"), (f.u17, .achieved, "P", "Summer 2024"),
                         (f.u22, .achieved, "P", "Summer 2024"), (f.cc, .achieved, "P", "Summer 2024")])
        #expect(v.reasons == .mandatoryUnitNotAchieved)
    }

    /// OCR: a level 2 unit below the minimum standard is 'Not Achieved', the U of a level 3 unit.
    @Test func aUnitNotAchievedIsAU() {
        let v = withFourUnits((.achieved, "Not Achieved", "Summer 2024"))
        #expect(v.reasons == .notEnoughGLH)
        #expect(v.glhAchieved == 300)
    }

    /// Series names are compared ignoring case and repeated spaces, and June is Summer.
    @Test func seriesNamesAreComparedNormalised() {
        #expect(withFourUnits((.claimed, "", "SUMMER  2024")).reasons.isEmpty)
        #expect(withFourUnits((.claimed, "", "June 2024")).reasons.isEmpty)
        let v = verdict([(f.u1, .achieved, "P", "Summer 2024")], completion: "SUMMER 2024", current: "Summer 2024")
        #expect(v.inSeries)
        #expect(v.atRisk)
    }

    /// An entry is judged in its own series, whichever series is current: a Summer 2025 entry
    /// counts its Summer 2025 claims.
    @Test func anEntryOfALaterSeriesIsJudgedInItsOwnSeries() {
        let v = verdict([(f.u1, .achieved, "P", "Summer 2024"), (f.u2, .achieved, "P", "Summer 2024"),
                         (f.u3, .claimed, "", "Summer 2025"), (f.u17, .claimed, "", "Summer 2025"),
                         (f.u22, .claimed, "", "Summer 2025")], completion: "Summer 2025")
        #expect(v.reasons.isEmpty)
        #expect(!v.inSeries)
    }

    /// `why` shows the row that counts under the same rules.
    @Test func whyShowsNoRowWhereOnlyALaterOrStaleRowExists() {
        var b = f.b
        let e = b.entry(f.ann, f.q)
        b.achievement(f.ann, f.q, f.u1, .entered, series: "January 2025")
        b.achievement(f.ann, f.q, f.u2, .entered, series: "January 2023")
        let absent = b.achievement(f.ann, f.q, f.u3, .absent, series: "Summer 2024")
        let lines = Eligibility.units(store: b.build(), entry: e)
        #expect(lines[0].standing == .noRow && lines[0].row == nil)
        #expect(lines[1].standing == .noRow && lines[1].row == nil)
        #expect(lines[2].standing == .absent && lines[2].row == absent)
    }

    /// Changing an entry's completion judges it again in its new series.
    @Test func movingCompletionJudgesTheEntryInItsNewSeries() throws {
        var b = f.b
        let e = b.entry(f.ann, f.q)
        for u in [f.u1, f.u2, f.u3, f.u17, f.u22] { b.achievement(f.ann, f.q, u, .claimed, series: "Summer 2025") }
        var store = b.build()
        #expect(Eligibility.standings(store: store).reasons[Int(e)] == Reasons.noActivity.rawValue)
        try Tracking.setCompletion(store: &store, candidate: f.ann, qualification: f.q, series: "Summer 2025")
        #expect(Eligibility.standings(store: store).reasons[Int(e)] == 0)
    }
}
