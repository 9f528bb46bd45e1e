import ExamStore
import ExamRules
import ExamQuery

/// `report results FILE.html`: the results-day analysis of the current series (DOMAIN.md
/// "Results analysis") as one printable HTML file.
///
/// Every figure in it is the answer of a query run as a user would type it (`grades`,
/// `summarise`, `where to_chase`, `where missing_result`) over what the role may see now, so the
/// report and the shell never disagree, and the embargo and the clock apply as to any answer.
extension Session {
    func reportResults(to path: String) throws {
        guard path.lowercased().hasSuffix(".html") else {
            throw failure("a report is written as HTML: name the file .html", notes: ["such as: report results results-2024.html"])
        }
        try checkWritable(path)
        guard let series else {
            throw failure("there is no current series to report on", notes: ["set one, such as: set series \"Summer 2024\""])
        }
        let visible = visibility
        var run = ReportQueries(session: self, visible: visible)
        let html = try ResultsReport.html(series: series, run: &run, store: visible.store, today: today, dates: dates)
        if visible.hidden > 0 { console.err(embargoNote(visible.hidden)) }
        if run.readEmbargoed { try audit(ReportCommand(file: Word(path)).statement) }
        try FileSystem.writeDurably(html, to: path)
        console.out("Wrote the results analysis of \(series) to \(path)\n")
    }
}

/// Runs the report's queries over the role's view, noting whether any read embargoed results.
struct ReportQueries {
    let session: Session
    let visible: Visibility
    var readEmbargoed = false

    mutating func answer(_ text: String) throws -> Answer {
        let source = SourceText(text, file: "report")
        let evaluator = Evaluator(store: visible.store, today: session.today, series: session.series, source: source)
        evaluator.visibility = visible
        let output = try evaluator.run(try Parser.parse(text, file: "report"))
        if evaluator.readEmbargoed { readEmbargoed = true }
        guard case .table(let table, _) = output else { throw session.failure("report: '\(text)' gave no table") }
        return table
    }

    /// A value as a query's text literal, whatever it holds.
    static func literal(_ value: String) -> String {
        "\"" + value.split(separator: "\\", omittingEmptySubsequences: false).joined(separator: "\\\\")
            .split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\\\"") + "\""
    }
}

enum ResultsReport {
    /// The measures line's query for qualifications `codes` (one subject, or a scale's headline).
    static func measures(series: String, codes: [String], scale: GradeScale?) -> String {
        let list = codes.map(ReportQueries.literal).joined(separator: ", ")
        var items = ["count as graded"]
        for h in scale?.headlines ?? [] { items.append("share(grade >= \(ReportQueries.literal(h.atOrAbove))) as \(ReportQueries.literal(h.label))") }
        items.append("avg(points) as \"average points\"")
        return "results | where series = \(ReportQueries.literal(series)) and qualification in (\(list)) and graded | summarise " + items.joined(separator: ", ")
    }

