import ExamStore
import ExamRules
import ExamQuery

/// `why`, `statement` and `statements`: answers a data manager can check by eye.
extension Session {

    func heading(_ c: Int32) -> String {
        let i = Int(c)
        var parts = ["\(store.reference(candidate: c)) \(store.formalName(candidate: c))"]
        if store.candidates.group[i] != 0 { parts.append("group \(store.pool[store.candidates.group[i]])") }
        if store.candidates.uci[i] != 0 { parts.append("UCI \(store.pool[store.candidates.uci[i]])") }
        return parts.joined(separator: ", ")
    }

    func why(_ who: Word) throws {
        let c = try candidate(who)
        // Everything below is told from what the role may see.
        let visible = visibility, store = visible.store
        let context = RuleContext(store: store, today: today, series: series)
        let pool = store.pool
        if visible.hidden > 0 { console.err(embargoNote(visible.hidden)) }
        // Every line fits an 80-column terminal: long ones wrap under where their text starts.
        var out = TextLayout.wrapped(heading(c), hanging: 2)
        out += TextLayout.wrapped("Series \(series ?? "(none)"), today \(today.text(dates))", hanging: 2)
        let entries = store.entriesByCandidate[c]
        if entries.isEmpty { out += "\nNo entries.\n" }
        for e in entries {
            let i = Int(e), q = Int(store.entries.qualification[i])
            let verdict = Eligibility.verdict(store: store, entry: e, context: context)
            let code = pool[store.qualifications.code[q]]
            out += "\n" + TextLayout.wrapped("\(code) \(pool[store.qualifications.title[q]]), completion \(pool[store.entries.completion[i]])"
                + (store.entries.acknowledged[i] ? ", acknowledged" : ""), hanging: code.count + 1)
            if verdict.isUnitised {
                let lines = Eligibility.units(store: store, entry: e)
                let codeWidth = lines.map { pool[store.units.code[Int($0.unit)]].count }.max() ?? 0
                for u in lines { out += unitLines(u, codeWidth: codeWidth, store: store) }
                out += "  GLH achieved or in progress: \(verdict.glhAchieved) of \(verdict.glhRequired)\n"
            }
            out += TextLayout.wrapped("  verdict: " + verdictWords(verdict, entry: i), hanging: 11)
            if MissingResults.isMissing(store: store, entry: e, context: context),
               !visible.withholds(qualification: Int32(q), series: store.entries.completion[i]) {
                out += TextLayout.wrapped("  result: missing (results for its level have arrived and there is no result row)", hanging: 10)
            }
            for r in store.resultsByCandidate[c] where Int(store.results.qualification[Int(r)]) == q {
                let g = pool[store.results.grade[Int(r)]]
                let concern = ResultConcern.classify(store: store, result: r).map { " (\($0.words))" } ?? ""
                out += TextLayout.wrapped("  result: \(g)\(concern), \(pool[store.results.series[Int(r)]]), \(store.results.status[Int(r)].name)", hanging: 10)
            }
        }
        let reviews = store.reviewsByCandidate[c]
        if !reviews.isEmpty {
            out += "\nPost-results requests\n"
            for r in reviews {
                let i = Int(r)
                let service = store.reviews.service[i]
                let id = pool[store.reviews.id[i]]
                var line = "  \(id) \(service.code) \(service.title), \(pool[store.qualifications.code[Int(store.reviews.qualification[i])]])"
                if let d = Deadlines.deadline(store: store, review: r, context: context) {
                    line += ": deadline \(d.date.text(dates))" + (d.estimated ? " (estimated)" : "") + " " + deadlineSource(d, in: store)
                    if Deadlines.isOverdue(submitted: store.reviews.submitted[i], deadline: d.date, today: today) { line += "; OVERDUE, not submitted" }
                    else if Deadlines.isDue(submitted: store.reviews.submitted[i], deadline: d.date, today: today) {
                        line += "; due, \(Deadlines.daysLeft(deadline: d.date, today: today) ?? 0) days left"
                    }
                } else {
                    line += ": " + Deadlines.unknownDeadlineReason(store: store, review: r)
                }
                if !store.reviews.submitted[i].isBlank { line += "; submitted \(store.reviews.submitted[i].text(dates))" }
                if store.reviews.outcome[i] != .none { line += "; \(store.reviews.outcome[i].name)" + (store.reviews.newGrade[i] != 0 ? " to \(pool[store.reviews.newGrade[i]])" : "") }
                out += TextLayout.wrapped(line, hanging: 3 + id.count)
            }
        }
        if visible.readsAudited(Array(store.resultsByCandidate[c])) { try audit(WhyCommand(candidate: who).statement) }
        show(out)
    }

