/// `report results FILE.html`: the results-day analysis of the current series as one printable,
/// self-contained HTML file.
struct ReportCommand: Command, Equatable {
    var file: Word

    static let info = CommandInfo(
        words: ["report", "results"], synopsis: "report results FILE.html",
        summary: "write the results analysis of the current series as a printable HTML file",
        help: """
            Headline figures, then per subject: the grade distribution and a bar chart, cumulative
            percentages beside the national ones, 4+/7+ (A*-B/A*-E ...), average points, and the
            results to chase. Open it in a browser and print it (A4); it needs no network.
              report results results-2024.html
            """, completion: .files,
        parse: { r in
            let f = try r.word("a file name ending .html")
            try r.end()
            return ReportCommand(file: f)
        })

    var statement: String { "report results " + file.quoted }

    func run(in session: Session) throws -> String? {
        try session.reportResults(to: file.text)
        return statement
    }
}
