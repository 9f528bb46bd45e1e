import Testing
import ExamStore
import ExamDemo
import ExamRules
@testable import ExamQuery

/// The language's semantics on the demo centre, checked against the store directly.
struct NotATable: Error {}

@Suite struct EvaluatorTests {
    static let store = DemoCentre.make()
    static let today = Day(parsing: "2024-08-21")!

    func answer(_ text: String, today: Day = EvaluatorTests.today, params: [String: Value] = [:]) throws -> Answer {
        let ev = Evaluator(store: Self.store, today: today, series: "Summer 2024", params: params, source: SourceText(text))
        guard case .table(let t, _) = try ev.run(try Parser.parse(text)) else { throw NotATable() }
        return t
    }

    func column(_ t: Answer, _ name: String) -> [String] {
        let c = t.names.firstIndex(of: name)!
        return (0..<t.rowCount).map { t.cell($0, c, dates: .iso) }
    }

    /// Blanks are one group (they were one group per blank row, so a mostly blank field of a
    /// million rows gave a million rows).
    @Test func countByPutsAllBlanksInOneGroupLast() throws {
        let t = try answer("reviews | count by outcome, new_grade")
        let blanks = Self.store.reviews.outcome.filter { $0 == .none }.count
        #expect(column(t, "outcome").filter(\.isEmpty).count == 1)
        #expect(column(t, "outcome").last == "")
        #expect(column(t, "count").last == String(blanks))
        let marks = try answer("results | count by mark")
        #expect(marks.rowCount == Set(Self.store.results.mark).count)
        #expect(try answer("results | distinct mark").rowCount == marks.rowCount)
    }

    @Test func atRiskMatchesTheRules() throws {
        let t = try answer("entries | where at_risk")
        let context = RuleContext(store: Self.store, today: Self.today, series: "Summer 2024")
        let expected = (0..<Int32(Self.store.entries.count)).filter { Eligibility.verdict(store: Self.store, entry: $0, context: context).atRisk }.count
        #expect(t.rowCount == expected)
        #expect(t.rowCount > 0)
        #expect(t.names.contains("candidate") && t.names.contains("qualification") && t.names.contains("reasons"))
        #expect(column(t, "reasons").allSatisfy { !$0.isEmpty })
    }

    @Test func countByGivesCountsAndShares() throws {
        let t = try answer("results | count by qualification, grade")
        #expect(t.names == ["qualification", "grade", "count", "share"])
        let total = column(t, "count").compactMap(Int.init).reduce(0, +)
        #expect(total == Self.store.results.count)
    }