    /// Prints an answer told in text (`why`, `statement`) as a table is printed: through the
    /// pager when the shell is on a terminal, the pager is on and the answer is taller than the screen.
    func show(_ text: String) {
        if pager && paging { console.page(text) } else { console.out(text) }
    }

    /// One unit of an entry as `why` tells it, in two lines (wrapped to 80 columns): the unit,
    /// whether it is mandatory, how it is assessed and its GLH; then the row that counts (series,
    /// status, grade), what it counts as, and whether its GLH count toward the qualification's.
    ///
    ///       unit 1   Fundamentals of IT: mandatory, exam, 90 GLH
    ///                January 2024 achieved P; counts as achieved, toward GLH
    func unitLines(_ u: UnitLine, codeWidth: Int, store: Store) -> String {
        let pool = store.pool, ui = Int(u.unit), code = pool[store.units.code[ui]]
        let lead = "  unit " + code + String(repeating: " ", count: codeWidth - code.count) + "  "
        // A line that wraps goes on two further columns in, so it does not pass for the next line.
        let hanging = lead.count
        var out = TextLayout.wrapped(lead + "\(pool[store.units.title[ui]]): \(u.mandatory ? "mandatory" : "optional"), \(u.assessment.name), \(u.glh) GLH",
                                     hanging: hanging + 2)
        let toward = u.countsTowardGLH ? "toward GLH" : "not toward GLH"
        var row = "no row; " + toward
        if let status = u.status {
            row = [pool[u.series], status.name, pool[u.grade]].filter { !$0.isEmpty }.joined(separator: " ")
                + "; counts as \(u.standing.words), " + toward
        }
        out += TextLayout.wrapped(String(repeating: " ", count: hanging) + row, hanging: hanging + 2)
        return out
    }

    func verdictWords(_ v: EntryVerdict, entry i: Int) -> String {
        if !v.isUnitised { return "not unitised: no eligibility check" }
        if !v.inSeries { return "not completing in \(series ?? "the current series"): not checked this series" }
        if v.reasons.isEmpty { return "eligible" }
        let reasons = v.reasons.words.joined(separator: "; ")
        return store.entries.acknowledged[i] ? "acknowledged by the centre (would be Not Eligible: \(reasons))" : "NOT ELIGIBLE: \(reasons)"
    }

    /// Where a deadline came from, told from `store` (the one the deadline was worked out on:
    /// the store as at today holds fewer reviews than the one loaded, so its rows number differently).
    func deadlineSource(_ d: Deadline, in store: Store) -> String {
        switch d.source {
        case .calendar(let row, let appliesTo):
            let e = Int(row)
            return "(calendar: \(store.pool[store.calendar.event[e]]) of \(store.pool[store.calendar.series[e]]), applies to \(appliesTo.isEmpty ? "all" : appliesTo))"
        case .appeal(let based, let days):
            return "(\(days) days after the outcome of \(store.pool[store.reviews.id[Int(based)]]) on \(store.reviews.outcomeDate[Int(based)].text(dates)))"
        }
    }

    // MARK: Statements of results

    /// A statement of results (DOMAIN.md "Statements of results"): every entry of the candidate
    /// whose estimated completion is the current series, with the grade as it stands today (and
    /// which review changed it), X or Q as such, "no result: not eligible" with the reasons, or
    /// "result missing" with its MIR request; results of earlier series are not on it. With
    /// `releasedOnly`, only the qualifications whose results have reached the centre (and that
    /// the role may see); nil when that leaves no entry.
    func statementText(_ c: Int32, from store: Store, visible: Visibility? = nil, releasedOnly: Bool = false) -> String? {
        statement(c, from: store, visible: visible, releasedOnly: releasedOnly).map(\.text)
    }

