import Testing
import ExamStore
import ExamRules
@testable import ExamQuery

/// DOMAIN.md "Grade scales" in queries: comparisons, sorts and counts on a grade read it on its
/// qualification's scale. The store is made by hand, so every count here is worked out below.
@Suite struct GradeQueryTests {
    /// J560 GCSE: 9, 7, 4, 4#, 3, U, X, Q. H240 A level: A*, A, B, C, E, U, Q.
    /// J260 Combined Science: 9-9, 99, 6-5, 5-4, U. H040 AS: b, A, c. FS1 (no scale): Pass, Fail.
    /// 05839 Cambridge Technical units: D, M, P, R, Not Achieved.
    static let store: Store = {
        var b = StoreBuilder()
        let c = b.candidate("0001")
        let gcse = b.qualification("J560", type: "GCSE", level: "2", size: "", glh: nil, title: "Mathematics")
        let aLevel = b.qualification("H240", type: "A Level", size: "", glh: nil, title: "Mathematics A")
        let combined = b.qualification("J260", type: "GCSE", level: "2", size: "", glh: nil, title: "Combined Science A (Gateway)")
        let asLevel = b.qualification("H040", type: "AS Level", size: "", glh: nil, title: "Mathematics AS")
        let skills = b.qualification("FS1", type: "Functional Skills", level: "1", size: "", glh: nil, title: "Functional Skills English")
        let tech = b.qualification("05839")
        for g in ["9", "7", "4", "4#", "3", "U", "X", "Q"] { b.result(c, gcse, grade: g) }
        for g in ["A*", "A", "B", "C", "E", "U", "Q"] { b.result(c, aLevel, grade: g) }
        for g in ["9-9", "99", "6-5", "5-4", "U"] { b.result(c, combined, grade: g) }
        for g in ["b", "A", "c"] { b.result(c, asLevel, grade: g) }
        for g in ["Pass", "Fail"] { b.result(c, skills, grade: g) }
        for (i, g) in ["D", "M", "P", "R", "Not Achieved"].enumerated() {
            b.achievement(c, tech, b.unit(tech, String(i + 1)), .achieved, grade: g)
        }
        return b.build()
    }()

    func run(_ text: String) throws -> (Answer, [Diagnostic]) {
        let ev = Evaluator(store: Self.store, today: Day(parsing: "2024-09-30")!, series: "Summer 2024", source: SourceText(text))
        guard case .table(let t, _) = try ev.run(try Parser.parse(text)) else { throw NotATable() }
        return (t, ev.warnings)
    }

    func column(_ text: String, _ name: String) throws -> [String] {
        let (t, _) = try run(text)
        let c = t.names.firstIndex(of: name)!
        return (0..<t.rowCount).map { t.cell($0, c, dates: .iso) }
    }

    func count(_ text: String) throws -> Int { Int(try column(text + " | count", "count")[0])! }

    /// 9, 7, 4 and 4# (an 4 with a partial absence) are 4 or better; U, X and Q are not.
    @Test func gradeAtLeastANumberMeansThatGradeOrBetter() throws {
        #expect(try count(#"results | where qualification = "J560" | where grade >= 4"#) == 4)
        #expect(try count(#"results | where qualification = "J560" | where 4 <= grade"#) == 4)
        #expect(try count(#"results | where qualification = "J560" | where grade > 4"#) == 2)
        #expect(try count(#"results | where qualification = "J560" | where grade < 4"#) == 2)   // 3, U
        #expect(try count(#"results | where qualification = "J560" | where grade <= "U""#) == 1)
    }

    @Test func gradeAtLeastALetterMeansThatLetterOrBetter() throws {
        #expect(try column(#"results | where qualification = "H240" and grade >= "B""#, "grade") == ["A*", "A", "B"])
        #expect(try count(#"results | where qualification = "H240" | where grade < "C""#) == 2)   // E, U
    }

    /// X and Q never satisfy an ordering comparison, either way round; `=` and `in` find them.
    @Test func xAndQNeverSatisfyAnOrdering() throws {
        #expect(try count(#"results | where qualification = "J560" | where grade >= "U""#) == 6)
        #expect(try count(#"results | where qualification = "J560" | where grade < 9"#) == 5)   // 7, 4, 4#, 3, U
        #expect(try count(#"results | where grade in ("X", "Q")"#) == 3)
    }

    @Test func combinedScienceComparesDoubleGradesAndReads99() throws {
        #expect(try count(#"results | where qualification = "J260" | where grade >= "5-5""#) == 3)   // 9-9, 99, 6-5
        #expect(try count(#"results | where qualification = "J260" | where grade >= "99""#) == 2)
    }

    @Test func asLevelGradesCompareInEitherCase() throws {
        #expect(try column(#"results | where qualification = "H040" | where grade >= "B""#, "grade") == ["b", "A"])
    }

    @Test func unitGradesCompareOnTheUnitScale() throws {
        #expect(try column(#"achievements | where grade >= "P""#, "grade") == ["D", "M", "P"])
        #expect(try column(#"achievements | where grade < "R""#, "grade") == ["Not Achieved"])
    }

