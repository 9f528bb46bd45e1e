import Testing
import ExamStore
import ExamRules
@testable import ExamQuery

/// `summarise` (issue 16) and the `points` and `graded` fields of results, on a store made by
/// hand: every figure expected here is worked out in the comments beside it.
@Suite struct SummariseTests {
    /// Candidates 0001 (11A), 0002 (11A), 0003 (11B), 0004 (no group).
    /// J560 GCSE, Summer 2024: 9 (mark 80, 0001), 4# (mark 50, 0002), 3 (no mark, 0003), X (0004);
    ///   Summer 2023: 5 (0003).
    /// H240 A level: A* (0001), B (0002), E (0003), Q (0004).
    /// J260 Combined Science: 9-8, 4-4, 44 (read as 4-4), 3-3.
    /// 05839 Cambridge Technical (single): D*, M, P.   05840 Diploma (double): D*D, MM.
    /// J835 Cambridge National: L2D, L1P.   H040 AS: b, D.
    static let store: Store = {
        var b = StoreBuilder()
        let c = ["0001", "0002", "0003", "0004"].map { b.candidate($0) }
        for (i, g) in ["11A", "11A", "11B", ""].enumerated() { b.store.candidates.group[Int(c[i])] = b.pool.intern(g) }
        let gcse = b.qualification("J560", type: "GCSE", level: "2", size: "", glh: nil, title: "Mathematics")
        let aLevel = b.qualification("H240", type: "A Level", size: "", glh: nil, title: "Mathematics A")
        let combined = b.qualification("J260", type: "GCSE", level: "2", size: "", glh: nil, title: "Combined Science A (Gateway)")
        let single = b.qualification("05839")
        let diploma = b.qualification("05840", size: "Diploma", glh: 720)
        let nationals = b.qualification("J835", type: "Cambridge National", level: "2", size: "", glh: nil)
        let asLevel = b.qualification("H040", type: "AS Level", size: "", glh: nil, title: "Mathematics AS")
        for (i, g) in ["9", "4#", "3", "X"].enumerated() {
            let r = b.result(c[i], gcse, grade: g)
            b.store.results.mark[Int(r)] = [80, 50, Store.noNumber, Store.noNumber][i]
        }
        b.result(c[2], gcse, grade: "5", series: "Summer 2023")
        for (i, g) in ["A*", "B", "E", "Q"].enumerated() { b.result(c[i], aLevel, grade: g) }
        for (i, g) in ["9-8", "4-4", "44", "3-3"].enumerated() { b.result(c[i], combined, grade: g) }
        for (i, g) in ["D*", "M", "P"].enumerated() { b.result(c[i], single, grade: g) }
        for (i, g) in ["D*D", "MM"].enumerated() { b.result(c[i], diploma, grade: g) }
        for (i, g) in ["L2D", "L1P"].enumerated() { b.result(c[i], nationals, grade: g) }
        for (i, g) in ["b", "D"].enumerated() { b.result(c[i], asLevel, grade: g) }
        return b.build()
    }()

    func run(_ text: String) throws -> Answer {
        let ev = Evaluator(store: Self.store, today: Day(parsing: "2024-09-30")!, series: "Summer 2024", source: SourceText(text))
        guard case .table(let t, _) = try ev.run(try Parser.parse(text)) else { throw NotATable() }
        return t
    }

    /// The cells of column `name`, as a table shows them.
    func column(_ text: String, _ name: String) throws -> [String] {
        let t = try run(text)
        guard let c = t.names.firstIndex(of: name) else { Issue.record("no column \(name) in \(t.names)"); return [] }
        return (0..<t.rowCount).map { t.cell($0, c, dates: .iso) }
    }

    /// The one value of a summary without `by`.
    func value(_ text: String) throws -> Value {
        let t = try run(text)
        #expect(t.rowCount == 1)
        return t.value(0, t.names.count - 1)
    }

    static let gcse2024 = #"results | where qualification = "J560" and series = "Summer 2024""#