    /// The statement of results of candidate `c` (`statementText` says what is on it).
    func statement(_ c: Int32, from store: Store, visible: Visibility? = nil, releasedOnly: Bool = false) -> StatementOfResults? {
        let i = Int(c), pool = store.pool
        let context = RuleContext(store: store, today: today, series: series)
        var rows: [[String]] = []
        var marks: Set<String> = []
        var withheldEntries = 0
        var current = SeriesMatch(pool: pool, series: context.series)
        for e32 in store.entriesByCandidate[c] {
            let e = Int(e32), q = store.entries.qualification[e], qi = Int(q)
            let completion = store.entries.completion[e]
            guard current.matches(completion) else { continue }
            let arrived = ResultsArrival.arrivalDay(store: store, qualification: q, series: completion).map { today >= $0 } ?? true
            let withheld = visible?.withholds(qualification: q, series: completion) ?? false
            // What the role may not see is left out, not listed as awaited (that would tell it has come).
            if withheld { withheldEntries += 1; continue }
            if releasedOnly && !arrived { continue }
            let head = [pool[store.qualifications.code[qi]], pool[store.qualifications.type[qi]], pool[store.qualifications.title[qi]]]
            let result = store.resultsByCandidate[c].last {
                store.results.qualification[Int($0)] == q && current.matches(store.results.series[Int($0)])
            }
            if let r = result.map(Int.init) {
                let grade = pool[store.results.grade[r]]
                if let concern = ResultConcern.classify(grade: grade) { marks.insert(concern.words) }
                var note = ""
                if let by = store.results.changedBy(r) {
                    let b = Int(by)
                    note = "\(store.reviews.outcome[b].name) from \(pool[store.results.originalGrade(r)]) by review \(pool[store.reviews.id[b]])"
                        + (store.reviews.outcomeDate[b].isBlank ? "" : " on \(store.reviews.outcomeDate[b].text(dates))")
                }
                if store.results.status[r] == .final { note = note.isEmpty ? "final" : note + "; final" }
                rows.append(head + [grade, note])
                continue
            }
            let verdict = Eligibility.verdict(store: store, entry: e32, context: context)
            if verdict.isUnitised && !verdict.reasons.isEmpty {
                rows.append(head + ["no result", "not eligible: " + verdict.reasons.words.joined(separator: "; ")])
            } else if MissingResults.isMissing(store: store, entry: e32, context: context) {
                let mir = store.reviewsByCandidate[c].first {
                    store.reviews.qualification[Int($0)] == q && store.reviews.service[Int($0)] == .missingResult
                }
                let request = mir.map { "; missing result enquiry \(pool[store.reviews.id[Int($0)]]) requested \(store.reviews.requested[Int($0)].text(dates))" } ?? ""
                rows.append(head + ["", "result missing" + request])
            } else {
                let day = ResultsArrival.arrivalDay(store: store, qualification: q, series: completion)
                rows.append(head + ["", "results not yet released" + (day.map { " (they reach the centre on \($0.text(dates)))" } ?? "")])
            }
        }
        if releasedOnly && rows.isEmpty { return nil }
        let centre = store.candidates.centre[i]
        var details: [(String, String)] = [
            ("Centre", pool[centre] + (store.centreName(centre).map { " " + $0 } ?? "")),
            ("Candidate", store.formalName(candidate: c)),
            ("Candidate number", pool[store.candidates.number[i]]),
        ]
        if store.candidates.uci[i] != 0 { details.append(("UCI", pool[store.candidates.uci[i]])) }
        if store.candidates.uln[i] != 0 { details.append(("ULN", pool[store.candidates.uln[i]])) }
        if !store.candidates.dob[i].isBlank { details.append(("Date of birth", store.candidates.dob[i].text(dates))) }
        let empty = rows.isEmpty ? (withheldEntries > 0 ? "No results released yet." : "No entries completing in \(series ?? "this series").") : nil
        return StatementOfResults(series: series ?? "", details: details, rows: rows, empty: empty, marks: marks.sorted())
    }

    /// `statements to DIR`: one file per candidate with an entry completing in the current series
    /// whose results have reached the centre (and that the role may see). `statements to
    /// FILE.html`: the same statements in one HTML file, one to a printed A4 page.
    func statements(to path: String) throws {
        try checkWritable(path)
        let visible = visibility, store = visible.store
        if visible.hidden > 0 { console.err(embargoNote(visible.hidden)) }
        if visible.readsAudited() { try audit(StatementsCommand(folder: Word(path)).statement) }
        var statements: [(String, StatementOfResults)] = []
        for c in 0..<Int32(store.candidates.count) {
            guard let statement = statement(c, from: store, visible: visible, releasedOnly: true) else { continue }
            let i = Int(c)
            statements.append((String(store.reference(candidate: c).map { $0 == "/" ? "-" : $0 }) + "-" + store.pool[store.candidates.surname[i]].uppercased().filter { $0.isLetter || $0 == "-" }, statement))
        }
        if path.lowercased().hasSuffix(".html") {
            try FileSystem.writeDurably(StatementOfResults.html(statements.map(\.1), title: "Statements of results, \(series ?? "")"), to: path)
            console.out("Wrote \(Store.grouped(statements.count)) statements of results to \(path), one to a printed page\n")
            return
        }
        try FileSystem.makeDirectory(path)
        for (name, statement) in statements { try FileSystem.writeDurably(statement.text, to: path + "/" + name + ".txt") }
        console.out("Wrote \(Store.grouped(statements.count)) statements of results to \(path)\n")
    }
}
