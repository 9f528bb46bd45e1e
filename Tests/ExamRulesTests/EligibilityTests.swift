import ExamStore
import Testing
@testable import ExamRules

/// An Extended Certificate (360 GLH): mandatory units 1 and 2 (exams, 90 GLH each) and 3
/// (moderated, 60), optional 17 and 22 (moderated, 60) and CC (exam, 90).
struct ExtendedCertificate {
    var b = StoreBuilder()
    let q: Int32, u1: Int32, u2: Int32, u3: Int32, u17: Int32, u22: Int32, cc: Int32
    let ann: Int32

    init() {
        q = b.qualification("05839", glh: 360)
        u1 = b.unit(q, "1", glh: 90, mandatory: true, assessment: .exam)
        u2 = b.unit(q, "2", glh: 90, mandatory: true, assessment: .exam)
        u3 = b.unit(q, "3", glh: 60, mandatory: true, assessment: .moderated)
        u17 = b.unit(q, "17", glh: 60, mandatory: false, assessment: .moderated)
        u22 = b.unit(q, "22", glh: 60, mandatory: false, assessment: .moderated)
        cc = b.unit(q, "CC", glh: 90, mandatory: false, assessment: .exam)
        ann = b.candidate("0042")
    }

    /// Ann's entry, with `rows` (unit, status, grade) as her achievements, judged in Summer 2024.
    func verdict(_ rows: [(Int32, AchievementStatus, String)], completion: String = "Summer 2024",
                 acknowledged: Bool = false) -> EntryVerdict {
        var b = self.b
        let e = b.entry(ann, q, completion: completion, acknowledged: acknowledged)
        for (u, status, grade) in rows { b.achievement(ann, q, u, status, grade: grade) }
        return Eligibility.verdict(store: b.build(), entry: e, context: b.context())
    }
}

@Suite struct EligibilityTests {
    let f = ExtendedCertificate()

    @Test func anEntryWithEveryMandatoryUnitAndEnoughGLHHasNoReasons() {
        let v = f.verdict([(f.u1, .achieved, "P"), (f.u2, .achieved, "M"), (f.u3, .achieved, "D"),
                           (f.u17, .achieved, "P"), (f.u22, .claimed, "")])
        #expect(v.reasons.isEmpty)
        #expect(v.glhAchieved == 360)
        #expect(v.glhRequired == 360)
        #expect(!v.atRisk)
        #expect(v.isUnitised)
    }

    @Test func aMandatoryUnitAchievedWithUIsTheOnlyReason() {
        let v = f.verdict([(f.u1, .achieved, "P"), (f.u2, .achieved, "P"), (f.u3, .achieved, "U"),
                           (f.u17, .achieved, "P"), (f.u22, .achieved, "P"), (f.cc, .achieved, "P")])
        #expect(v.reasons == .mandatoryUnitNotAchieved)
        #expect(v.reasons.words == ["Mandatory unit not yet achieved"])
        #expect(v.atRisk)
        #expect(v.lacksMandatory)
    }

    @Test func aMandatoryUnitWithNoRowIsNotAchieved() {
        let v = f.verdict([(f.u1, .achieved, "P"), (f.u2, .achieved, "P"),
                           (f.u17, .achieved, "P"), (f.u22, .achieved, "P"), (f.cc, .achieved, "P")])
        #expect(v.reasons == .mandatoryUnitNotAchieved)
    }

    /// DOMAIN.md (new): a unit the candidate was absent from is a unit not achieved, so an
    /// absence this series gives both reasons, and the entry lacks a mandatory unit.
    @Test func absenceFromAMandatoryExamThisSeriesIsAlsoAMandatoryUnitNotYetAchieved() {
        let v = f.verdict([(f.u1, .absent, ""), (f.u2, .achieved, "P"), (f.u3, .achieved, "P"),
                           (f.u17, .achieved, "P"), (f.u22, .achieved, "P"), (f.cc, .achieved, "P")])
        #expect(v.reasons == [.mandatoryUnitNotAchieved, .absentFromMandatoryExam])
        #expect(v.reasons.words == ["Mandatory unit not yet achieved", "Absent from a mandatory examined unit"])
        #expect(v.atRisk)
        #expect(v.lacksMandatory)
    }

    @Test func tooFewGLHIsTheOnlyReason() {
        let v = f.verdict([(f.u1, .achieved, "P"), (f.u2, .achieved, "P"), (f.u3, .achieved, "P"),
                           (f.u17, .achieved, "P")])
        #expect(v.reasons == .notEnoughGLH)
        #expect(v.reasons.words == ["Not enough guided learning hours (GLH)"])
        #expect(v.glhAchieved == 300)
        #expect(v.atRisk)
    }

    @Test func noActivityIsTheOnlyReasonWhenTheCandidateHasNoRows() {
        let v = f.verdict([])
        #expect(v.reasons == .noActivity)
        #expect(v.reasons.words == ["No activity"])
        #expect(v.atRisk)
        #expect(v.lacksMandatory)
    }