    /// Best first with `desc`; U after every grade, then X and Q, in either direction.
    @Test func sortGradeDescPutsTheBestFirstAndSpecialsLast() throws {
        #expect(try column(#"results | where qualification = "J560" | sort grade desc"#, "grade")
                == ["9", "7", "4", "4#", "3", "U", "X", "Q"])
        #expect(try column(#"results | where qualification = "J560" | sort grade"#, "grade")
                == ["U", "3", "4#", "4", "7", "9", "X", "Q"])
        #expect(try column(#"results | where qualification = "H240" | show grade | sort grade desc"#, "grade")
                == ["A*", "A", "B", "C", "E", "U", "Q"])
    }

    @Test func countByGradeAndDistinctListTheScaleBestFirst() throws {
        #expect(try column(#"results | where qualification = "J560" | count by grade"#, "grade")
                == ["9", "7", "4", "4#", "3", "U", "X", "Q"])
        #expect(try column(#"results | where qualification = "H240" | distinct grade"#, "grade")
                == ["A*", "A", "B", "C", "E", "U", "Q"])
        let (t, _) = try run(#"results | where qualification in ("J560", "H240") | count by qualification, grade"#)
        let grades = (0..<t.rowCount).map { t.cell($0, 1, dates: .iso) }
        // Qualifications in code order (H240, J560), each one's grades best first.
        #expect(grades == ["A*", "A", "B", "C", "E", "U", "Q", "9", "7", "4", "4#", "3", "U", "X", "Q"])
    }

    @Test func gradeRankIsThePlaceOnTheScale() throws {
        #expect(try column(#"results | where qualification = "J560" | show grade_rank"#, "grade_rank")
                == ["1", "3", "6", "6", "7", "10", "", ""])
        #expect(try column(#"results | where qualification = "J260" | show grade_rank"#, "grade_rank")
                == ["1", "1", "8", "10", "18"])   // 9-9 9-8 8-8 8-7 7-7 7-6 6-6 6-5 5-5 5-4 ... 1-1 U
        #expect(try column(#"achievements | show grade_rank"#, "grade_rank") == ["1", "2", "3", "4", "5"])
    }

    @Test func orderingAgainstAValueOnNoScaleOfTheRowsIsAnErrorListingTheScale() throws {
        let text = #"results | where qualification = "J560" | where grade >= "B""#
        #expect {
            _ = try run(text)
        } throws: { error in
            guard let d = error as? Diagnostic else { return false }
            return d.message == "'B' is not a grade on the scale of the grades compared"
                && d.column == text.distance(from: text.startIndex, to: text.range(of: "\"B\"")!.lowerBound) + 1
                && d.notes == ["the scale of these grades is GCSE (9-1): 9, 8, 7, 6, 5, 4, 3, 2, 1, U"]
        }
    }

    /// The rows compared are those the left side of an `and` keeps.
    @Test func theGradesComparedAfterAnAndAreThoseItKeeps() throws {
        #expect(throws: Diagnostic.self) { _ = try run(#"results | where qualification = "J560" and grade >= "B""#) }
        #expect(try count(#"results | where qualification = "J560" and grade >= 4"#) == 4)
        #expect(try count(#"results | where qualification = "H240" and not (grade >= "B")"#) == 4)   // C, E, U, Q
    }

    /// A qualification type with no scale compares as text, and says so once.
    @Test func aTypeWithNoScaleComparesAsTextWithOneNote() throws {
        let (t, warnings) = try run(#"results | where qualification = "FS1" | where grade >= "Fail""#)
        #expect(t.rowCount == 2)
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("compared as text") == true)
    }

    /// An A level B raised to an A by a review whose outcome came on 19 August. The whole store's
    /// grades are read first; from that day the store as it was reads the A in every grade field.
    @Test func gradeFieldsReadTheGradeAReviewOutcomeSet() throws {
        var b = StoreBuilder()
        let aLevel = b.qualification("H446", type: "A Level", level: "3", size: "", glh: nil)
        let ann = b.candidate("0042")
        b.entry(ann, aLevel)
        b.withSummer2024Calendar()
        b.result(ann, aLevel, grade: "B")
        b.review("R1", ann, aLevel, .reviewOfMarking, requested: "2024-08-16", submitted: "2024-08-17",
                 outcome: .raised, outcomeDate: "2024-08-19", newGrade: "A")
        let whole = b.build()
        func ask(_ store: Store, _ text: String) throws -> [String] {
            let ev = Evaluator(store: store, today: Day(parsing: "2024-08-19")!, series: "Summer 2024", source: SourceText(text))
            guard case .table(let t, _) = try ev.run(try Parser.parse(text)) else { throw NotATable() }
            return (0..<t.rowCount).flatMap { r in (0..<t.names.count).map { t.cell(r, $0, dates: .iso) } }
        }
        let fields = #"results | show grade, points, grade_rank, graded"#
        #expect(try ask(whole, fields) == ["B", "40", "3", "yes"])
        let after = StoreAsAt.view(whole, on: Day(parsing: "2024-08-19")!)
        #expect(try ask(after, fields) == ["A", "50", "2", "yes"])
        #expect(try ask(after, #"results | where grade >= "A" | count"#) == ["1"])
        let measures = try ask(after, #"results | summarise avg(points), share(grade >= "A")"#)
        #expect(measures == ["50", "100"])
        #expect(try ask(whole, #"results | where grade >= "A" | count"#) == ["0"])
    }
}
