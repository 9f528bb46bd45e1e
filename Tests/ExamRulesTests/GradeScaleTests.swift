import Testing
import ExamStore
@testable import ExamRules

/// DOMAIN.md "Grade scales": each scale best first, the spellings it reads, and which
/// qualification gets which scale.
@Suite struct GradeScaleTests {
    /// qualifications.csv `grading` (format 2), read from a pack, picks the scale whatever the size:
    /// a Cambridge Technical written as an Extended Certificate but graded double takes `DM`.
    @Test func theGradingColumnWinsOverTheSize() {
        var b = StoreBuilder()
        let q = b.qualification("05839", size: "Extended Certificate")
        let r = b.qualification("05838", size: "Diploma")
        b.store.qualifications.grading = [.double, .blank]
        #expect(GradeScale.scale(store: b.build(), qualification: q) == .cambridgeTechnicalDouble)
        #expect(GradeScale.scale(store: b.build(), qualification: r) == .cambridgeTechnicalDouble)
        b.store.qualifications.grading = [.blank, .triple]
        #expect(GradeScale.scale(store: b.build(), qualification: q) == .cambridgeTechnical)
        #expect(GradeScale.scale(store: b.build(), qualification: r) == .cambridgeTechnicalTriple)
    }

    @Test func gcseNineIsBestAndUIsLast() {
        #expect(GradeScale.scale(type: "GCSE") == .gcse)
        #expect(GradeScale.gcse.grades == ["9", "8", "7", "6", "5", "4", "3", "2", "1", "U"])
        #expect(GradeScale.gcse.rank(of: "9") == 0)
        #expect(GradeScale.gcse.rank(of: "U") == 9)
        #expect(GradeScale.gcse.rank(of: "u") == 9)
    }

    @Test func combinedScienceIsDoubleGradedFromItsTitleAndReads99As9To9() {
        #expect(GradeScale.scale(type: "GCSE", title: "Combined Science A (Gateway)") == .gcseCombined)
        #expect(GradeScale.scale(type: "GCSE", title: "Biology A") == .gcse)
        let s = GradeScale.gcseCombined
        // qualifications.csv's `grading` says it outright, whatever the title.
        #expect(GradeScale.scale(type: "GCSE", title: "Science (double award)", grading: "double") == .gcseCombined)
        #expect(GradeScale.scale(type: "GCSE", title: "Combined Science A", grading: "single") == .gcse)
        #expect(s.grades.count == 18)
        #expect(Array(s.grades.prefix(4)) == ["9-9", "9-8", "8-8", "8-7"])
        #expect(Array(s.grades.suffix(3)) == ["2-1", "1-1", "U"])
        #expect(s.canonical("99") == "9-9")
        #expect(s.canonical("54") == "5-4")
        #expect(s.rank(of: "99") == s.rank(of: "9-9"))
        #expect(s.rank(of: "8-9") == nil)   // the higher grade is written first
        #expect(s.rank(of: "5") == nil)     // a single grade is not on the double scale
    }

    @Test func aLevelHasAStarAndASLevelDoesNotButReadsEitherCase() {
        #expect(GradeScale.scale(type: "A Level") == .aLevel)
        #expect(GradeScale.scale(type: "GCE A level") == .aLevel)
        #expect(GradeScale.scale(type: "AS Level") == .asLevel)
        #expect(GradeScale.scale(type: "GCE AS") == .asLevel)
        #expect(GradeScale.aLevel.grades == ["A*", "A", "B", "C", "D", "E", "U"])
        #expect(GradeScale.asLevel.grades == ["A", "B", "C", "D", "E", "U"])
        #expect(GradeScale.asLevel.rank(of: "A*") == nil)
        #expect(GradeScale.asLevel.rank(of: "a") == 0)
        #expect(GradeScale.asLevel.canonical("c") == "C")
        #expect(GradeScale.aLevel.rank(of: "b") == nil)
    }

    @Test func cambridgeNationalsRunFromLevel2DistinctionStarToLevel1Pass() {
        #expect(GradeScale.scale(type: "Cambridge National") == .cambridgeNationals)
        #expect(GradeScale.cambridgeNationals.grades == ["L2D*", "L2D", "L2M", "L2P", "L1D*", "L1D", "L1M", "L1P", "U"])
        #expect(GradeScale.cambridgeNationals.rank(of: "L1D*")! > GradeScale.cambridgeNationals.rank(of: "L2P")!)
    }

    /// Size decides single, double or triple; with no size, the GLH (up to 540 single, 720
    /// double, 1080 triple); `grading` overrides both.
    @Test func technicalScaleBySizeElseGLH() {
        func scale(_ size: String, _ glh: Int?, grading: String = "") -> GradeScale? {
            GradeScale.scale(type: "Cambridge Technical", size: size, glh: glh, grading: grading)
        }
        #expect(scale("Certificate", 180) == .cambridgeTechnical)
        #expect(scale("Extended Certificate", 360) == .cambridgeTechnical)
        #expect(scale("Introductory Diploma", 360) == .cambridgeTechnical)
        #expect(scale("Foundation Diploma", 540) == .cambridgeTechnical)
        #expect(scale("Diploma", 720) == .cambridgeTechnicalDouble)
        #expect(scale("extended  diploma", 1080) == .cambridgeTechnicalTriple)
        #expect(scale("", 540) == .cambridgeTechnical)
        #expect(scale("", 720) == .cambridgeTechnicalDouble)
        #expect(scale("", 1080) == .cambridgeTechnicalTriple)
        #expect(scale("", nil) == .cambridgeTechnical)
        #expect(scale("Extended Certificate", 360, grading: "triple") == .cambridgeTechnicalTriple)
        #expect(GradeScale.cambridgeTechnical.grades == ["D*", "D", "M", "P", "U"])
        #expect(GradeScale.cambridgeTechnicalDouble.grades == ["D*D*", "D*D", "DD", "DM", "MM", "MP", "PP", "U"])
        #expect(GradeScale.cambridgeTechnicalTriple.grades.first == "D*D*D*")
        #expect(GradeScale.cambridgeTechnicalTriple.grades.suffix(2) == ["PPP", "U"])
        #expect(GradeScale.scale(type: "Functional Skills") == nil)
    }

