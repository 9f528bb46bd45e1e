import ExamStore
@testable import ExamRules
import Testing

/// docs/data-pack.md "Broadsheets": a row per candidate, a column per qualification, a grade in
/// each cell; added all or nothing. Each kind of mistake is a problem at its cell.
@Suite struct BroadsheetTests {
    /// Three candidates (0042 Smith Ann, 0007 Jones Bo, 0100 Lee Cy with UCI 123450240100X), GCSE
    /// Mathematics J560, A level Mathematics H240, and two qualifications titled "English".
    static func store() -> Store {
        var b = StoreBuilder()
        b.qualification("J560", type: "GCSE", level: "2", size: "", glh: nil, title: "Mathematics")
        b.qualification("H240", type: "A Level", level: "3", size: "", glh: nil, title: "Mathematics (A level)")
        b.qualification("8700", type: "GCSE", level: "2", size: "", glh: nil, title: "English")
        b.qualification("J351", type: "GCSE", level: "2", size: "", glh: nil, title: "English")
        b.candidate("0042", surname: "Smith", forenames: "Ann")
        b.candidate("0007", surname: "Jones", forenames: "Bo")
        let c = b.candidate("0100", surname: "Lee", forenames: "Cy")
        b.store.candidates.uci[Int(c)] = b.pool.intern("123450240100X")
        b.store.reindex()
        return b.store
    }

    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The problems of adding `text` (rows of comma-separated cells), as `ROW:COLUMN message`
    /// (from 1, as a user counts); the store must be unchanged.
    static func problems(_ text: String, store: Store = store()) -> [String] {
        var s = store
        let before = s.results.count
        switch Broadsheet.add(rows(text), series: "Summer 2024", to: &s) {
        case .success: Issue.record("the broadsheet was added"); return []
        case .failure(let f):
            #expect(s.results.count == before)
            return f.problems.map { "\($0.row + 1):\($0.column + 1) \($0.message)" }
        }
    }

    func results(_ s: Store) -> [String] {
        (0..<s.results.count).map { r in
            "\(s.pool[s.candidates.number[Int(s.results.candidate[r])]]) \(s.pool[s.qualifications.code[Int(s.results.qualification[r])]]) \(s.pool[s.results.series[r]]) \(s.pool[s.results.grade[r]])"
        }
    }

    @Test func aBroadsheetAddsAResultPerGradeAndNoneForABlank() throws {
        var s = Self.store()
        let added = try Broadsheet.add(Self.rows("Candidate Number,Surname,J560,Mathematics (A level)\n42,Smith,7,A*\n0007,jones,,B\n"),
                                       series: "Summer 2024", to: &s).get()
        #expect(added == Broadsheet.Added(results: 3, candidates: 2, qualifications: 2, alreadyHeld: 0))
        // Names compare case-blind (jones); 0007 has no J560 result (blank cell).
        #expect(results(s) == ["0042 J560 Summer 2024 7", "0042 H240 Summer 2024 A*", "0007 H240 Summer 2024 B"])
        #expect(s.results.status.count == 3 && s.results.mark == [Store.noNumber, Store.noNumber, Store.noNumber])
    }

    @Test func aCandidateIsNamedByUCIOrCentreAndNumber() throws {
        var s = Self.store()
        _ = try Broadsheet.add(Self.rows("UCI,J560\n123450240100X,5\n"), series: "Summer 2024", to: &s).get()
        _ = try Broadsheet.add(Self.rows("candidate,J560\n12345/42,4\n"), series: "Summer 2024", to: &s).get()
        #expect(results(s) == ["0100 J560 Summer 2024 5", "0042 J560 Summer 2024 4"])
    }

    @Test func xAndQAreAcceptedOnEveryScale() throws {
        var s = Self.store()
        _ = try Broadsheet.add(Self.rows("candidate,J560,H240\n42,x,Q\n"), series: "Summer 2024", to: &s).get()
        #expect(results(s) == ["0042 J560 Summer 2024 X", "0042 H240 Summer 2024 Q"])
    }

    @Test func aGradeOffTheScaleIsAProblemAtItsCell() {
        #expect(Self.problems("candidate,J560\n42,A*\n") == ["2:2 grade 'A*' is not on the scale of J560: 9, 8, 7, 6, 5, 4, 3, 2, 1, U"])
        // Lower-case letters are AS grades, not A level ones.
        #expect(Self.problems("candidate,H240\n42,a*\n") == ["2:2 grade 'a*' is not on the scale of H240: A*, A, B, C, D, E, U"])
    }