    /// Qualifications in text order (codes' digits as numbers, then letters); J560 has five rows.
    @Test func countCountsTheRowsOfEachGroup() throws {
        #expect(try column(#"results | summarise count by qualification"#, "qualification")
                == ["05839", "05840", "H040", "H240", "J260", "J560", "J835"])
        #expect(try column(#"results | summarise count by qualification"#, "count") == ["3", "2", "2", "4", "4", "5", "2"])
    }

    @Test func countDistinctCountsDifferentValuesNotBlanks() throws {
        // J560 has 5 rows of 4 candidates; groups 11A, 11A, 11B, blank: 2 groups.
        #expect(try value(#"results | where qualification = "J560" | summarise count distinct candidate"#) == .number(4))
        #expect(try value(#"results | where qualification = "J560" | summarise count distinct candidate.group"#) == .number(2))
    }

    /// Blank marks are not counted: the sum is 80 + 50, the mean 130 / 2.
    @Test func sumAndAvgLeaveBlanksOut() throws {
        #expect(try value(Self.gcse2024 + " | summarise sum(mark)") == .number(130))
        #expect(try value(Self.gcse2024 + " | summarise avg(mark)") == .number(65))
    }

    /// Over no values: count 0, sum 0, and avg, min, max and share blank (not 0).
    @Test func anEmptyFrameSummarisesToZeroCountAndBlankMeasures() throws {
        let none = #"results | where qualification = "H240" and grade = "9" | summarise count, sum(mark), avg(points), min(grade), max(grade), share(grade >= "B")"#
        let t = try run(none)
        #expect(t.rowCount == 1)
        #expect((0..<6).map { t.value(0, $0) } == [.number(0), .number(0), .blank, .blank, .blank, .blank])
        // With `by`, no rows make no groups.
        #expect(try run(#"results | where qualification = "H240" and grade = "9" | summarise count by candidate"#).rowCount == 0)
    }

    /// A group whose values are all blank averages to blank: 0003's J560 has no mark.
    @Test func aGroupOfBlanksAveragesToBlank() throws {
        #expect(try column(Self.gcse2024 + " | summarise avg(mark) by candidate", "avg(mark)") == ["80", "50", "", ""])
    }

    /// Groups come as `count by` gives them: blank last.
    @Test func groupsComeInCountByOrderWithBlankLast() throws {
        #expect(try column(Self.gcse2024 + " | summarise count by candidate.group", "candidate.group") == ["11A", "11B", ""])
        #expect(try column(Self.gcse2024 + " | summarise count by candidate.group", "count") == ["2", "1", "1"])
        #expect(try column(Self.gcse2024 + " | summarise count by grade", "grade") == ["9", "4#", "3", "X"])
    }

    /// min and max of grades read the scale: max is the best; X is no grade.
    @Test func minAndMaxOfGradesReadTheScale() throws {
        #expect(try value(Self.gcse2024 + " | summarise max(grade)") == .text("9"))
        #expect(try value(Self.gcse2024 + " | summarise min(grade)") == .text("3"))
        #expect(try value(#"results | where qualification = "H240" | summarise min(grade)"#) == .text("E"))
        #expect(try value(#"results | where qualification = "J560" | summarise max(mark)"#) == .number(80))
    }

    /// GCSE points are the grade's number, A level the DfE's (A* 60 ... E 10), Combined Science the
    /// mean of its two grades; X, Q and scales with none are blank.
    @Test func pointsRule() throws {
        #expect(try column(Self.gcse2024 + " | show points", "points") == ["9", "4", "3", ""])
        #expect(try column(#"results | where qualification = "H240" | show points"#, "points") == ["60", "40", "10", ""])
        #expect(try column(#"results | where qualification = "J260" | show points"#, "points") == ["8.5", "4", "4", "3"])
        #expect(try column(#"results | where qualification = "05839" | show points"#, "points") == ["", "", ""])
        // avg(points): (9 + 4 + 3) / 3 graded; (60 + 40 + 10) / 3; (8.5 + 4 + 4 + 3) / 4.
        #expect(try value(Self.gcse2024 + " | summarise avg(points)") == .number(16.0 / 3))
        #expect(try value(#"results | where qualification = "H240" | summarise avg(points)"#) == .number(110.0 / 3))
        #expect(try value(#"results | where qualification = "J260" | summarise avg(points)"#) == .number(4.875))
        #expect(try value(#"results | where qualification = "05839" | summarise avg(points)"#) == .blank)
    }

    @Test func gradedIsAGradeOnItsScale() throws {
        #expect(try column(Self.gcse2024 + " | show graded", "graded") == ["yes", "yes", "yes", "no"])
        #expect(try column(#"results | where qualification = "H240" | show graded"#, "graded") == ["yes", "yes", "yes", "no"])
    }

    /// share(CONDITION) is the percentage of the group's rows for which it holds, on every scale.
    @Test(arguments: [
        (Self.gcse2024, #"grade >= 4"#, 50.0),                                  // 9, 4# of 9, 4#, 3, X
        (Self.gcse2024 + " and graded", #"grade >= 4"#, 200.0 / 3),             // 9, 4# of 9, 4#, 3
        (#"results | where qualification = "H240""#, #"grade >= "B""#, 50.0),   // A*, B of A*, B, E, Q
        (#"results | where qualification = "H240""#, #"grade >= "E""#, 75.0),
        (#"results | where qualification = "J260""#, #"grade >= "4-4""#, 75.0), // 9-8, 4-4, 44 of four
        (#"results | where qualification = "J260""#, #"grade >= "7-7""#, 25.0),
        (#"results | where qualification = "05839""#, #"grade >= "M""#, 200.0 / 3),  // D*, M of D*, M, P
        (#"results | where qualification = "05840""#, #"grade >= "DM""#, 50.0),      // D*D of D*D, MM
        (#"results | where qualification = "J835""#, #"grade >= "L2P""#, 50.0),      // L2D of L2D, L1P
        (#"results | where qualification = "H040""#, #"grade >= "C""#, 50.0),        // b of b, D (either case)
    ])
    func shareOfAGradeComparisonOnEachScale(rows: String, condition: String, expected: Double) throws {
        #expect(try value(rows + " | summarise share(\(condition))") == .number(expected))
    }

    /// A group none of whose grades is on the compared grade's scale has no share (blank, not 0).
    @Test func shareIsBlankForAGroupOffTheScale() throws {
        let t = try run(#"results | where qualification in ("H240", "J560") and series = "Summer 2024" | summarise share(grade >= 4) as "4+" by qualification"#)
        #expect((0..<t.rowCount).map { t.cell($0, 0, dates: .iso) } == ["H240", "J560"])
        #expect((0..<t.rowCount).map { t.value($0, 1) } == [.blank, .number(50)])
    }

    @Test func asNamesTheColumnAndTablesShowTwoDecimalsCsvExact() throws {
        let t = try run(Self.gcse2024 + " and graded | summarise share(grade >= 4) as \"4+\", avg(points)")
        #expect(t.names == ["4+", "avg(points)"])
        #expect(t.cell(0, 0, dates: .iso) == "66.67")
        #expect(OutputFormat.csv.render(t, dates: .iso) == "4+,avg(points)\n66.66666666666667,5.333333333333333\n")
    }

    /// `chart` draws a summary's first measure: 11A's J560 grades are 9 and 4# (100% 4+), 11B's a 3 (0%).
    @Test func chartDrawsASummarysMeasure() throws {
        let text = Self.gcse2024 + " | summarise share(grade >= 4) as \"4+\" by candidate.group | chart"
        let ev = Evaluator(store: Self.store, today: Day(parsing: "2024-09-30")!, series: "Summer 2024", source: SourceText(text))
        guard case .text(let chart) = try ev.run(try Parser.parse(text)) else { throw NotATable() }
        let lines = chart.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "11A │" + String(repeating: "█", count: 40) + " 100")
        #expect(lines.dropFirst().first == "11B │ 0")
    }

    @Test func sumOfTextIsAnErrorAtTheField() throws {
        let text = "results | summarise sum(grade)"
        #expect {
            _ = try run(text)
        } throws: { error in
            guard let d = error as? Diagnostic else { return false }
            return d.message == "'sum' needs numbers, but grade is a text" && d.column == 25 && d.length == 5
        }
    }

    @Test func anUnknownMeasureSuggestsOne() throws {
        #expect {
            _ = try Parser.parse("results | summarise avrage(mark)")
        } throws: { error in
            (error as? Diagnostic)?.message == "unknown measure 'avrage'"
        }
    }
}

/// `grades` (DOMAIN.md "Results analysis") on the same hand-made store.
@Suite struct GradesStageTests {
    func run(_ text: String) throws -> Answer {
        let ev = Evaluator(store: SummariseTests.store, today: Day(parsing: "2024-09-30")!, series: "Summer 2024", source: SourceText(text))
        guard case .table(let t, _) = try ev.run(try Parser.parse(text)) else { throw NotATable() }
        return t
    }

    func lines(_ t: Answer) -> [String] {
        (0..<t.rowCount).map { r in (0..<t.names.count).map { t.cell(r, $0, dates: .iso) }.joined(separator: " ").trimmingSpaces() }
    }

    /// J560 in Summer 2024: 9, 4# (a 4), 3 graded and X apart. Each graded grade is 1/3 = 33.3%
    /// of the graded results; cumulative 33.3% to 8, 66.7% at 4 (beside 67.6% nationally in
    /// 2024), 100% at 3 and below; X has a line of its own outside the percentages.
    @Test func percentagesAndCumulativeShareOneDenominatorWithXAndQApart() throws {
        let t = try run(#"results | where qualification = "J560" | grades"#)
        #expect(t.names == ["grade", "entries", "percent", "cumulative", "national"])
        #expect(lines(t) == [
            "9 1 33.3% 33.3%", "8 0 0.0% 33.3%", "7 0 0.0% 33.3% 21.8%", "6 0 0.0% 33.3%", "5 0 0.0% 33.3%",
            "4 1 33.3% 66.7% 67.6%", "3 1 33.3% 100.0%", "2 0 0.0% 100.0%", "1 0 0.0% 100.0% 97.9%", "U 0 0.0% 100.0%",
            "X 1",
        ])
        #expect(t.footer?.contains("average points per graded entry: 5.33 (GCSE (9-1) points; 3 graded entries)") == true)
    }

    /// The Summer 2023 result of J560 is of another series: left out, and the answer says so.
    @Test func theCurrentSeriesUnlessThePipelineNamesOne() throws {
        let current = try run(#"results | where qualification = "J560" | grades"#)
        #expect(current.footer?.contains("Summer 2024, the current series: 1 result of other series left out") == true)
        let earlier = try run(#"results | where qualification = "J560" and series = "Summer 2023" | grades"#)
        #expect(lines(earlier).filter { !$0.hasPrefix("U") && $0.split(separator: " ")[1] != "0" } == ["5 1 100.0% 100.0%"])
        // No national figures are known for 2023: none shown.
        #expect(earlier.names == ["grade", "entries", "percent", "cumulative"])
        #expect(throws: Diagnostic.self) {
            _ = try run(#"results | where qualification = "J560" and series in ("Summer 2023", "Summer 2024") | grades"#)
        }
    }

    /// A level 2024 national figures at A*, A, C and E; the same table in 2025 would show no C.
    @Test func nationalFiguresOfTheSeriesOwnYear() throws {
        let t = try run(#"results | where qualification = "H240" | grades"#)
        let national = t.names.firstIndex(of: "national")!
        #expect((0..<t.rowCount).map { t.cell($0, national, dates: .iso) } == ["9.3%", "27.8%", "", "76.4%", "", "97.2%", "", ""])
    }

    /// `grades by` gives each group its own table on its own denominator: 11A has 9 and 4#.
    @Test func gradesByAFieldIsATablePerGroup() throws {
        let t = try run(#"results | where qualification = "J560" | grades by candidate.group"#)
        #expect(t.names.first == "candidate.group")
        let byGroup = lines(t).filter { $0.split(separator: " ").count > 2 && $0.split(separator: " ")[2] != "0" }
        #expect(byGroup.filter { $0.hasPrefix("11A") } == ["11A 9 1 50.0% 50.0%", "11A 4 1 50.0% 100.0% 67.6%"])
        #expect(byGroup.filter { $0.hasPrefix("11B") } == ["11B 3 1 100.0% 100.0%"])
        // Each qualification its own scale.
        let both = try run(#"results | where qualification in ("H240", "J560") | grades by qualification"#)
        #expect(lines(both).first == "H240 A* 1 33.3% 33.3% 9.3%")
        #expect(throws: Diagnostic.self) { _ = try run(#"results | where qualification in ("H240", "J560") | grades"#) }
    }
}