    /// OCR: a level 2 unit below the minimum standard is 'Not Achieved', the U of a level 3 unit.
    @Test func unitGradesRunDMPRUAndNotAchievedIsU() {
        #expect(GradeScale.unit.grades == ["D", "M", "P", "R", "U"])
        #expect(GradeScale.unit.canonical("Not Achieved") == "U")
        #expect(GradeScale.unit.rank(of: "NOT ACHIEVED") == 4)
        #expect(GradeScale.unit.rank(of: "R")! > GradeScale.unit.rank(of: "P")!)
    }

    @Test func partialAbsenceIsTheGradeBeforeTheHash() {
        #expect(GradeScale.gcse.rank(of: "8#") == GradeScale.gcse.rank(of: "8"))
        #expect(GradeScale.gcse.canonical("8#") == "8")
        #expect(GradeScale.aLevel.rank(of: "B#") == 2)
    }

    @Test func xAndQAreOnNoScale() {
        for scale in GradeScale.all {
            #expect(scale.rank(of: "X") == nil)
            #expect(scale.rank(of: "Q") == nil)
        }
        #expect(GradeScale.isSpecial("X") && GradeScale.isSpecial("q"))
        #expect(!GradeScale.isSpecial("U"))
    }

    /// One order over every scale's grades keeps each scale's own order, U after all grades,
    /// then X, then Q.
    @Test func mergedOrderKeepsEachScalesOrder() {
        for scale in GradeScale.all {
            let ranks = scale.grades.map { GradeOrder.sortRank($0)! }
            #expect(ranks == ranks.sorted(), "\(scale.name)")
        }
        #expect(GradeOrder.merged.last == "U")
        #expect(GradeOrder.sortRank("U")! < GradeOrder.sortRank("X")!)
        #expect(GradeOrder.sortRank("X")! < GradeOrder.sortRank("Q")!)
        #expect(GradeOrder.sortRank("8")! < GradeOrder.sortRank("8#")!)
        #expect(GradeOrder.sortRank("8#")! < GradeOrder.sortRank("7")!)
        #expect(GradeOrder.sortRank("Distinction") == nil)
    }

    /// Points rule: GCSE the grade's number (U 0); A level the DfE's A* 60 ... E 10 (U 0);
    /// Combined Science the mean of its two grades; none for scales DOMAIN.md gives none.
    @Test func pointsAreTheGCSENumberDfEForALevelsAndTheMeanForCombinedScience() {
        #expect(GradeScale.gcse.points(for: "7") == 7)
        #expect(GradeScale.gcse.points(for: "U") == 0)
        #expect(GradeScale.gcse.points(for: "8#") == 8)
        #expect(GradeScale.aLevel.points(for: "A*") == 60)
        #expect(GradeScale.aLevel.points(for: "C") == 30)
        #expect(GradeScale.aLevel.points(for: "E") == 10)
        #expect(GradeScale.gcseCombined.points(for: "9-8") == 8.5)
        #expect(GradeScale.gcseCombined.points(for: "44") == 4)
        #expect(GradeScale.gcseCombined.points(for: "2-1") == 1.5)
        #expect(GradeScale.cambridgeTechnical.points(for: "D") == nil)
        #expect(GradeScale.gcse.points(for: "X") == nil)
    }

    /// National figures are those of the summer the series is in: 2024 and 2025 differ; none for 2026.
    @Test func nationalFiguresAreOfTheSeriesOwnYear() {
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "7", year: 2024) == 21.8)
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "4", year: 2024) == 67.6)
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "4", year: 2025) == 67.4)
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "1", year: 2025) == 97.9)
        #expect(GradeScale.gcse.nationalPercent(atOrAbove: "5", year: 2024) == nil)
        #expect(GradeScale.gcse.national(year: 2026).isEmpty)
        #expect(GradeScale.aLevel.nationalPercent(atOrAbove: "A", year: 2024) == 27.8)
        #expect(GradeScale.aLevel.nationalPercent(atOrAbove: "C", year: 2024) == 76.4)
        #expect(GradeScale.aLevel.nationalPercent(atOrAbove: "C", year: 2025) == nil)
        #expect(GradeScale.aLevel.nationalPercent(atOrAbove: "E", year: 2025) == 97.5)
        #expect(SeriesName.summerYear("Summer 2025") == 2025)
        #expect(SeriesName.summerYear("June 2024") == 2024)
        #expect(SeriesName.summerYear("November 2024") == nil)
    }
}