    @Test func anUnknownHeaderListsTheQualifications() {
        var s = Self.store()
        switch Broadsheet.add(Self.rows("candidate,J650\n42,7\n"), series: "Summer 2024", to: &s) {
        case .success: Issue.record("added")
        case .failure(let f):
            #expect(f.problems.map(\.message) == ["the header 'J650' is not a candidate column nor a qualification (by entry code or title)"])
            #expect(f.problems.first?.notes == ["did you mean 'J560'?",
                                                "the qualifications: J560 Mathematics; H240 Mathematics (A level); 8700 English; J351 English"])
        }
    }

    @Test func anAmbiguousTitleListsTheQualificationsItNames() {
        var s = Self.store()
        switch Broadsheet.add(Self.rows("candidate,English\n42,7\n"), series: "Summer 2024", to: &s) {
        case .success: Issue.record("added")
        case .failure(let f):
            #expect(f.problems.map(\.message) == ["the header 'English' names 2 qualifications: head the column with one's entry code"])
            #expect(f.problems.first?.notes == ["8700 English; J351 English"])
        }
    }

    @Test func aHeaderWithTheCodeAndTitleNamesTheQualification() throws {
        var s = Self.store()
        _ = try Broadsheet.add(Self.rows("candidate,English (J351)\n42,6\n"), series: "Summer 2024", to: &s).get()
        #expect(results(s) == ["0042 J351 Summer 2024 6"])
    }

    @Test func aBroadsheetWithoutACandidateColumnIsRefused() {
        #expect(Self.problems("Surname,J560\nSmith,7\n") == ["1:1 no column names the candidate: expected a candidate number or UCI column"])
    }

    @Test func aBroadsheetWithoutAQualificationColumnIsRefused() {
        #expect(Self.problems("candidate,surname\n42,Smith\n") == ["1:1 no column is a qualification: expected a column per qualification, headed by its entry code or title"])
    }

    @Test func aBlankHeaderRowIsRefused() {
        #expect(Self.problems(",,\n42,7,\n") == ["1:1 expected a header row (candidate and one column per qualification), found a blank row"])
    }

    @Test func aColumnWithoutAHeaderHoldingGradesIsAProblem() {
        #expect(Self.problems("candidate,J560,\n42,7,\n7,6,5\n") == ["3:3 this column has no header, so its qualification is not known"])
    }

    @Test func aQualificationWithTwoColumnsIsAProblem() {
        #expect(Self.problems("candidate,J560,Mathematics\n42,7,6\n") == ["1:3 J560 has two columns (first as column B)"])
    }

    @Test func aCandidateColumnTwiceIsAProblem() {
        #expect(Self.problems("candidate,J560,Candidate Number\n42,7,42\n") == ["1:3 column 'candidate' appears twice (first as column A)"])
    }

    @Test func aCentreAndNumberThatNameNoCandidateIsAProblem() {
        #expect(Self.problems("candidate,J560\n99999/42,7\n") == ["2:1 no candidate 42 at centre 99999"])
        #expect(Self.problems("centre,candidate,J560\n99999,42,7\n") == ["2:2 no candidate 42 at centre 99999"])
    }

    @Test func aRowWithGradesButNoCandidateIsAProblem() {
        #expect(Self.problems("candidate,J560\n42,7\n,6\n") == ["3:1 expected a candidate number or UCI, found a blank"])
    }

    @Test func anUnknownUCIBesideACandidateNumberIsAProblem() {
        #expect(Self.problems("candidate,uci,J560\n42,999990240001A,7\n") == ["2:2 UCI 999990240001A is not candidate 0042's"])
    }

    @Test func anUnknownCandidateIsAProblemAtItsCell() {
        #expect(Self.problems("candidate,J560\n42,7\n43,6\n") == ["3:1 unknown candidate '43': not in the candidates loaded"])
    }

    @Test func aCandidateNumberThatIsNotOneIsAProblem() {
        #expect(Self.problems("candidate,J560\n42a,7\n") == ["2:1 expected a candidate number of 1 to 4 digits (or CENTRE/NUMBER), found '42a'"])
    }

    @Test func anUnknownUCIIsAProblem() {
        #expect(Self.problems("uci,J560\n999990240001A,7\n") == ["2:1 no candidate has the UCI 999990240001A"])
    }

    @Test func aUCIOfAnotherCandidateIsAProblem() {
        #expect(Self.problems("candidate,uci,J560\n42,123450240100X,7\n") == ["2:2 UCI 123450240100X is candidate 0100's, not 0042's"])
    }

    @Test func aNameThatIsNotTheCandidatesIsAProblem() {
        #expect(Self.problems("candidate,surname,forenames,J560\n42,Smith,Bo,7\n")
                == ["2:3 forenames 'Bo' is not candidate 0042's, who is SMITH: Ann"])
    }

    @Test func aCandidateOnTwoRowsIsAProblem() {
        #expect(Self.problems("candidate,J560\n42,7\n0042,6\n") == ["3:1 candidate 0042 SMITH: Ann has a second row: the first is row 2"])
    }

    @Test func aNumberHeldByTwoCentresNeedsTheCentre() throws {
        var b = StoreBuilder()
        b.store = Self.store()
        let other = b.candidate("0042", surname: "Khan", forenames: "Dev")
        b.store.candidates.centre[Int(other)] = b.pool.intern("54321")
        b.store.reindex()
        #expect(Self.problems("candidate,J560\n42,7\n", store: b.store) == ["2:1 2 centres have a candidate 42: add a centre column or write CENTRE/NUMBER"])
        var s = b.store
        _ = try Broadsheet.add(Self.rows("centre,candidate,J560\n54321,42,7\n"), series: "Summer 2024", to: &s).get()
        #expect(s.pool[s.candidates.surname[Int(s.results.candidate[0])]] == "Khan")
    }

    @Test func aResultHeldWithTheSameGradeIsLeftAndAnotherGradeIsAProblem() throws {
        var s = Self.store()
        _ = try Broadsheet.add(Self.rows("candidate,J560\n42,7\n"), series: "Summer 2024", to: &s).get()
        let again = try Broadsheet.add(Self.rows("candidate,J560\n42,7\n7,5\n"), series: "Summer 2024", to: &s).get()
        #expect(again == Broadsheet.Added(results: 1, candidates: 1, qualifications: 1, alreadyHeld: 1))
        #expect(Self.problems("candidate,J560\n42,6\n", store: s) == ["2:2 candidate 0042 already has 7 for J560 in Summer 2024; the broadsheet says 6"])
    }

    @Test func everyProblemIsReportedAndNothingIsAdded() {
        let p = Self.problems("candidate,J560\n42,A\n43,7\n7,5\n")
        #expect(p == ["2:2 grade 'A' is not on the scale of J560: 9, 8, 7, 6, 5, 4, 3, 2, 1, U",
                      "3:1 unknown candidate '43': not in the candidates loaded"])
    }

    @Test func aBroadsheetOfThreeHundredCandidatesAndTenSubjectsLoads() throws {
        var b = StoreBuilder()
        let grades = ["9", "8", "7", "6", "5", "4", "3", "2", "1", "U"]
        for q in 0..<10 { b.qualification("Q\(q)", type: "GCSE", level: "2", size: "", glh: nil, title: "Subject \(q)") }
        for c in 1...300 { b.candidate(String(c), surname: "S\(c)", forenames: "F\(c)") }
        b.store.reindex()
        var text = "Candidate No,Surname," + (0..<10).map { "Subject \($0)" }.joined(separator: ",") + "\n"
        var expected = 0
        for c in 1...300 {
            // Every seventh cell blank: no result.
            let cells = (0..<10).map { q in (c + q) % 7 == 0 ? "" : grades[(c * 3 + q) % 10] }
            expected += cells.filter { !$0.isEmpty }.count
            text += "\(c),S\(c)," + cells.joined(separator: ",") + "\n"
        }
        var s = b.store
        let added = try Broadsheet.add(Self.rows(text), series: "Summer 2024", to: &s).get()
        #expect(added.results == expected && added.candidates == 300 && added.qualifications == 10)
        #expect(s.results.count == expected)
        // Candidate 1, Subject 0: grades[3] = 6.
        #expect(results(s).first == "1 Q0 Summer 2024 6")
    }
}
