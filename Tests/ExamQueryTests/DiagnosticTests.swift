import Foundation
import Testing
import ExamStore
import ExamDemo
@testable import ExamQuery

/// Parser and resolver diagnostics, tested with marked source: `1️⃣` stands where the caret must point.
@Suite struct DiagnosticTests {
    static let store = DemoCentre.make()

    /// Runs the marked statement and returns its error; the marker is removed first.
    func diagnose(_ marked: String) -> (Diagnostic?, Int) {
        let column = marked.distance(from: marked.startIndex, to: marked.range(of: "1️⃣")!.lowerBound) + 1
        let text = marked.replacingOccurrences(of: "1️⃣", with: "")
        do {
            let pipeline = try Parser.parse(text)
            let ev = Evaluator(store: Self.store, today: Day(parsing: "2024-08-21")!, series: "Summer 2024", source: SourceText(text))
            _ = try ev.run(pipeline)
            return (nil, column)
        } catch {
            return (error, column)
        }
    }

    @Test func misspeltFieldPointsAtItAndSuggests() {
        let (d, column) = diagnose(#"entries | where 1️⃣qualificaton = "05839""#)
        #expect(d?.column == column)
        #expect(d?.length == "qualificaton".count)
        #expect(d?.message == "unknown field 'qualificaton' of entries")
        #expect(d?.notes == ["did you mean 'qualification'?"])
        #expect(d?.description.contains("                ^~~~~~~~~~~~") == true)
    }

    @Test func misspeltCollectionAndStage() {
        let (c, cc) = diagnose("1️⃣entires | count")
        #expect(c?.column == cc)
        #expect(c?.notes.first == "did you mean 'entries'?")
        let (s, sc) = diagnose("entries | 1️⃣were at_risk")
        #expect(s?.column == sc)
        #expect(s?.message == "unknown stage 'were'")
        #expect(s?.notes.first == "did you mean 'where'?")
    }

    @Test func unclosedQuoteIsReportedWhereItOpens() {
        let (d, column) = diagnose(#"results | where grade = 1️⃣"U"#)
        #expect(d?.column == column)
        #expect(d?.message == "this quote is never closed")
    }

    @Test func missingPipeBetweenStages() {
        let (d, column) = diagnose("entries | where at_risk 1️⃣sort surname")
        #expect(d?.column == column)
        #expect(d?.message.hasPrefix("expected '|' before the next stage") == true)
    }

    @Test func impossibleDateLiteral() {
        let (d, column) = diagnose("reviews | where deadline < 1️⃣31/02/2024")
        #expect(d?.column == column)
        #expect(d?.message == "'31/02/2024' is not a date")
    }

    @Test func unknownFieldBehindADot() {
        let (d, column) = diagnose("entries | where 1️⃣candidate.gruop = \"13X\"")
        #expect(d?.column == column)
        #expect(d?.notes.first == "did you mean 'group'?")
    }

    @Test func whereNeedsACondition() {
        let (d, column) = diagnose("entries | where 1️⃣surname")
        #expect(d?.column == column)
        #expect(d?.message == "'where' needs a yes/no condition, but this is a text")
    }

    @Test func errorsOnALaterLineOfAScriptNameThatLine() throws {
        do {
            _ = try Parser.parse("entries\n| where at_risk\n| srot surname", file: "season.exq", firstLine: 10)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "season.exq")
            #expect(error.line == 12)
            #expect(error.column == 3)
        }
    }

    @Test func aValueNoRecordHasWarnsWithTheValuesThatExist() throws {
        let text = #"reviews | where service = "5""#
        let ev = Evaluator(store: Self.store, today: Day(parsing: "2024-08-21")!, series: "Summer 2024", source: SourceText(text))
        _ = try ev.run(try Parser.parse(text))
        #expect(ev.warnings.count == 1)
        #expect(ev.warnings.first?.message == "no record has service = \"5\"")
        #expect(ev.warnings.first?.notes.last == "values of service: 1, 2, 2P, 3, APPEAL1, APPEAL2, ATS, ATSP, MIR")
    }
}

@Suite struct SaveStageTests {
    @Test func theRestOfTheLineIsTheFileNameWhateverItHolds() throws {
        let p = try Parser.parse("entries | where at_risk | save reports/2024-08-22 at-risk (v2).csv")
        guard case .save(let name, _) = p.stages.last else { Issue.record("no save stage"); return }
        #expect(name == "reports/2024-08-22 at-risk (v2).csv")
        let q = try Parser.parse(#"entries | save "a|b.csv""#)
        guard case .save(let quoted, _) = q.stages.last else { Issue.record("no save stage"); return }
        #expect(quoted == "a|b.csv")
    }

    @Test func saveWithoutAFileNameSaysSo() {
        #expect(throws: Diagnostic.self) { try Parser.parse("entries | save") }
    }
}
