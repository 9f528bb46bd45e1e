import ExamStore
import ExamRules
import ExamQuery

/// `set series NAME` or `set series auto`: the current series (journaled in a workspace).
struct SetSeriesCommand: Command, Equatable {
    /// Nil for the calendar's current series.
    var series: Word?

    static let info = CommandInfo(
        words: ["set", "series"], synopsis: "set series NAME|auto",
        summary: "the current series (set series auto: from the calendar)",
        help: "  set series \"Summer 2024\"\n  set series auto",
        changesData: true,
        parse: { try SetSeriesCommand(&$0) })

    init(series: Word?) { self.series = series }

    init(_ r: inout CommandReader) throws {
        if r.atEnd || r.take("auto") {
            series = nil
        } else {
            var name = try r.word("a series such as \"Summer 2024\"")
            // Without quotes, the words to the end make the name: set series Summer 2024.
            while let more = r.optionalWord() {
                name = Word(name.text + " " + more.text, offset: name.offset, length: more.offset + more.length - name.offset)
            }
            series = name
        }
        try r.end()
    }

    var statement: String { "set series " + (series?.quoted ?? "auto") }

    func run(in session: Session) throws -> String? {
        if let series {
            let store = session.store
            let known = Set(store.calendar.series.map { store.pool[$0] } + store.entries.completion.map { store.pool[$0] })
            // `June 2024` and `SUMMER  2024` name the series `Summer 2024` names (`SeriesName.key`).
            if !Set(known.map(SeriesName.key)).contains(SeriesName.key(series.text)) {
                session.console.err("warning: no calendar event or entry names the series \"\(series)\"\(Suggestions.closest(to: series.text, in: known.sorted()).map { "; did you mean \"\($0)\"?" } ?? "")\n")
            }
        }
        try session.journalChange(statement)
        session.explicitSeries = series?.text
        return statement
    }
}
