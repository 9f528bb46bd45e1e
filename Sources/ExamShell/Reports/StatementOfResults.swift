/// A candidate's statement of results (DOMAIN.md "Statements of results"), written as text
/// (`statement`, `statements to DIR`) or as printed pages (`statements to FILE.html`).
struct StatementOfResults {
    var series: String
    /// Centre, candidate (`SURNAME: Forenames`), candidate number, UCI, ULN, date of birth where known.
    var details: [(String, String)]
    /// Per entry: entry code, type, title, grade, note.
    var rows: [[String]]
    /// What stands in for the rows when there are none.
    var empty: String?
    /// The meanings of X, Q and # where any grade here has one.
    var marks: [String]

    static let headers = ["entry code", "type", "title", "grade", "note"]
    static let heading = "PROVISIONAL STATEMENT OF RESULTS"
    /// The closing words, a sentence to a line in text so that they fit 80 columns.
    static let footerSentences = ["These results are PROVISIONAL and may change.", "Certificates confirm final results."]
    static var footer: String { footerSentences.joined(separator: " ") }

    /// As text that fits an 80-column terminal: the entries' table (a long title wraps in its
    /// cell) with each entry's note on the lines under it.
    var text: String {
        var out = StatementOfResults.heading + "\n" + series + "\n\n"
        for (name, value) in details { out += TextLayout.wrapped("\(name): \(value)", hanging: name.count + 2) }
        out += "\n"
        if let empty { out += TextLayout.wrapped(empty, hanging: 0) } else {
            out += TextLayout.table(Array(StatementOfResults.headers.prefix(4)), rows.map { Array($0.prefix(4)) }, wrapping: 2, notes: rows.map { $0[4] })
        }
        for m in marks { out += TextLayout.wrapped(m, hanging: 3) }
        out += "\n" + StatementOfResults.footerSentences.map { TextLayout.wrapped($0, hanging: 0) }.joined()
        return out
    }

    /// One page's section of HTML.
    var html: String {
        var out = "<section class=\"statement\">\n<h1>Provisional statement of results</h1>\n"
        out += "<p class=\"series\">\(HTMLPage.escape(series))</p>\n<table class=\"details\">\n"
        for (name, value) in details { out += "<tr><th>\(HTMLPage.escape(name))</th><td>\(HTMLPage.escape(value))</td></tr>\n" }
        out += "</table>\n"
        if let empty { out += "<p>\(HTMLPage.escape(empty))</p>\n" } else { out += HTMLPage.table(StatementOfResults.headers, rows) }
        for m in marks { out += "<p class=\"note\">\(HTMLPage.escape(m))</p>\n" }
        out += "<p class=\"footer\">\(HTMLPage.escape(StatementOfResults.footer))</p>\n</section>\n"
        return out
    }

    /// Statements as one HTML document, each on a printed A4 page of its own.
    static func html(_ statements: [StatementOfResults], title: String) -> String {
        let style = """
            section.statement { break-after: page; page-break-after: always; }
            section.statement:last-child { break-after: auto; page-break-after: auto; }
            table.details th { width: 45mm; white-space: nowrap; }
            p.series { font-size: 12pt; font-weight: bold; margin-bottom: 4mm; }
            p.footer { margin-top: 6mm; font-weight: bold; }
            """
        let body = statements.isEmpty ? "<p>No statements: no candidate has results released this series that you may see.</p>\n"
            : statements.map(\.html).joined()
        return HTMLPage.document(title: title, extraStyle: style, body: body)
    }
}
