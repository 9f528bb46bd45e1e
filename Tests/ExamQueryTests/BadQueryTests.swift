import Testing
import ExamStore
import ExamDemo
import ExamQuery

/// The bad-input corpus for statements: very long, deeply nested and odd text. Each gives an
/// answer or a clear error; none crashes, overflows the stack or hangs.
@Suite struct BadQueryTests {
    static let store = DemoCentre.make()

    /// Parses and runs `text` on the demo centre: the answer's row count, or the error.
    func run(_ text: String) -> Result<Int, Diagnostic> {
        do {
            let pipeline = try Parser.parse(text)
            let ev = Evaluator(store: Self.store, today: Day(parsing: "2024-08-21")!, series: "Summer 2024", source: SourceText(text))
            switch try ev.run(pipeline) {
            case .table(let t, _): return .success(t.rowCount)
            case .text: return .success(-1)
            }
        } catch {
            return .failure(error)
        }
    }

    func error(_ text: String) -> Diagnostic? {
        if case .failure(let d) = run(text) { return d }
        Issue.record("expected an error")
        return nil
    }

    @Test func aHundredThousandOpenBracketsStopAtTheLimit() {
        let text = "entries | where " + String(repeating: "(", count: 100_000) + "at_risk"
        let d = error(text)
        #expect(d?.column == 17 + Parser.maximumNesting)
        #expect(d?.message == "brackets, 'not' and '-' are nested more than 100 deep here")
        #expect(d?.sourceLine == nil, "a 100,000-character line is not echoed")
    }

    @Test func nestingUpToTheLimitStillRuns() {
        let depth = Parser.maximumNesting
        let text = "entries | where " + String(repeating: "(", count: depth) + "at_risk" + String(repeating: ")", count: depth)
        let plain = run("entries | where at_risk")
        #expect(run(text) == plain)
        let nots = "entries | where " + String(repeating: "not ", count: depth) + "at_risk"
        #expect(run(nots) == plain, "an even number of nots is no not")
        #expect(error("entries | where " + String(repeating: "not ", count: depth + 1) + "at_risk")?.column == 17 + 4 * depth)
        #expect(error("reviews | show " + String(repeating: "-", count: depth + 1) + "days_left")?.column == 16 + depth)
    }

    @Test func longAndChainsRunUpToTheLimitThenSayHowToSplit() {
        let clause = "candidate.surname != \"Nobody\""
        let many = Parser.maximumOperators / 2   // each clause has a comparison and an 'and'
        let ok = "entries | where at_risk" + String(repeating: " and " + clause, count: many - 1)
        #expect(run(ok) == run("entries | where at_risk"))
        let tooMany = "entries | where at_risk" + String(repeating: " and " + clause, count: 50_000)
        let d = error(tooMany)
        #expect(d?.message == "this statement has more than 500 operators")
        #expect(d?.notes.first?.contains("several '| where' stages") == true)
    }

    @Test func aHundredThousandCharacterQueryAnswers() {
        let name = String(repeating: "x", count: 100_000)
        #expect(run("candidates | where surname = \"\(name)\"") == .success(0))
        // Candidate numbers are written with four digits; "0" to "19999" match 0001 to 0300 only as written.
        let list = (1...20_000).map { "\"" + String(repeating: "0", count: max(0, 4 - String($0).count)) + "\($0)\"" }.joined(separator: ", ")
        let text = "candidates | where candidate in (\(list))"
        let pipeline = try? Parser.parse(text)
        let ev = Evaluator(store: Self.store, today: Day(parsing: "2024-08-21")!, series: "Summer 2024", source: SourceText(text))
        guard let pipeline, case .table(let t, _)? = try? ev.run(pipeline) else { Issue.record("the list did not run"); return }
        #expect(t.rowCount == 300)
        #expect(ev.warnings.count == 5, "values no record has warn a few times, not 19,700 times")
        #expect(ev.warnings.allSatisfy { $0.sourceLine == nil })
    }

    @Test func aHundredThousandCharactersOfNoiseIsOneError() {
        let d = error("entries | where " + String(repeating: "@", count: 100_000))
        #expect(d?.column == 17)
        let q = error("entries | where surname = \"" + String(repeating: "a", count: 100_000))
        #expect(q?.message == "this quote is never closed")
    }

    @Test func aRunawayListOfColumnsIsRefused() {
        let many = Array(repeating: "surname", count: Parser.maximumColumns)
        #expect((try? run("candidates | show " + many.joined(separator: ", ")).get()) == 300)
        let more = many + ["surname"]
        let d = error("candidates | show " + more.joined(separator: ", "))
        #expect(d?.message == "more than 100 columns in one 'show'")
        #expect(d?.column == 19 + 9 * Parser.maximumColumns)
        #expect(error("candidates | count by " + more.joined(separator: ", "))?.message == "more than 100 columns in one 'count by'")
    }
}
