import ExamStore
import Testing
@testable import ExamRules

/// Grades numbered by (scale, grade) pair (`GradePairs`), which every question on grades reads:
/// each pair once, in the order first met, a blank grade keeping its row's scale; and the results'
/// own grades numbered once per store, never read from a store whose grades have since changed.
@Suite struct GradePairsTests {
    /// Rows: (GCSE, "9"), (GCSE, "4"), (A level, "9"), (no scale, blank), (GCSE, "9"), (GCSE, blank).
    /// Pairs first met: (GCSE 9) 0, (GCSE 4) 1, (A level 9) 2, (none, blank) 3, (GCSE, blank) 4.
    func numbered(ids: [Int32]) -> GradePairs {
        let scales: [Int8] = [0, 0, 1, -1, 0, 0]
        let grades = [ids[0], ids[1], ids[0], 0, ids[0], 0]
        return GradePairs(count: 6, scale: { scales[$0] }, grade: { grades[$0] })
    }

    @Test func eachScaleAndGradeIsNumberedOnceInTheOrderFirstMet() {
        let n = numbered(ids: [7, 8])
        #expect(n.of == [0, 1, 2, 3, 0, 4])
        #expect(n.pairs.map(\.scale) == [0, 0, 1, -1, 0])
        #expect(n.pairs.map(\.grade) == [7, 8, 7, 0, 0])
    }

    /// Ids a million apart are numbered by a dictionary, not a table, with the same numbers.
    @Test func gradesWhoseIdsLieFarApartAreNumberedTheSameWay() {
        let n = numbered(ids: [7, 3_000_000])
        #expect(n.of == [0, 1, 2, 3, 0, 4])
        #expect(n.pairs.map(\.grade) == [7, 3_000_000, 7, 0, 0])
    }

    @Test func eachValueIsWorkedOutPerPairAndABlankGradeIsBlank() {
        let n = numbered(ids: [7, 8])
        #expect(n.table(blank: -1) { scale, grade in scale * 100 + Int(grade) } == [7, 8, 107, -1, -1])
    }

    /// An A level B raised to an A by a review whose outcome came on 19 August: numbered on the
    /// whole store first (B), the store as at 19 August still reads an A.
    @Test func theStoreAsAtAnOutcomesDateReadsTheRaisedGradeThoughTheStoresGradesWereNumbered() {
        var b = StoreBuilder()
        let aLevel = b.qualification("H446", type: "A Level", level: "3", size: "", glh: nil)
        let ann = b.candidate("0042")
        b.entry(ann, aLevel)
        b.withSummer2024Calendar()
        b.result(ann, aLevel, grade: "B")
        b.review("R1", ann, aLevel, .reviewOfMarking, requested: "2024-08-16", submitted: "2024-08-17",
                 outcome: .raised, outcomeDate: "2024-08-19", newGrade: "A")
        let store = b.build()
        func grade(_ s: Store) -> String {
            let n = GradePairs.ofResults(s)
            return s.pool[n.pairs[Int(n.of[0])].grade]
        }
        #expect(grade(store) == "B")
        #expect(grade(StoreAsAt.view(store, on: StoreBuilder.day("2024-08-18"))) == "B")
        let after = StoreAsAt.view(store, on: StoreBuilder.day("2024-08-19"))
        #expect(grade(after) == "A")
        #expect(grade(store) == "B")   // the whole store keeps its own
        let aLevelScale = Int8(GradeScale.all.firstIndex(of: .aLevel)!)
        #expect(GradePairs.ofResults(after).pairs.map(\.scale) == [aLevelScale])
    }
}