    @Test func rowsForAnotherQualificationDoNotCount() {
        var b = f.b
        let certificate = b.qualification("05838", size: "Certificate", glh: 180)
        let otherUnit1 = b.unit(certificate, "1", glh: 90)
        let e = b.entry(f.ann, f.q)
        b.achievement(f.ann, certificate, otherUnit1, .achieved, grade: "D")
        let v = Eligibility.verdict(store: b.build(), entry: e, context: b.context())
        #expect(v.reasons == .noActivity)
    }

    @Test func reasonsAreWordedInTheFixedOrder() {
        let all: Reasons = [.notEnoughGLH, .absentFromMandatoryExam, .mandatoryUnitNotAchieved, .noActivity]
        #expect(all.words == ["No activity", "Mandatory unit not yet achieved", "Absent from a mandatory examined unit",
                              "Not enough guided learning hours (GLH)"])
    }

    @Test func severalReasonsAreReportedTogether() {
        let v = f.verdict([(f.u1, .absent, ""), (f.u2, .achieved, "U")])
        #expect(v.reasons.words == ["Mandatory unit not yet achieved", "Absent from a mandatory examined unit",
                                    "Not enough guided learning hours (GLH)"])
    }

    @Test func inProgressUnitsCountTowardGLHButUAndAbsentDoNot() {
        let v = f.verdict([(f.u1, .achieved, "P"), (f.u2, .entered, ""), (f.u3, .claimed, ""),
                           (f.u17, .achieved, "U"), (f.u22, .absent, "")])
        #expect(v.glhAchieved == 240)
        #expect(v.reasons == .notEnoughGLH)
    }

    @Test func anAcknowledgedEntryIsNotAtRiskButStillLacksAMandatoryUnit() {
        let v = f.verdict([(f.u1, .achieved, "P")], acknowledged: true)
        #expect(v.reasons.contains(.mandatoryUnitNotAchieved))
        #expect(!v.atRisk)
        #expect(v.reportedReasons.isEmpty)
        #expect(v.lacksMandatory)
    }

    @Test func anEntryCompletingNextSeriesIsNotAtRisk() {
        let v = f.verdict([(f.u1, .achieved, "P")], completion: "Summer 2025")
        #expect(!v.inSeries)
        #expect(!v.reasons.isEmpty)
        #expect(!v.atRisk)
        #expect(!v.lacksMandatory)
    }

    @Test func aGCSEEntryWithoutUnitsIsNeverAtRisk() {
        var b = f.b
        let gcse = b.qualification("J560", type: "GCSE", level: "1/2", size: "", glh: nil)
        let e = b.entry(f.ann, gcse)
        let v = Eligibility.verdict(store: b.build(), entry: e, context: b.context())
        #expect(!v.isUnitised)
        #expect(v.reasons.isEmpty)
        #expect(v.inSeries)
        #expect(!v.atRisk)
    }

    @Test func withoutACurrentSeriesNothingIsAtRisk() {
        var b = f.b
        let e = b.entry(f.ann, f.q)
        let v = Eligibility.verdict(store: b.build(), entry: e, context: RuleContext(today: StoreBuilder.day("2024-08-22"), series: 0))
        #expect(v.reasons == .noActivity)
        #expect(!v.atRisk)
    }

    @Test func theColumnsAgreeWithEachVerdict() {
        var b = f.b
        let bob = b.candidate("0043"), cat = b.candidate("0044")
        let entries = [b.entry(f.ann, f.q), b.entry(bob, f.q), b.entry(cat, f.q, completion: "Summer 2025", acknowledged: true)]
        for u in [f.u1, f.u2, f.u3, f.u17, f.u22] { b.achievement(f.ann, f.q, u, .achieved, grade: "M") }
        b.achievement(bob, f.q, f.u1, .absent)
        b.achievement(cat, f.q, f.u2, .achieved, grade: "U")
        let store = b.build(), context = b.context()
        let all = entries.map { Eligibility.verdict(store: store, entry: $0, context: context) }
        let columns = EntryEligibility(store: store, context: context)
        #expect(all.map(\.atRisk) == [false, true, false])
        #expect(columns.flags(entries, .atRisk) == [false, true, false])
        #expect(columns.flags(entries, .lacksMandatory) == all.map(\.lacksMandatory))
        #expect(columns.flags(entries, .notEligible) == all.map(\.notEligible))
        #expect(columns.flags(entries, .inSeries) == all.map(\.inSeries))
        #expect(entries.map { columns.reasonSet(Int($0)) } == all.map(\.reasons))
        #expect(all[1].reasons == [.mandatoryUnitNotAchieved, .absentFromMandatoryExam, .notEnoughGLH])
        #expect(all[2].reasons == [.mandatoryUnitNotAchieved, .notEnoughGLH])
    }
}