    static func html(series: String, run: inout ReportQueries, store: Store, today: Day, dates: DateStyle) throws -> String {
        let s = ReportQueries.literal(series)
        let codes = try run.answer("results | where series = \(s) | distinct qualification")
        var subjects: [(code: String, row: Int32?, scale: GradeScale?)] = []
        for r in 0..<codes.rowCount {
            let code = codes.cell(r, 0, dates: dates)
            let row = (0..<Int32(store.qualifications.count)).first { store.pool[store.qualifications.code[Int($0)]] == code }
            subjects.append((code, row, row.flatMap { GradeScale.scale(store: store, qualification: $0) }))
        }
        var body = ""
        // Heading and headline figures.
        let centres = store.centres.map { c in store.pool[c] + (store.centreName(c).map { " " + $0 } ?? "") }
        body += "<h1>Results analysis: \(HTMLPage.escape(series))</h1>\n"
        body += "<p>\(HTMLPage.escape(centres.joined(separator: ", "))) · as at \(HTMLPage.escape(today.text(dates))) · provisional results</p>\n"
        let totals = try run.answer("results | where series = \(s) | summarise count as results, count distinct candidate as candidates")
        let graded = try run.answer("results | where series = \(s) and graded | summarise count")
        let chase = try run.answer("results | where series = \(s) and to_chase | summarise count")
        let missing = try run.answer("entries | where missing_result | summarise count")
        body += "<h2>Headline figures</h2>\n"
        body += HTMLPage.table(["results", "candidates", "graded", "to chase (X, Q, #)", "missing"],
                               [[totals.cell(0, 0, dates: dates), totals.cell(0, 1, dates: dates), graded.cell(0, 0, dates: dates), chase.cell(0, 0, dates: dates), missing.cell(0, 0, dates: dates)]],
                               numeric: [0, 1, 2, 3, 4])
        // One line per scale: its subjects together.
        var byScale: [(GradeScale, [String])] = []
        for subject in subjects {
            guard let scale = subject.scale else { continue }
            if let i = byScale.firstIndex(where: { $0.0 == scale }) { byScale[i].1.append(subject.code) } else { byScale.append((scale, [subject.code])) }
        }
        var headlineRows: [[String]] = []
        var headers = ["scale", "subjects", "graded"]
        let most = byScale.map { $0.0.headlines.count }.max() ?? 0
        for i in 0..<most { headers.append(i == 0 ? "higher measure" : "lower measure") }
        headers.append("average points")
        for (scale, list) in byScale {
            let m = try run.answer(measures(series: series, codes: list, scale: scale))
            var row = [scale.name, String(list.count), m.cell(0, 0, dates: dates)]
            for (i, h) in scale.headlines.enumerated() { row.append("\(h.label) \(percent(m, 0, i + 1))") }
            while row.count < 3 + most { row.append("") }
            row.append(m.cell(0, m.names.count - 1, dates: dates).isEmpty ? "—" : m.cell(0, m.names.count - 1, dates: dates))
            headlineRows.append(row)
        }
        if !headlineRows.isEmpty {
            body += HTMLPage.table(headers, headlineRows, numeric: [1, 2, headers.count - 1])
            body += "<p class=\"note\">Percentages are of graded results (U included; X and Q apart). National figures: JCQ, UK, all subjects, cumulative, for the summer of the series' own year where known.</p>\n"
        }
        // Per subject.
        for subject in subjects {
            let code = ReportQueries.literal(subject.code)
            let title = subject.row.map { q -> String in
                let type = store.pool[store.qualifications.type[Int(q)]], name = store.pool[store.qualifications.title[Int(q)]]
                return name.lowercased().contains(type.lowercased()) ? name : type + " " + name
            } ?? ""
            body += "<section class=\"subject\">\n<h2>\(HTMLPage.escape(subject.code)) \(HTMLPage.escape(title))</h2>\n"
            let distribution = try run.answer("results | where series = \(s) and qualification = \(code) | grades")
            let m = try run.answer(measures(series: series, codes: [subject.code], scale: subject.scale))
            var line = ["graded \(m.cell(0, 0, dates: dates))"]
            for (i, h) in (subject.scale?.headlines ?? []).enumerated() { line.append("\(h.label) \(percent(m, 0, i + 1))") }
            let average = m.cell(0, m.names.count - 1, dates: dates)
            line.append("average points " + (average.isEmpty ? "—" : average))
            body += "<p class=\"measures\">\(HTMLPage.escape(subject.code)) measures: \(HTMLPage.escape(line.joined(separator: " · ")))</p>\n"
            body += "<div class=\"distribution\">\n" + HTMLPage.table(distribution.names, (0..<distribution.rowCount).map { r in
                (0..<distribution.names.count).map { distribution.cell(r, $0, dates: dates) }
            }, numeric: [1]) + bars(distribution) + "</div>\n"
            let results = try run.answer("results | where series = \(s) and qualification = \(code) and to_chase | show candidate, surname, forenames, grade, concern")
            let absent = try run.answer("entries | where qualification = \(code) and missing_result | show candidate, surname, forenames")
            var chaseRows = (0..<results.rowCount).map { r in (0..<5).map { results.cell(r, $0, dates: dates) } }
            chaseRows += (0..<absent.rowCount).map { r in (0..<3).map { absent.cell(r, $0, dates: dates) } + ["", "result missing"] }
            if chaseRows.isEmpty {
                body += "<p class=\"note\">No results to chase.</p>\n"
            } else {
                body += "<p><b>Results to chase</b></p>\n" + HTMLPage.table(["candidate", "surname", "forenames", "grade", "why"], chaseRows)
            }
            body += "</section>\n"
        }
        if subjects.isEmpty { body += "<p>No results of \(HTMLPage.escape(series)) that you may see.</p>\n" }
        let style = """
            section.subject { break-inside: avoid; page-break-inside: avoid; }
            div.distribution { display: flex; gap: 6mm; align-items: flex-start; }
            p.measures { font-weight: bold; }
            svg text { font-family: inherit; font-size: 11px; }
            """
        return HTMLPage.document(title: "Results analysis: \(series)", extraStyle: style, body: body)
    }

    /// A share as the report shows it: two decimals and a per cent sign; a dash for none.
    static func percent(_ answer: Answer, _ row: Int, _ column: Int) -> String {
        let cell = answer.cell(row, column, dates: .iso)
        return cell.isEmpty ? "—" : cell + "%"
    }

    /// The distribution as horizontal bars, drawn in inline SVG (no script, no network).
    static func bars(_ distribution: Answer) -> String {
        guard let gradeAt = distribution.names.firstIndex(of: "grade"), let entriesAt = distribution.names.firstIndex(of: "entries") else { return "" }
        let rows = distribution.rowCount
        let counts = (0..<rows).map { Double(distribution.cell($0, entriesAt, dates: .iso)) ?? 0 }
        let top = max(counts.max() ?? 0, 1)
        let rowHeight = 17.0, labelWidth = 40.0, barWidth = 260.0, width = labelWidth + barWidth + 36
        let height = rowHeight * Double(rows) + 4
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\n"
        for r in 0..<rows {
            let y = 2 + rowHeight * Double(r)
            let w = counts[r] / top * barWidth
            let grade = distribution.cell(r, gradeAt, dates: .iso)
            let graded = !distribution.cell(r, distribution.names.firstIndex(of: "percent") ?? entriesAt, dates: .iso).isEmpty
            out += "<text x=\"\(Int(labelWidth - 4))\" y=\"\(format(y + 12))\" text-anchor=\"end\">\(HTMLPage.escape(grade))</text>"
            out += "<rect x=\"\(Int(labelWidth))\" y=\"\(format(y + 1))\" width=\"\(format(w))\" height=\"\(format(rowHeight - 3))\" fill=\"\(graded ? "#2b5c8a" : "#999999")\"/>"
            out += "<text x=\"\(format(labelWidth + w + 3))\" y=\"\(format(y + 12))\">\(Int(counts[r]))</text>\n"
        }
        return out + "</svg>\n"
    }

    static func format(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