    /// Grouping straight off the store's columns (whole collections and selections, stored text
    /// keys, links and fields read through a link) gives the same rows, order, counts and shares
    /// as grouping the columns once read (`show` first makes the frame a plain table).
    @Test(arguments: [
        ("results", "count by", "qualification, grade", true), ("results | where grade != \"U\"", "count by", "grade, qualification", true),
        ("entries", "count by", "surname, completion", true), ("achievements", "count by", "unit, series", true),
        ("entries", "count by", "candidate", true), ("results", "distinct", "qualification, series", true),
        // Blank grades (units not yet achieved): the general path, which keeps blanks in one group.
        ("achievements", "count by", "unit, grade", false),
    ])
    func groupingOffStoredColumnsMatchesGroupingReadColumns(_ source: String, _ verb: String, _ keys: String, _ stored: Bool) throws {
        let query = "\(source) | \(verb) \(keys)"
        let read = "\(source) | show \(keys) | \(verb) \(keys)"
        let direct = try answer(query), viaShow = try answer(read)
        #expect(direct.names == viaShow.names)
        #expect(direct.rowCount == viaShow.rowCount)
        #expect(direct.rowCount > 1)
        for name in direct.names { #expect(column(direct, name) == column(viaShow, name)) }
        // The query did take the stored-column path (else this test compares a path with itself).
        let pipeline = try Parser.parse(query)
        let ev = Evaluator(store: Self.store, today: Self.today, series: "Summer 2024", source: SourceText(query))
        var frame = try ev.start(pipeline, depth: 0)
        for stage in pipeline.stages.dropLast() { frame = try ev.apply(stage, to: frame) }
        guard case .countBy(let exprs, _) = pipeline.stages.last! else {
            guard case .distinct(let exprs, _) = pipeline.stages.last! else { Issue.record("no grouping"); return }
            #expect((ev.storedGroup(frame, exprs, counting: false) != nil) == stored)
            return
        }
        #expect((ev.storedGroup(frame, exprs, counting: true) != nil) == stored)
    }

    @Test func reviewsDueThisWeekAreDueAndInsideMondayToSunday() throws {
        let t = try answer("reviews | where due and deadline in this week | show id, deadline")
        #expect(t.rowCount > 0)
        for d in column(t, "deadline") {
            #expect(d >= "2024-08-19" && d <= "2024-08-25")
        }
    }

    @Test func dateArithmeticAndComparison() throws {
        let t = try answer("reviews | where deadline - today = 1 | show id, deadline")
        #expect(t.rowCount > 0)
        #expect(column(t, "deadline").allSatisfy { $0 == "2024-08-22" })
        let u = try answer("calendar | where date = today + 1 | show event")
        #expect(column(u, "event").contains("results_day"))
    }

    @Test func sortFirstAndShow() throws {
        let t = try answer("candidates | sort surname desc, forenames | first 3 | show surname as name, candidate")
        #expect(t.names == ["name", "candidate"])
        #expect(t.rowCount == 3)
        let names = column(t, "name")
        let all = (0..<Self.store.candidates.count).map { Self.store.pool[Self.store.candidates.surname[$0]].lowercased() }
        #expect(names[0].lowercased() == all.max())
        #expect(names[0].lowercased() >= names[1].lowercased() && names[1].lowercased() >= names[2].lowercased())
    }

    @Test func relatedRecordsThroughDots() throws {
        let t = try answer(#"entries | where candidate.group = "13X" | show candidate.group, qualification.title"#)
        #expect(t.rowCount > 0)
        #expect(column(t, "candidate.group").allSatisfy { $0 == "13X" })
    }

    @Test func inListContainsStartsWithAndBlank() throws {
        let xq = try answer(#"results | where grade in ("X", "Q") | show grade"#)
        #expect(xq.rowCount > 0 && column(xq, "grade").allSatisfy { $0 == "X" || $0 == "Q" })
        let c = try answer(#"entries | where reasons contains "glh" | show reasons"#)
        #expect(c.rowCount > 0 && column(c, "reasons").allSatisfy { $0.contains("GLH") })
        let s = try answer(#"qualifications | where qualification starts with "H" | show qualification"#)
        #expect(column(s, "qualification").sorted() == ["H240", "H420", "H446"])
        let b = try answer("reviews | where consent is blank | show consent")
        #expect(b.rowCount > 0 && column(b, "consent").allSatisfy(\.isEmpty))
    }

    @Test func parametersAndDistinct() throws {
        let t = try answer("results | where grade = $g | count", params: ["g": .text("U")])
        let direct = try answer(#"results | where grade = "U" | count"#)
        #expect(t.cell(0, 0, dates: .iso) == direct.cell(0, 0, dates: .iso))
        let d = try answer("entries | distinct completion")
        let values = column(d, "completion")
        #expect(values == Array(Set(values)).sorted())
        #expect(values.contains("Summer 2024") && values.contains("Summer 2025"))
    }

    @Test func csvKeepsCandidateNumbersAsWritten() throws {
        let csv = OutputFormat.csv.render(try answer("candidates | first 2"), dates: .iso)
        let lines = csv.split(separator: "\n")
        #expect(lines[0] == "candidate,surname,forenames,group,dob,uci,uln,centre")
        #expect(lines[1].hasPrefix("0001,"))
    }

    @Test func tableSaysHowManyRowsItCut() throws {
        let text = OutputFormat.table.render(try answer("candidates"), maxRows: 50, dates: .iso)
        #expect(text.hasSuffix("showing 50 of 300 rows: add '| first N', or 'set rows all', or use --format csv to see all\n"))
    }

    @Test func jsonAndMarkdown() throws {
        let t = try answer(#"qualifications | where qualification = "J560" | show qualification, glh, title"#)
        #expect(OutputFormat.json.render(t, dates: .iso).contains(#"{"qualification": "J560", "glh": "#))
        #expect(OutputFormat.markdown.render(t, dates: .iso).hasPrefix("| qualification | glh | title |\n| --- | ---: | --- |\n"))
    }
}
