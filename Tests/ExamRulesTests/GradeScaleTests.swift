import Testing
@testable import ExamRules

@Suite struct GradeScaleTests {
    @Test func theScaleFollowsTheQualificationType() {
        #expect(GradeScale.scale(forType: "GCSE") == .gcse)
        #expect(GradeScale.scale(forType: "A Level") == .aLevel)
        #expect(GradeScale.scale(forType: "Cambridge Technical", size: "Extended Certificate") == .cambridgeTechnical)
        #expect(GradeScale.scale(forType: "Cambridge Technical", size: "Diploma") == .cambridgeTechnicalDouble)
        #expect(GradeScale.scale(forType: "cambridge technical", size: "Extended Diploma") == .cambridgeTechnicalTriple)
        #expect(GradeScale.scale(forType: "Functional Skills") == nil)
    }

    /// qualifications.csv `grading` (format 2) says how many grades a result holds, whatever the
    /// size: a Cambridge Technical written as an Extended Certificate but graded double takes `DM`.
    @Test func theGradingColumnWinsOverTheSize() {
        #expect(GradeScale.scale(forType: "Cambridge Technical", size: "Extended Certificate", grading: .double) == .cambridgeTechnicalDouble)
        #expect(GradeScale.scale(forType: "Cambridge Technical", size: "Diploma", grading: .single) == .cambridgeTechnical)
        #expect(GradeScale.scale(forType: "Cambridge Technical", size: "", grading: .triple) == .cambridgeTechnicalTriple)
        #expect(GradeScale.scale(forType: "Cambridge Technical", size: "Diploma", grading: .blank) == .cambridgeTechnicalDouble)
    }

    @Test func gradesRunBestFirstWithULast() {
        #expect(GradeScale.gcse.rank(of: "9") == 0)
        #expect(GradeScale.gcse.rank(of: "U") == 9)
        #expect(GradeScale.aLevel.grades == ["A*", "A", "B", "C", "D", "E", "U"])
        #expect(GradeScale.cambridgeTechnicalDouble.rank(of: "D*D")! < GradeScale.cambridgeTechnicalDouble.rank(of: "DD")!)
        #expect(GradeScale.cambridgeTechnicalTriple.rank(of: "DDM")! < GradeScale.cambridgeTechnicalTriple.rank(of: "DMM")!)
        #expect(GradeScale.gcse.rank(of: "X") == nil)
    }

    @Test func pointsAreTheGCSENumberAndUCASLikeForALevels() {
        #expect(GradeScale.gcse.points(for: "7") == 7)
        #expect(GradeScale.aLevel.points(for: "A*") == 56)
        #expect(GradeScale.aLevel.points(for: "E") == 16)
        #expect(GradeScale.cambridgeTechnical.points(for: "D") == nil)
    }

    @Test func theJCQ2024GCSEFiguresAreKeyedByThreshold() {
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "7") == 21.8)
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "4") == 67.6)
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "1") == 97.9)
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "5") == nil)
        #expect(GradeScale.aLevel.national.isEmpty)
    }
}
